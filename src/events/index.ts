export { createDomainEvents, type DomainEvents, type EventSubscriber } from './domain-events';
export * from './event-kinds';
export { publicChangeOf, publicContentSubscriber } from './public-content-subscriber';
