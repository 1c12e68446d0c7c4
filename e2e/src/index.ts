export { startStack, type Stack, type StackOptions } from './stack';
export { errorCodes, graphql, type GraphQLResult } from './graphql-client';
export { keepAliveClient, type KeepAliveClient } from './keep-alive-client';
export { createSignedInUser, type TestUser } from './sign-in';
export {
  AUTH_PAYLOAD,
  TEST_PASSWORD,
  newEmail,
  registerUser,
  tokenFromMail,
  waitForMail,
  type AuthPayload,
} from './auth-flows';
