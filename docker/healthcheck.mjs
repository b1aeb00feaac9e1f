// Docker HEALTHCHECK of every Node image: GET /healthz on the app's HTTP or ops port.
// The port is HEALTHCHECK_PORT when set, else the one the app's package.json declares
// ("jobping": { "url": "http://localhost:<port>/…" }, the same default its config uses).
// A workspace that serves nothing (the migration image) has no url and is always healthy.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('file:///app/package.json'), 'utf8'));
const declared = manifest.jobping?.url ? new URL(manifest.jobping.url).port : '';
const port = process.env.HEALTHCHECK_PORT || declared;
if (!port) process.exit(0);

try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_500) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
