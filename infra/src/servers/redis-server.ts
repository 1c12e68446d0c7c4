import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { startProcess, type RunningProcess } from './child-process';

/**
 * Makes sure Debian's `redis-server` is on the machine. As root it installs the package with
 * apt-get; otherwise it stops with the command to run.
 */
export function ensureRedisServerInstalled(log: (message: string) => void = () => {}): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (found.status === 0) return found.stdout.trim();
  if (process.getuid?.() !== 0) {
    throw new Error(
      'redis-server is not installed. Install it with: sudo apt-get install -y redis-server',
    );
  }
  log('redis-server is missing; installing it with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
  return ensureRedisServerInstalled(log);
}

export interface RedisServerOptions {
  port: number;
  /** Where AOF files go; without it, nothing is persisted (tests). */
  dataDir?: string;
  onLine?: (line: string) => void;
}

/**
 * Starts a private redis-server on loopback. With a data directory it persists like production
 * (AOF, fsync every second); `noeviction` everywhere, because queues and carts must never be
 * dropped silently under memory pressure.
 */
export async function startRedisServer(options: RedisServerOptions): Promise<RunningProcess> {
  const binary = ensureRedisServerInstalled();
  const args = [
    '--port',
    String(options.port),
    '--bind',
    '127.0.0.1',
    '--maxmemory-policy',
    'noeviction',
  ];
  args.push('--save', '');
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    args.push('--dir', options.dataDir, '--appendonly', 'yes', '--appendfsync', 'everysec');
  } else {
    args.push('--appendonly', 'no');
  }
  return startProcess({
    name: 'redis',
    command: binary,
    args,
    readyWhen: /Ready to accept connections/,
    timeoutMs: 15_000,
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
}
