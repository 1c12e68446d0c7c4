export { startStack, type Stack } from './stack';
export { errorCodes, graphql, type GraphQLResult } from './graphql-client';
export { createSignedInUser, type TestUser } from './sign-in';
