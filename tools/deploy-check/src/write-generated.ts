// `pnpm routes:write`: rewrites the generated sections of the nginx template and the Ingress
// from auth-api's declared routes and @jobping/edge (build auth-api and edge first).
import { writeGeneratedFiles } from './generated';

const changed = writeGeneratedFiles();
process.stdout.write(changed.length > 0 ? `updated ${changed.join(', ')}\n` : 'the generated sections are up to date\n');
