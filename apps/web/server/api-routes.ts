/**
 * Which API answers which path. The browser only ever talks to the web server's origin
 * (`/api/...`), so no CORS is needed; the server forwards each call to auth-api or jobs-api.
 */

/** Sessions: the refresh-cookie middleware handles these itself (see refresh-cookie.ts). */
export const SESSION_PATHS = ['/api/register', '/api/login', '/api/token/refresh', '/api/logout'] as const;
export type SessionPath = (typeof SESSION_PATHS)[number];

/**
 * auth-api owns the account and its settings: /api/users/me and a few sub-paths. Everything
 * else under /api/users/me (matches, threshold-preview) belongs to jobs-api. A Vite proxy key
 * starting with ^ is a regular expression over the path with its query.
 */
export const AUTH_API_PROXY_KEY = '^/api/(register|login|token/refresh|logout|users/me(/(prompt|discord|discord/test|threshold|filters))?)([?].*)?$';
