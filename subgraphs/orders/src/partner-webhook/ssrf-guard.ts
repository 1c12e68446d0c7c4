import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has; injectable so tests need no DNS. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver, asking for every address (a rebinding host may hide one among many). */
export const systemResolver: HostResolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => ({
    address: answer.address,
    family: answer.family === 6 ? 6 : 4,
  }));
};

/** What the guard allows beyond public https targets (both off in production). */
export interface TargetPolicy {
  /** Plain http targets (WEBHOOK_ALLOW_INSECURE). */
  allowInsecure: boolean;
  /** Loopback, private and other internal targets (WEBHOOK_ALLOW_PRIVATE_TARGETS). */
  allowPrivate: boolean;
}

/** A target the guard accepted: connect to `address`, never to a new lookup of the host. */
export interface CheckedTarget {
  url: URL;
  address: ResolvedAddress;
}

/** Why a URL may not receive webhooks; the message is safe to show to the partner. */
export class TargetRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TargetRefusedError';
  }
}

type Range = readonly [base: bigint, prefix: number, label: string];

function v4(text: string): bigint {
  return text.split('.').reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

/** IPv6 text (with `::` and an optional dotted IPv4 tail) as a 128-bit number. */
function v6(text: string): bigint {
  let source = text.toLowerCase().split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(source);
  if (dotted?.[1]) {
    const tail = v4(dotted[1]);
    source = `${source.slice(0, -dotted[1].length)}${(tail >> 16n).toString(16)}:${(tail & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = source.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups =
    rest === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group || '0', 16)), 0n);
}

const V4_REFUSED: Range[] = [
  [v4('169.254.169.254'), 32, 'the cloud metadata address'],
  [v4('0.0.0.0'), 8, 'an unspecified address'],
  [v4('10.0.0.0'), 8, 'a private address'],
  [v4('100.64.0.0'), 10, 'a carrier-grade NAT address'],
  [v4('127.0.0.0'), 8, 'a loopback address'],
  [v4('169.254.0.0'), 16, 'a link-local address'],
  [v4('172.16.0.0'), 12, 'a private address'],
  [v4('192.0.0.0'), 24, 'a reserved address'],
  [v4('192.0.2.0'), 24, 'a documentation address'],
  [v4('192.168.0.0'), 16, 'a private address'],
  [v4('198.18.0.0'), 15, 'a benchmarking address'],
  [v4('198.51.100.0'), 24, 'a documentation address'],
  [v4('203.0.113.0'), 24, 'a documentation address'],
  [v4('224.0.0.0'), 4, 'a multicast address'],
  [v4('240.0.0.0'), 4, 'a reserved address'],
];

const V6_REFUSED: Range[] = [
  [v6('fd00:ec2::254'), 128, 'the cloud metadata address'],
  [v6('::'), 128, 'an unspecified address'],
  [v6('::1'), 128, 'a loopback address'],
  [v6('fc00::'), 7, 'a private (unique local) address'],
  [v6('fe80::'), 10, 'a link-local address'],
  [v6('fec0::'), 10, 'a site-local address'],
  [v6('ff00::'), 8, 'a multicast address'],
  [v6('2001:db8::'), 32, 'a documentation address'],
  [v6('100::'), 64, 'a discard address'],
];

/** IPv6 forms that carry an IPv4 address: mapped, compatible, NAT64 and 6to4. */
function embeddedV4(value: bigint): bigint | null {
  const high96 = value >> 32n;
  if (high96 === 0xffffn || high96 === 0n) return value & 0xffffffffn;
  if (high96 === v6('64:ff9b::') >> 32n) return value & 0xffffffffn;
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn;
  return null;
}

function matches(value: bigint, bits: number, ranges: readonly Range[]): string | null {
  for (const [base, prefix, label] of ranges) {
    const shift = BigInt(bits - prefix);
    if (value >> shift === base >> shift) return label;
  }
  return null;
}

/**
 * Why an IP address is not a public unicast target, or null when it is. IPv6 forms of IPv4
 * addresses are judged by the IPv4 address they carry.
 */
export function refusedAddressReason(address: string): string | null {
  const family = isIP(address.split('%')[0] ?? '');
  if (family === 4) return matches(v4(address), 32, V4_REFUSED);
  if (family !== 6) return 'not an IP address';
  const value = v6(address);
  const inner = embeddedV4(value);
  if (inner !== null && value !== 0n && value !== 1n) {
    return matches(inner, 32, V4_REFUSED) ?? matches(value, 128, V6_REFUSED);
  }
  return matches(value, 128, V6_REFUSED);
}

/** Parses and checks the URL itself: scheme, credentials, host name. */
export function parseTargetUrl(raw: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefusedError('is not a valid URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowInsecure)) {
    throw new TargetRefusedError('must use https');
  }
  if (url.username || url.password) throw new TargetRefusedError('may not contain credentials');
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!policy.allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) {
    throw new TargetRefusedError('points to a loopback host');
  }
  return url;
}

/** The URL's host without IPv6 brackets: what is resolved and what TLS names. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Checks a webhook URL: the scheme, then every address its host resolves to (the WHATWG
 * parser already turned decimal, hex and octal IPv4 forms into dotted quads). Returns the
 * address to connect to, so the connection cannot go to a second, different answer.
 * @throws TargetRefusedError when the URL or any of its addresses is refused
 */
export async function checkTarget(
  raw: string,
  policy: TargetPolicy,
  resolve: HostResolver = systemResolver,
): Promise<CheckedTarget> {
  const url = parseTargetUrl(raw, policy);
  const host = hostOf(url);
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    addresses = await resolve(host).catch(() => []);
    if (!addresses.length) throw new TargetRefusedError('has a host that does not resolve');
  }
  if (!policy.allowPrivate) {
    for (const { address } of addresses) {
      const reason = refusedAddressReason(address);
      if (reason) throw new TargetRefusedError(`resolves to ${reason} (${address})`);
    }
  }
  return { url, address: addresses[0] as ResolvedAddress };
}
