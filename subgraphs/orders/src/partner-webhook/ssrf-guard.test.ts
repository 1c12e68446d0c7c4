import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  TargetRefusedError,
  checkTarget,
  refusedAddressReason,
  type HostResolver,
  type TargetPolicy,
} from './ssrf-guard';
import { WebhookSender } from './webhook-sender';

/** Production settings: https only, public addresses only. */
const PRODUCTION: TargetPolicy = { allowInsecure: false, allowPrivate: false };

/** The test's DNS: names that resolve to internal addresses, and one public name. */
const ZONE: Record<string, string[]> = {
  'internal.partner.test': ['10.1.2.3'],
  'router.partner.test': ['192.168.0.1'],
  'loop.partner.test': ['127.0.0.1'],
  'metadata.partner.test': ['169.254.169.254'],
  'v6loop.partner.test': ['::1'],
  'ula.partner.test': ['fd12:3456::1'],
  'mixed.partner.test': ['93.184.216.34', '10.0.0.7'],
  'cgnat.partner.test': ['100.64.1.1'],
  'mapped.partner.test': ['::ffff:10.0.0.1'],
  'public.partner.test': ['93.184.216.34'],
};

const resolver: HostResolver = async (host) =>
  (ZONE[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

/** Every URL here must be refused with production settings, at subscription and at delivery. */
const REFUSED: Array<[string, string]> = [
  ['http://public.partner.test/hook', 'plain http'],
  ['ftp://public.partner.test/hook', 'another scheme'],
  ['https://user:pw@public.partner.test/hook', 'credentials'],
  ['https://localhost/hook', 'localhost'],
  ['https://api.localhost/hook', 'a .localhost name'],
  ['https://127.0.0.1/hook', 'IPv4 loopback'],
  ['https://127.1.2.3/hook', 'IPv4 loopback range'],
  ['https://2130706433/hook', 'decimal loopback'],
  ['https://0x7f000001/hook', 'hex loopback'],
  ['https://0x7f.0.0.1/hook', 'hex octet loopback'],
  ['https://0177.0.0.1/hook', 'octal loopback'],
  ['https://017700000001/hook', 'octal whole loopback'],
  ['https://10.0.0.1/hook', 'private 10/8'],
  ['https://172.16.5.4/hook', 'private 172.16/12'],
  ['https://192.168.1.1/hook', 'private 192.168/16'],
  ['https://0xa9fea9fe/hook', 'hex metadata'],
  ['https://169.254.169.254/latest/meta-data', 'metadata'],
  ['https://169.254.10.10/hook', 'link-local'],
  ['https://100.64.0.1/hook', 'CGNAT'],
  ['https://224.0.0.1/hook', 'multicast'],
  ['https://0.0.0.0/hook', 'unspecified'],
  ['https://255.255.255.255/hook', 'broadcast'],
  ['https://[::1]/hook', 'IPv6 loopback'],
  ['https://[::]/hook', 'IPv6 unspecified'],
  ['https://[fe80::1]/hook', 'IPv6 link-local'],
  ['https://[fc00::1]/hook', 'IPv6 unique local'],
  ['https://[fd00:ec2::254]/hook', 'IPv6 metadata'],
  ['https://[ff02::1]/hook', 'IPv6 multicast'],
  ['https://[::ffff:127.0.0.1]/hook', 'IPv4-mapped loopback'],
  ['https://[::ffff:a9fe:a9fe]/hook', 'IPv4-mapped metadata (hex)'],
  ['https://[::ffff:10.0.0.1]/hook', 'IPv4-mapped private'],
  ['https://[64:ff9b::7f00:1]/hook', 'NAT64 loopback'],
  ['https://[2002:7f00:1::]/hook', '6to4 of loopback'],
  ['https://internal.partner.test/hook', 'name → 10/8'],
  ['https://router.partner.test/hook', 'name → 192.168/16'],
  ['https://loop.partner.test/hook', 'name → loopback'],
  ['https://metadata.partner.test/hook', 'name → metadata'],
  ['https://v6loop.partner.test/hook', 'name → ::1'],
  ['https://ula.partner.test/hook', 'name → fd00::/8'],
  ['https://mixed.partner.test/hook', 'name with one private address among public ones'],
  ['https://cgnat.partner.test/hook', 'name → CGNAT'],
  ['https://mapped.partner.test/hook', 'name → IPv4-mapped private'],
  ['https://nowhere.partner.test/hook', 'name that does not resolve'],
  ['not a url', 'not a URL'],
];

describe('SSRF guard with production settings', () => {
  it('has a table of at least 30 refused URLs', () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(REFUSED)('refuses %s (%s) at subscription', async (url) => {
    await expect(checkTarget(url, PRODUCTION, resolver)).rejects.toBeInstanceOf(TargetRefusedError);
  });

  it.each(REFUSED)('refuses %s (%s) at delivery, without connecting', async (url) => {
    const sender = new WebhookSender({ policy: PRODUCTION, timeoutMs: 1_000, resolver });
    const outcome = await sender.send(url, '{}', {});
    sender.close();
    expect(outcome.responseStatus).toBeNull();
    expect(outcome.error).toMatch(/^refused: the URL /);
  });

  it('accepts a public https name and pins the address it checked', async () => {
    const target = await checkTarget('https://public.partner.test/hook', PRODUCTION, resolver);
    expect(target.address).toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('accepts public literals', async () => {
    await expect(checkTarget('https://8.8.8.8/x', PRODUCTION, resolver)).resolves.toBeDefined();
    await expect(
      checkTarget('https://[2606:4700:4700::1111]/x', PRODUCTION, resolver),
    ).resolves.toBeDefined();
    expect(refusedAddressReason('172.32.0.1')).toBeNull();
    expect(refusedAddressReason('100.128.0.1')).toBeNull();
  });

  it('names the kind of address refused', () => {
    expect(refusedAddressReason('169.254.169.254')).toBe('the cloud metadata address');
    expect(refusedAddressReason('fd00:ec2::254')).toBe('the cloud metadata address');
    expect(refusedAddressReason('::ffff:169.254.169.254')).toBe('the cloud metadata address');
    expect(refusedAddressReason('100.100.100.100')).toBe('a carrier-grade NAT address');
  });

  it('a name that rebinds to a private address after subscribing is refused at delivery', async () => {
    let answer = '93.184.216.34';
    const rebinding: HostResolver = async () => [{ address: answer, family: 4 }];
    await expect(
      checkTarget('https://rebind.partner.test/x', PRODUCTION, rebinding),
    ).resolves.toBeDefined();
    answer = '127.0.0.1';
    const sender = new WebhookSender({ policy: PRODUCTION, timeoutMs: 1_000, resolver: rebinding });
    const outcome = await sender.send('https://rebind.partner.test/x', '{}', {});
    sender.close();
    expect(outcome.error).toBe('refused: the URL resolves to a loopback address (127.0.0.1)');
  });
});

describe('the sender connects to the checked address, never to a second lookup', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(String(req.headers.host));
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
      } else if (req.url === '/big') {
        res.writeHead(200);
        res.end(Buffer.alloc(1024 * 1024, 'a'));
      } else res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('a name answered once with the loopback test server reaches it; the resolver is asked once', async () => {
    let lookups = 0;
    const once: HostResolver = async () => {
      lookups += 1;
      return lookups === 1
        ? [{ address: '127.0.0.1', family: 4 }]
        : [{ address: '10.9.9.9', family: 4 }];
    };
    const sender = new WebhookSender({
      policy: { allowInsecure: true, allowPrivate: true },
      timeoutMs: 2_000,
      resolver: once,
    });
    const outcome = await sender.send(`http://partner.invalid:${port}/ok`, '{}', {});
    sender.close();
    expect(outcome).toMatchObject({ responseStatus: 204, error: null });
    expect(lookups).toBe(1);
    expect(hits.at(-1)).toBe(`partner.invalid:${port}`);
  });

  it('a redirect (to a metadata address) is not followed and counts as a failure', async () => {
    const sender = new WebhookSender({
      policy: { allowInsecure: true, allowPrivate: true },
      timeoutMs: 2_000,
    });
    const before = hits.length;
    const outcome = await sender.send(`http://127.0.0.1:${port}/redirect`, '{}', {});
    sender.close();
    expect(outcome).toMatchObject({ responseStatus: 302, error: 'redirect 302 not followed' });
    expect(hits.length).toBe(before + 1);
  });

  it('reads at most 64 KiB of an answer', async () => {
    const sender = new WebhookSender({
      policy: { allowInsecure: true, allowPrivate: true },
      timeoutMs: 2_000,
    });
    const outcome = await sender.send(`http://127.0.0.1:${port}/big`, '{}', {});
    sender.close();
    expect(outcome.responseStatus).toBe(200);
  });
});
