module.exports = { ...require('../testing/jest.unit'), rootDir: __dirname };
