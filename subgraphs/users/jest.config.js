module.exports = { ...require('@shop/infra/jest.integration'), rootDir: __dirname };
