import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { AUTH_API_PROXY_KEY } from './server/api-routes.ts';
import { loadWebConfig } from './server/config.ts';
import { refreshCookiePlugin } from './server/refresh-cookie.ts';

// Dev server (`vite`) and `vite preview` (what `npm start` and the browser tests run) serve the
// app and forward /api: account routes to auth-api, everything else to jobs-api.
export default defineConfig(() => {
  const config = loadWebConfig();
  const proxy: Record<string, ProxyOptions> = {
    // Vite tries these in order; the first whose key matches wins.
    [AUTH_API_PROXY_KEY]: { target: config.AUTH_API_URL },
    '/api': { target: config.JOBS_API_URL },
  };
  const server = { port: config.WEB_PORT, host: config.WEB_HOST, strictPort: true, proxy };
  return {
    plugins: [refreshCookiePlugin(config.AUTH_API_URL), react()],
    server,
    preview: server,
    build: { sourcemap: true },
  };
});
