module.exports = { ...require('@shop/testing/jest.unit'), rootDir: __dirname };
