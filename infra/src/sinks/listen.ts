import type { AddressInfo, Server } from 'node:net';

/** Listens on host:port and resolves with the bound port (useful when port is 0). */
export async function listenOn(server: Server, port: number, host: string) {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export async function closeServer(server: { close(callback: (error?: Error) => void): unknown }) {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
