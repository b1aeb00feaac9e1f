import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Local state of the bootstrap (tool installs, a self-started Redis); git-ignored. */
export const STATE_DIR = path.join(ROOT, '.jobping');
