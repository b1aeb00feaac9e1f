import type { Session } from './types';

/** An API error answer (`{ error: { code, message, details? } }`) or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The access token lives only in this module's memory (never in storage a script could read
 * later); the refresh token is an httpOnly cookie that auth-api sets and reads. On a 401 the client
 * refreshes once (one refresh shared by every request waiting on it) and retries; when the
 * refresh fails the session ends and listeners (the auth context) log the user out.
 */
let accessToken: string | null = null;
let refreshing: Promise<Session | null> | null = null;
const sessionListeners = new Set<(session: Session | null) => void>();

export function setSession(session: Session | null): void {
  accessToken = session?.access_token ?? null;
}

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

async function parseError(res: Response): Promise<ApiError> {
  let code = 'http_error';
  let message = `The server answered ${res.status}.`;
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
    details = body.error?.details;
  } catch {
    // not JSON: keep the generic message
  }
  if (res.status === 429 && code === 'http_error') message = 'Too many requests. Wait a moment and try again.';
  if (res.status >= 500 && code === 'http_error') message = 'JobPing is having trouble right now. Try again in a moment.';
  return new ApiError(res.status, code, message, details);
}

async function send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach JobPing. Check your connection and try again.');
  }
}

/** Exchanges the refresh cookie for a new session; null (and logged out) when that fails. */
export function refreshSession(): Promise<Session | null> {
  refreshing ??= (async () => {
    try {
      const res = await send('POST', '/api/token/refresh', {}, null);
      // 204: auth-api got no session cookie (nothing to restore).
      const session = res.status === 200 ? ((await res.json()) as Session) : null;
      setSession(session);
      for (const listener of sessionListeners) listener(session);
      return session;
    } catch {
      setSession(null);
      for (const listener of sessionListeners) listener(null);
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** One JSON API call with the access token; refreshes once on 401. Answers undefined for 204. */
export async function api<T>(method: string, path: string, body?: unknown, { auth = true } = {}): Promise<T> {
  let res = await send(method, path, body, auth ? accessToken : null);
  if (res.status === 401 && auth) {
    // Read the refusal to its end: an unread body keeps the connection (and the request) open.
    await res.text().catch(() => undefined);
    const session = await refreshSession();
    if (!session) throw new ApiError(401, 'session_ended', 'Your session has ended. Log in again.');
    res = await send(method, path, body, session.access_token);
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A sentence for the user: validation errors name what is wrong with which field. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (Array.isArray(error.details)) {
      const messages = (error.details as { message?: unknown }[]).map((d) => (typeof d?.message === 'string' ? d.message : null)).filter(Boolean);
      if (messages.length > 0) return messages.join(' ');
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
