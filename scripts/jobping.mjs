// `pnpm jobping <area> …`: the operator commands of every package behind one name.
//   pnpm jobping streams status | dlq list|show|replay|purge …
//   pnpm jobping db migrate | new <name> | check | seed
// Reads .env and the local defaults like npm start does. Run `pnpm build` (or npm start) first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadEnvironment } from './lib/env.mjs';
import { ROOT } from './lib/paths.mjs';

const areas = {
  streams: 'packages/streams/dist/cli.js',
  db: 'packages/db/dist/cli.js',
};

const [area, ...args] = process.argv.slice(2);
const cli = areas[area];
if (!cli) {
  console.error(`Usage: pnpm jobping <${Object.keys(areas).join('|')}> <command> …  (e.g. pnpm jobping streams status)`);
  process.exit(2);
}
const file = path.join(ROOT, cli);
if (!existsSync(file)) {
  console.error(`${cli} is not built yet: run \`pnpm build\` (or npm start) first.`);
  process.exit(1);
}
loadEnvironment();
const child = spawn(process.execPath, [file, ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
