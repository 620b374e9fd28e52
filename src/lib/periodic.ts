import type { Logger } from './logger';

/** Runs a background job every `everyMs` (and once soon after start), logging failures; returns a stop function. */
export function startPeriodic(name: string, job: () => Promise<unknown>, logger: Logger, everyMs: number, firstAfterMs = 5_000): () => void {
  // A round still running when the next is due is not joined by another (a slow receiver would
  // otherwise pile rounds up in one instance).
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    job()
      .then((result) => logger.debug({ result }, name))
      .catch((error: unknown) => logger.warn({ err: error }, `${name} failed`))
      .finally(() => (running = false));
  };
  const first = setTimeout(run, firstAfterMs);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
