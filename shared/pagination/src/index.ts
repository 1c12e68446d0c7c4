export { boundedCount, MAX_PAGE_SIZE } from './page-size';
export { decodeCursor, encodeCursor, invalidCursor, type CursorValue } from './cursor';
export { connectionOf, type Connection } from './connection';
