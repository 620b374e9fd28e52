export { createReaderService, type ReaderService, type PublishedFactCheck } from './reader-service';
export { readerRoutes } from './reader-routes';
