import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device cookies (OWASP's defence against account lock-out): after a successful sign-in the
 * browser receives a cookie naming the account and a random device id, signed with the server's
 * secret. A sign-in that presents a valid device cookie for the account it signs in to is
 * limited in that device's own bucket, so an attacker's failed guesses from elsewhere, which
 * exhaust the account's bucket for unknown clients, do not lock the real user out.
 */
export const DEVICE_COOKIE = 'factline.device';
export const DEVICE_COOKIE_DAYS = 365;

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`device\u0000${payload}`).digest('base64url');
}

export function issueDeviceCookie(secret: string, username: string): string {
  const payload = `${Buffer.from(username).toString('base64url')}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${signature(secret, payload)}`;
}

/** The device id, when the cookie is genuine and was issued for this username; null otherwise. */
export function deviceFor(secret: string, cookie: string | undefined, username: string): string | null {
  if (!cookie) return null;
  const parts = cookie.split('.');
  if (parts.length !== 3) return null;
  const [encodedName, id, mac] = parts;
  const expected = Buffer.from(signature(secret, `${encodedName}.${id}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Buffer.from(encodedName, 'base64url').toString() === username ? id : null;
}
