// Shared Jest settings: TypeScript through SWC (fast, no type-check: `turbo typecheck` does that),
// CommonJS like the build, tests next to the code or under test/.
const fs = require('node:fs');
const path = require('node:path');

/** Dependencies published as ES modules only (see transformIgnorePatterns below). */
const ESM_ONLY = ['p-queue', 'p-map', 'p-timeout'];

/** @returns {import('jest').Config} */
module.exports = function jestPreset(overrides = {}) {
  // `jest --outputFile=.test-results/jest.json` (the package test scripts) does not create the
  // folder; scripts/test.mjs sums these reports into the final `N passed, N failed` line.
  fs.mkdirSync(path.join(process.cwd(), '.test-results'), { recursive: true });
  return {
    testEnvironment: 'node',
    testMatch: ['<rootDir>/{src,test}/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transform: {
      '^.+\\.(t|j)s$': [
        '@swc/jest',
        { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
      ],
    },
    // p-queue and p-map (and p-queue's p-timeout) are ES modules only; @jobping/sources' HTTP
    // client reaches every package that reads a config naming the boards. Node >= 20.19
    // require()s them as they are; Jest's own loader cannot before Node 24.9, so SWC compiles them.
    transformIgnorePatterns: [`/node_modules/(?!(\\.pnpm/)?(${ESM_ONLY.join('|')})[@/])`],
    // The generated Prisma client imports its siblings with explicit extensions.
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.(ts|js)$': '$1' },
    testTimeout: 30_000,
    ...overrides,
  };
};
