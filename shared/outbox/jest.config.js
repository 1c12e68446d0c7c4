module.exports = { ...require('@shop/testing/jest.integration'), rootDir: __dirname };
