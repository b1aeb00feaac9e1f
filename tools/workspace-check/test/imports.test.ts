import { describe, expect, test } from '@jest/globals';
import { importedPackages } from '../src/imports';

describe('importedPackages', () => {
  test('reads every kind of import and export, by package name', () => {
    const text = [
      "import { z } from 'zod';",
      "import type { Logger } from '@jobping/logger';",
      "export { parse } from '@jobping/contracts/pay';",
      "import 'reflect-metadata';",
      "const lazy = await import('p-map');",
      "const cjs = require('yaml');",
      "const where = require.resolve('prisma/build/index.js');",
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { local } from './local';",
    ].join('\n');
    expect([...importedPackages(text)].sort()).toEqual(['@jobping/contracts', '@jobping/logger', 'p-map', 'prisma', 'reflect-metadata', 'yaml', 'zod']);
  });

  test('does not read text in strings, templates or comments as an import', () => {
    const text = [
      "const why = `moved from '${'$'}{job.title}' to another team`;",
      "const list = words.join(' from ', ', ');",
      "const note = \"copied from 'somewhere-else'\";",
      "// import { x } from 'commented-out';",
      "/* require('also-commented') */",
    ].join('\n');
    expect([...importedPackages(text)]).toEqual([]);
  });
});
