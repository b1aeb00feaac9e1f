// `pnpm jobping <area> …`: the operator commands of every package behind one name.
//   pnpm jobping streams status | dlq list|show|replay|purge …
//   pnpm jobping db migrate | new <name> | check | seed
//   pnpm jobping users promote|demote <email> | list-admins
// Reads .env and the local defaults like npm start does. Run `pnpm build` (or npm start) first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadEnvironment } from './lib/env.mjs';
import { ROOT } from './lib/paths.mjs';

// Each area: a built CLI and the arguments that lead its command line (auth-api's CLI
// groups its commands under `users`, as `node dist/cli.js users …` in the image).
const areas = {
  streams: { cli: 'packages/streams/dist/cli.js', lead: [] },
  db: { cli: 'packages/db/dist/cli.js', lead: [] },
  users: { cli: 'apps/auth-api/dist/cli.js', lead: ['users'] },
};

const [area, ...args] = process.argv.slice(2);
const { cli, lead } = areas[area] ?? {};
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
const child = spawn(process.execPath, [file, ...lead, ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
