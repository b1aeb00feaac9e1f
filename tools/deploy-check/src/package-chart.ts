import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CHART_DIR, chartMetadata, runHelm } from './helm';
import { readRepoFile, repoPath } from './repo';

/**
 * `helm package` of the chart into `destination`: the archive jobping-<version>.tgz. Fails when
 * Chart.yaml's appVersion is not the root package.json's version (the release the images carry),
 * or when helm names the archive after another version than Chart.yaml's.
 */
export function packageChart(destination: string): string {
  const chart = chartMetadata();
  const release = (JSON.parse(readRepoFile('package.json')) as { version?: string }).version;
  if (chart.appVersion !== release) throw new Error(`${CHART_DIR}/Chart.yaml appVersion "${chart.appVersion}" is not the root package.json version "${release}": set them equal`);
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  const result = runHelm(['package', CHART_DIR, '--destination', destination]);
  if (result.status !== 0) throw new Error(`helm package ${CHART_DIR} failed: ${result.stderr}`);
  const archives = readdirSync(destination).filter((file) => file.endsWith('.tgz'));
  const expected = `${chart.name}-${chart.version}.tgz`;
  if (archives.length !== 1 || archives[0] !== expected) throw new Error(`helm package wrote ${archives.join(', ') || 'nothing'}, expected ${expected} (Chart.yaml version ${chart.version})`);
  const archive = path.join(destination, expected);
  if (!existsSync(archive)) throw new Error(`${archive} is missing`);
  return archive;
}

/** The build step (`pnpm --filter @jobping/deploy-check build`): the chart archive under dist/charts. */
if (require.main === module) {
  const archive = packageChart(repoPath('tools', 'deploy-check', 'dist', 'charts'));
  process.stdout.write(`packaged ${path.relative(repoPath(), archive)}\n`);
}
