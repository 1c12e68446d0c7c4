module.exports = { ...require('./jest.unit'), rootDir: __dirname };
