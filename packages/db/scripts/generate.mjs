// Runs `prisma generate` offline. The CLI insists on finding its native schema-engine
// binary (which it cannot download here) although generate never runs it, so when the
// binary is absent we point PRISMA_SCHEMA_ENGINE_BINARY at an existing file (docs/contributing.md, "Working offline").
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const schema = path.resolve(packageDir, '../../prisma/schema.prisma');
const require = createRequire(import.meta.url);

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const enginesDir = path.dirname(require.resolve('@prisma/engines/package.json', { paths: [path.dirname(require.resolve('prisma/package.json'))] }));
  const hasEngine = readdirSync(enginesDir).some((name) => name.startsWith('schema-engine'));
  if (!hasEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

const prismaBin = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
if (!existsSync(prismaBin)) throw new Error(`prisma CLI not found at ${prismaBin}: run pnpm install`);
const result = spawnSync(process.execPath, [prismaBin, 'generate', '--schema', schema], { cwd: packageDir, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
