import type { Redis } from '@shop/redis';

/**
 * The cart's writes, one Lua script each, so every mutation reads, checks and writes the cart
 * hash in one atomic step: concurrent mutations of one cart are serialised by Redis and none
 * is lost, and a refused mutation has written nothing.
 *
 * Hash fields: `line:<productId>` → quantity, `added:<productId>` → order of first addition
 * (from the `seq` counter), `updatedAt` → epoch milliseconds. Every write refreshes the TTL.
 * Replies are `{status, detail, fields}` where `fields` is the hash after the write (HGETALL),
 * so the caller needs no second read.
 */
const TOUCH = `
local function touch(cart, now, ttl)
  redis.call('HSET', cart, 'updatedAt', now)
  redis.call('EXPIRE', cart, ttl)
end
`;

/**
 * KEYS: cart, outbox. ARGV: productId, units to add, units available, max lines, max units per
 * line, ttl seconds, now ms, outbox event id, outbox event JSON.
 */
const ADD_LINE = `${TOUCH}
local cart, outbox = KEYS[1], KEYS[2]
local productId = ARGV[1]
local line = 'line:' .. productId
local current = tonumber(redis.call('HGET', cart, line) or '0')
if current == 0 then
  local lines = 0
  for _, field in ipairs(redis.call('HKEYS', cart)) do
    if string.sub(field, 1, 5) == 'line:' then lines = lines + 1 end
  end
  if lines >= tonumber(ARGV[4]) then return {'TOO_MANY_LINES', lines} end
end
local quantity = current + tonumber(ARGV[2])
if quantity > tonumber(ARGV[5]) then return {'LINE_QUANTITY_LIMIT', current} end
if quantity > tonumber(ARGV[3]) then return {'OUT_OF_STOCK', current} end
if current == 0 then
  redis.call('HSET', cart, 'added:' .. productId, redis.call('HINCRBY', cart, 'seq', 1))
end
redis.call('HSET', cart, line, quantity)
touch(cart, ARGV[7], ARGV[6])
redis.call('HSET', outbox, ARGV[8], ARGV[9])
return {'OK', quantity, redis.call('HGETALL', cart)}
`;

/** KEYS: cart. ARGV: productId, quantity (0 removes), ttl seconds, now ms. */
const SET_LINE_QUANTITY = `${TOUCH}
local cart = KEYS[1]
local productId = ARGV[1]
local line = 'line:' .. productId
local quantity = tonumber(ARGV[2])
if redis.call('HEXISTS', cart, line) == 0 then
  if quantity == 0 then return {'OK', 0, redis.call('HGETALL', cart)} end
  return {'NOT_IN_CART', 0}
end
if quantity == 0 then
  redis.call('HDEL', cart, line, 'added:' .. productId)
else
  redis.call('HSET', cart, line, quantity)
end
touch(cart, ARGV[4], ARGV[3])
return {'OK', quantity, redis.call('HGETALL', cart)}
`;

/** KEYS: cart. ARGV: ttl seconds, now ms. */
const CLEAR = `${TOUCH}
local cart = KEYS[1]
redis.call('DEL', cart)
touch(cart, ARGV[2], ARGV[1])
return {'OK', 0, redis.call('HGETALL', cart)}
`;

/**
 * KEYS: cart, the order's marker. ARGV: ttl seconds, now ms, marker ttl seconds, then pairs of
 * productId and units ordered. Lowers each line by what the order bought (removing it at 0),
 * once per order: the marker records that the order's lines were taken out.
 */
const REMOVE_ORDERED = `${TOUCH}
local cart, marker = KEYS[1], KEYS[2]
if redis.call('EXISTS', marker) == 1 then return {'ALREADY_REMOVED', 0, redis.call('HGETALL', cart)} end
for index = 4, #ARGV, 2 do
  local productId = ARGV[index]
  local line = 'line:' .. productId
  local left = tonumber(redis.call('HGET', cart, line) or '0') - tonumber(ARGV[index + 1])
  if left > 0 then
    redis.call('HSET', cart, line, left)
  else
    redis.call('HDEL', cart, line, 'added:' .. productId)
  end
end
redis.call('SET', marker, '1', 'EX', ARGV[3])
touch(cart, ARGV[2], ARGV[1])
return {'OK', 0, redis.call('HGETALL', cart)}
`;

export type ScriptStatus =
  | 'OK'
  | 'TOO_MANY_LINES'
  | 'LINE_QUANTITY_LIMIT'
  | 'OUT_OF_STOCK'
  | 'NOT_IN_CART'
  | 'ALREADY_REMOVED';

/** A script's reply: its verdict, a number that explains it, and the hash after an OK. */
export interface ScriptReply {
  status: ScriptStatus;
  detail: number;
  fields: Record<string, string>;
}

const SCRIPTS = {
  cartAddLine: { numberOfKeys: 2, lua: ADD_LINE },
  cartSetLineQuantity: { numberOfKeys: 1, lua: SET_LINE_QUANTITY },
  cartClear: { numberOfKeys: 1, lua: CLEAR },
  cartRemoveOrdered: { numberOfKeys: 2, lua: REMOVE_ORDERED },
} as const;

type ScriptName = keyof typeof SCRIPTS;
type ScriptCommand = (...keysAndArgs: Array<string | number>) => Promise<unknown>;
export type CartScripts = Record<
  ScriptName,
  (...keysAndArgs: Array<string | number>) => Promise<ScriptReply>
>;

/**
 * Registers the scripts on the connection (ioredis sends EVALSHA and falls back to EVAL once
 * when Redis does not know the script yet, e.g. after a restart) and returns typed callers.
 */
export function defineCartScripts(redis: Redis): CartScripts {
  const commands = redis as unknown as Record<string, ScriptCommand | undefined>;
  const call = (name: ScriptName) => {
    if (!commands[name]) redis.defineCommand(name, SCRIPTS[name]);
    const command = commands[name] as ScriptCommand;
    return async (...keysAndArgs: Array<string | number>) =>
      parseReply(await command.apply(redis, keysAndArgs));
  };
  return {
    cartAddLine: call('cartAddLine'),
    cartSetLineQuantity: call('cartSetLineQuantity'),
    cartClear: call('cartClear'),
    cartRemoveOrdered: call('cartRemoveOrdered'),
  };
}

function parseReply(reply: unknown): ScriptReply {
  const [status, detail, flat = []] = reply as [ScriptStatus, number, string[] | undefined];
  const fields: Record<string, string> = {};
  for (let index = 0; index + 1 < flat.length; index += 2) {
    fields[flat[index] as string] = flat[index + 1] as string;
  }
  return { status, detail, fields };
}
