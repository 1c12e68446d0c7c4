module.exports = { ...require('../../infra/jest.integration'), rootDir: __dirname };
