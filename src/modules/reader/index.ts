export { createReaderService, type ReaderService, type PublishedFactCheck } from './reader-service';
export { readerRouter } from './reader-routes';
