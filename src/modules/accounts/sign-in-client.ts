import type { Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, deviceFor, issueDeviceCookie } from './device-cookies';
import type { SignInClient } from './sign-in-limits';

export interface DeviceCookieOptions {
  secret: string;
  secureCookies: boolean;
}

/** The address and, when the browser holds a genuine device cookie for this account, its device id. */
export function signInClientOf(options: DeviceCookieOptions) {
  return (req: Request, username: string): SignInClient => ({
    ip: req.ip ?? null,
    deviceId: deviceFor(options.secret, parseCookies(req.headers.cookie ?? '')[DEVICE_COOKIE], username),
  });
}

/** After a successful sign-in: the browser becomes a known device for this account (kept if it already is). */
export function rememberDevice(req: Request, res: Response, username: string, options: DeviceCookieOptions): void {
  if (signInClientOf(options)(req, username).deviceId) return;
  res.cookie(DEVICE_COOKIE, issueDeviceCookie(options.secret, username), {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies,
    maxAge: DEVICE_COOKIE_DAYS * 24 * 60 * 60 * 1000,
  });
}
