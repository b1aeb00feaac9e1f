// `npm run setup`: only the set-up part of `npm start` (tools, dependencies, infrastructure,
// build, migrations, demo data).
import { fail } from './lib/out.mjs';
import { setup } from './lib/setup.mjs';

setup().catch(fail);
