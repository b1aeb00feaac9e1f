import { authApiPaths } from '@jobping/auth-api/routes';
import { proxyPattern, proxyRules, securityHeaders } from '@jobping/edge';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { loadWebConfig } from './server/config.ts';

// The dev server (`vite`) and `vite preview` (what `npm start` serves) pass /api through
// plainly, like nginx and the Ingress: auth-api's routes (read from its declarations) to
// auth-api, everything else to jobs-api. auth-api sets and reads the session cookie itself.
export default defineConfig(() => {
  const config = loadWebConfig();
  const proxy: Record<string, ProxyOptions> = {
    // Vite tries these in order; the first whose key matches wins. A key starting with ^ is a
    // regular expression over the path with its query.
    [proxyPattern(proxyRules(authApiPaths()))]: { target: config.AUTH_API_URL },
    '/api': { target: config.JOBS_API_URL },
  };
  const base = { port: config.WEB_PORT, host: config.WEB_HOST, strictPort: true, proxy };
  const headers = securityHeaders({ https: false });
  // The dev server's hot reload injects inline scripts, which the policy forbids: it runs without one.
  const { ['Content-Security-Policy']: _csp, ...devHeaders } = headers;
  return {
    plugins: [react()],
    server: { ...base, headers: devHeaders },
    preview: { ...base, headers },
    build: { sourcemap: true },
  };
});
