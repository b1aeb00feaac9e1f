module.exports = require('../../jest.preset.cjs')({ testTimeout: 300_000 });
