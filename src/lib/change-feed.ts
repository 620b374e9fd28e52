import { EventEmitter } from 'node:events';

/**
 * Tells whoever keeps derived copies (the public page cache) that published content changed:
 * an article was added, a check or a decision was written. Services publish after their
 * transaction commits.
 */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();

  publicContentChanged(reason: string): void {
    this.emitter.emit('public', reason);
  }

  onPublicContentChanged(listener: (reason: string) => void): () => void {
    this.emitter.on('public', listener);
    return () => this.emitter.off('public', listener);
  }
}
