/**
 * Child process of the gateway benchmark: one gateway (ours or a peer) alone in its process,
 * so its CPU is its own. Tells the parent its URL over IPC.
 */
import { createGateway, loadGatewayConfig } from '@shop/gateway';
import { startPeerGateway, type PeerKind } from './peer-gateways';

async function main() {
  const kind = process.argv[2] ?? 'ours';
  const subgraphUrls = JSON.parse(process.env['BENCH_SUBGRAPH_URLS'] ?? '{}') as Record<
    string,
    string
  >;
  const config = loadGatewayConfig({
    ...process.env,
    ...Object.fromEntries(
      Object.entries(subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]),
    ),
  });
  let url: string;
  let stop: () => Promise<void>;
  if (kind === 'ours') {
    const gateway = createGateway(config);
    url = (await gateway.http.listen(0)).url;
    stop = () => gateway.stop();
  } else {
    // Hive's logger knows no "silent" level; it only reads the variable.
    if (process.env['LOG_LEVEL'] === 'silent') process.env['LOG_LEVEL'] = 'error';
    const peer = await startPeerGateway(kind as PeerKind, {
      subgraphUrls,
      signingSecret: config.GATEWAY_SIGNING_SECRET,
      accessTokenSecret: config.ACCESS_TOKEN_SECRET,
      redisUrl: config.REDIS_URL,
    });
    url = peer.url;
    stop = () => peer.stop();
  }
  process.send?.({ type: 'ready', url });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop') void stop().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
