// p-queue (and its p-timeout), which @jobping/sources' HTTP client uses, are ES modules only.
// Node >= 20.19 require()s them as they are; Jest's own module loader cannot before Node 24.9,
// so SWC compiles them like our code.
const esmOnly = ['p-queue', 'p-timeout'];
module.exports = require('../../jest.preset.cjs')({
  transformIgnorePatterns: [`/node_modules/(?!(\\.pnpm/)?(${esmOnly.join('|')})[@/])`],
});
