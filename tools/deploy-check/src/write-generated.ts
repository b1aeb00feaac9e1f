// `pnpm routes:write`: rewrites the generated sections of the nginx template and of the chart's
// auth-api Ingress paths from auth-api's declared routes and @jobping/edge (build auth-api and
// edge first), then renders k8s/base from the chart again.
import { writeGeneratedFiles } from './generated';
import { writeK8sBase } from './k8s-base';

const changed = [...writeGeneratedFiles(), ...writeK8sBase()];
process.stdout.write(changed.length > 0 ? `updated ${changed.join(', ')}\n` : 'the generated files are up to date\n');
