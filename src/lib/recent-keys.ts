/**
 * Remembers which keys were seen in which window, in memory and bounded: `add` answers true the
 * first time a key is seen in a window and false on repeats. When full it forgets everything
 * (the worst case is one more "first" answer per key, never a missed one).
 */
export class RecentKeys {
  private readonly seen = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  add(key: string, window: number): boolean {
    if (this.seen.get(key) === window) return false;
    if (this.seen.size >= this.capacity) this.seen.clear();
    this.seen.set(key, window);
    return true;
  }
}
