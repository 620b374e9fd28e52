/**
 * Limits on sign-in and registration attempts (README: Security). Windows are fixed, so a
 * refusal says how long is left in the window; counters live in rate_limit_buckets.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Failed sign-ins per account from unknown clients, and per known device (device cookie), per window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed sign-ins per address, whatever the account, per window. */
export const MAX_FAILURES_PER_ADDRESS = 20;

export const REGISTRATION_WINDOW_MS = 60 * 60_000;
/** New accounts per address per hour, while self-registration is open. */
export const MAX_REGISTRATIONS_PER_ADDRESS = 5;

export interface Bucket {
  key: string;
  limit: number;
  kind: 'account' | 'device' | 'address';
}

/** Who is signing in, as far as limits care: the address, and the device id of a valid device cookie for this account. */
export interface SignInClient {
  ip: string | null;
  deviceId: string | null;
}

/**
 * The buckets one sign-in attempt counts against. A known device has a bucket of its own instead
 * of the account's, so failures from elsewhere cannot lock its owner out; the address bucket
 * applies to everyone.
 */
export function signInBuckets(username: string, client: SignInClient): Bucket[] {
  const buckets: Bucket[] = [
    client.deviceId
      ? { key: `signin:device:${client.deviceId}`, limit: MAX_FAILURES_PER_ACCOUNT, kind: 'device' }
      : { key: `signin:account:${username}`, limit: MAX_FAILURES_PER_ACCOUNT, kind: 'account' },
  ];
  if (client.ip) buckets.push({ key: `signin:address:${client.ip}`, limit: MAX_FAILURES_PER_ADDRESS, kind: 'address' });
  return buckets;
}

export function secondsLeftInWindow(now: number, windowMs: number): number {
  return Math.ceil((windowMs - (now % windowMs)) / 1000);
}
