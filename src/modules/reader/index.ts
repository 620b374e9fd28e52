export { createReaderService, type ReaderService, type PublishedFactCheck, type Appearance } from './reader-service';
export { readerRoutes } from './reader-routes';
