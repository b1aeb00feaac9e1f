// `pnpm k8s:render`: renders k8s/base from charts/jobping (src/k8s-base.ts).
import { writeK8sBase } from './k8s-base';

const changed = writeK8sBase();
process.stdout.write(changed.length > 0 ? `updated ${changed.join(', ')}\n` : 'k8s/base is up to date with the chart\n');
