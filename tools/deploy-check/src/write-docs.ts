// `pnpm docs:write`: writes docs/configuration.md from the apps' zod config schemas (build the
// apps first; the root script does).
import { writeDocs } from './configuration-doc';

const changed = writeDocs();
process.stdout.write(changed.length > 0 ? `updated ${changed.join(', ')}\n` : 'the generated docs are up to date\n');
