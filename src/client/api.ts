/** JSON calls to Factline's API with the session cookie and the CSRF header. */
export interface ApiError {
  code: string;
  message: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}

let csrfToken: string | null = null;

export interface Me {
  user: { id: number; username: string; displayName: string; role: 'reviewer' | 'editor' | 'admin' };
  csrfToken?: string;
}

/** The signed-in user, or null for a reader. */
export async function whoAmI(): Promise<Me | null> {
  const response = await fetch('/api/v1/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) return null;
  const me = (await response.json()) as Me;
  csrfToken = me.csrfToken ?? null;
  return me;
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const data = (await response.json().catch(() => ({}))) as T & { error?: ApiError };
  if (!response.ok) throw new ApiFailure(response.status, data.error ?? { code: 'unknown', message: `The server answered ${response.status}.` });
  return { status: response.status, data };
}
