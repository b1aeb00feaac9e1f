import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../src/repo';

// The chart's templates are Go templates, not YAML: yamllint reads its plain YAML files, and the
// templates' output through k8s/base (and the renders deploy-check parses).
const FILES = ['k8s', 'docker-compose.yml', 'charts/jobping/Chart.yaml', 'charts/jobping/values.yaml', 'charts/jobping/examples', 'charts/jobping/files'];

test('yamllint --strict is clean over k8s/, the chart\'s YAML files and docker-compose.yml (.yamllint.yaml)', () => {
  const result = spawnSync('yamllint', ['--strict', '-f', 'parsable', ...FILES], { cwd: ROOT, encoding: 'utf8' });
  if (result.error) throw new Error(`yamllint could not run (${result.error.message}); npm test installs it (apt-get install yamllint)`);
  expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
  expect(result.status).toBe(0);
});
