/**
 * An open-loop load generator for "latency at a request rate": request i is sent at start + i/rate,
 * whether or not earlier requests have been answered, and its latency is measured from the time
 * it was due, not from when it found a free connection (no coordinated omission, as in wrk2).
 *
 * Why not autocannon's `overallRate`: autocannon lets each connection send as fast as it can
 * until its quota for the current second is used, then pauses until the next second, so a
 * "paced" run is a flood for part of every second and measures the flood. It also corrects for
 * coordinated omission with an expected interval of `ceil(1 / rate)` = 1 ms, which records a
 * 40 ms answer as forty samples of 1…40 ms. Here arrivals are evenly spaced (to the timer's
 * millisecond), and every sample is one real answer.
 *
 * It runs in its own process (`pacedLoadInChild`), so the bench's own work never delays a send.
 */
import { fork } from 'node:child_process';
import http from 'node:http';

export interface PacedLoadOptions {
  url: string;
  /** Requests per second, evenly spaced. */
  rate: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Keep-alive connections at most; a request due while all are busy waits for one (and that wait counts). */
  maxConnections?: number;
}

export interface PacedLoadResult {
  rate: number;
  sent: number;
  /** Answers with status 200. */
  ok: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  /** The most requests in flight at once (queueing shows as this approaching maxConnections). */
  peakInFlight: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : NaN);
const round = (ms: number) => Math.round(ms * 10) / 10;

export function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const target = new URL(options.url);
  const maxConnections = options.maxConnections ?? 64;
  const agent = new http.Agent({ keepAlive: true, maxSockets: maxConnections });
  let peakInFlight = 0;
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const intervalNs = 1e9 / options.rate;
  const start = process.hrtime.bigint() + 5_000_000n;
  const dueAt = (i: number) => start + BigInt(Math.round(i * intervalNs));
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  let open = 0;

  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      const sorted = latencies.sort((a, b) => a - b);
      resolve({
        rate: options.rate,
        sent: total,
        ok: latencies.length,
        errors,
        p50: round(percentile(sorted, 50)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted[sorted.length - 1] ?? NaN),
        peakInFlight,
      });
    };
    const settled = () => {
      open -= 1;
      if (next >= total && open === 0) finish();
    };
    const send = (due: bigint) => {
      open += 1;
      peakInFlight = Math.max(peakInFlight, open);
      const req = http.get({ agent, host: target.hostname, port: target.port, path: target.pathname + target.search, headers: options.headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(Number(process.hrtime.bigint() - due) / 1e6);
          else errors += 1;
          settled();
        });
      });
      req.on('error', () => {
        errors += 1;
        settled();
      });
    };
    const tick = () => {
      const now = process.hrtime.bigint();
      while (next < total && dueAt(next) <= now) send(dueAt(next++));
      if (next < total) setTimeout(tick, Math.max(0, Number(dueAt(next) - process.hrtime.bigint()) / 1e6 - 0.5));
    };
    tick();
  });
}

/** The same run in a child process of its own (the bench is built to dist/, where this file is paced-load.js). */
export function pacedLoadInChild(options: PacedLoadOptions): Promise<PacedLoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { env: { ...process.env, PACED_LOAD: JSON.stringify(options) }, stdio: 'inherit' });
    child.once('message', (result) => resolve(result as PacedLoadResult));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the paced load generator exited with ${code}`))));
  });
}

if (require.main === module && process.env.PACED_LOAD) {
  pacedLoad(JSON.parse(process.env.PACED_LOAD) as PacedLoadOptions).then((result) => {
    if (process.send) process.send(result, () => process.exit(0));
    else {
      console.log(JSON.stringify(result));
      process.exit(0);
    }
  });
}
