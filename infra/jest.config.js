module.exports = { ...require('../shared/testing/jest.unit'), rootDir: __dirname };
