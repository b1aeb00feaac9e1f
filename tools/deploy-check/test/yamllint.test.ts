import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../src/repo';

test('yamllint --strict is clean over k8s/ and docker-compose.yml (.yamllint.yaml)', () => {
  const result = spawnSync('yamllint', ['--strict', '-f', 'parsable', 'k8s', 'docker-compose.yml'], { cwd: ROOT, encoding: 'utf8' });
  if (result.error) throw new Error(`yamllint could not run (${result.error.message}); npm test installs it (apt-get install yamllint)`);
  expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
  expect(result.status).toBe(0);
});
