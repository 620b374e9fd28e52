import { PasswordWorkQueue } from '../../../src/modules/accounts/password-work';
import { ServiceUnavailableError } from '../../../src/lib/errors';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PasswordWorkQueue', () => {
  test('when more work arrives than may run and wait, then the excess is refused at once with 503 and Retry-After, and the rest runs one at a time', async () => {
    const queue = new PasswordWorkQueue(1, 2);
    const gates = [deferred(), deferred(), deferred()];
    let running = 0;
    let most = 0;
    const job = (i: number) => () => {
      running += 1;
      most = Math.max(most, running);
      return gates[i].promise.then(() => {
        running -= 1;
        return i;
      });
    };
    const accepted = [0, 1, 2].map((i) => queue.run(job(i)));
    const refused = await queue.run(job(0)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect((refused as ServiceUnavailableError).status).toBe(503);
    expect((refused as ServiceUnavailableError).headers['Retry-After']).toMatch(/^\d+$/);
    expect(queue.pending).toBe(3);
    gates.forEach((gate) => gate.resolve());
    expect(await Promise.all(accepted)).toEqual([0, 1, 2]);
    expect(most).toBe(1);
    expect(queue.pending).toBe(0);
    expect(queue.completed).toBe(3);
  });

  test('when a job fails, then its place is given to the next one', async () => {
    const queue = new PasswordWorkQueue(1, 4);
    const failing = queue.run(() => Promise.reject(new Error('boom')));
    const next = queue.run(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    expect(queue.pending).toBe(0);
  });
});

test('when the queue is full, then refuseIfBusy refuses at once, and it lets requests through when there is room', async () => {
  const queue = new PasswordWorkQueue(1, 1);
  expect(() => queue.refuseIfBusy()).not.toThrow();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const running = queue.run(() => gate);
  const waiting = queue.run(async () => undefined);
  expect(() => queue.refuseIfBusy()).toThrow(ServiceUnavailableError);
  open();
  await Promise.all([running, waiting]);
  expect(() => queue.refuseIfBusy()).not.toThrow();
});
