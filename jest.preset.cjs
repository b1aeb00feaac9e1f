// Shared Jest settings: TypeScript through SWC (fast, no type-check: `turbo typecheck` does that),
// CommonJS like the build, tests next to the code or under test/.
/** @returns {import('jest').Config} */
module.exports = function jestPreset(overrides = {}) {
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
    // The generated Prisma client imports its siblings with explicit extensions.
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.(ts|js)$': '$1' },
    testTimeout: 30_000,
    ...overrides,
  };
};
