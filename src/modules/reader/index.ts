export { createReaderService, type ReaderService, type PublishedFactCheck } from './reader-service';
export { readerRoutes } from './reader-routes';
export type { Publishing } from './reader-presenter';
