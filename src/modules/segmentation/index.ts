export { segmentSentences } from './segmenter';
export type { SentenceSpan } from './segmenter';
