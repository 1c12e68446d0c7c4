import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startProcess, type RunningProcess } from './child-process';

const MONGO_DIR = resolve(__dirname, '../../mongo');
const LAUNCHER_JAR = join(MONGO_DIR, 'target/mongo-launcher.jar');
const LAUNCHER_SOURCES = [
  join(MONGO_DIR, 'pom.xml'),
  join(MONGO_DIR, 'src/main/java/shop/infra/MongoLauncher.java'),
];

export type MongoBackend = 'memory' | 'h2';

/**
 * Builds the launcher jar (mongo-java-server from Maven Central, shaded with our launcher) when
 * it is missing or older than its sources. Maven caches the artifacts in ~/.m2.
 */
export function ensureMongoLauncherBuilt(log: (message: string) => void = () => {}): string {
  const builtAt = existsSync(LAUNCHER_JAR) ? statSync(LAUNCHER_JAR).mtimeMs : 0;
  if (LAUNCHER_SOURCES.every((source) => statSync(source).mtimeMs <= builtAt)) return LAUNCHER_JAR;
  log('building the MongoDB-compatible server launcher with Maven (first run only)');
  try {
    execFileSync('mvn', ['-q', '-B', '-f', join(MONGO_DIR, 'pom.xml'), 'package'], {
      stdio: 'inherit',
    });
  } catch (error) {
    throw new Error(
      `Could not build ${LAUNCHER_JAR}. It needs Java 17 and Maven (apt-get install -y openjdk-17-jre-headless maven): ${String(error)}`,
    );
  }
  return LAUNCHER_JAR;
}

export interface MongoServerOptions {
  port: number;
  backend: MongoBackend;
  /** H2 database file for the `h2` backend. */
  file?: string;
  onLine?: (line: string) => void;
}

/** Starts mongo-java-server: in memory for tests, an H2 file for local runs. */
export async function startMongoServer(options: MongoServerOptions): Promise<RunningProcess> {
  const jar = ensureMongoLauncherBuilt();
  const args = [
    '-Xss4m',
    '-XX:+UseSerialGC',
    '-jar',
    jar,
    '--port',
    String(options.port),
    '--backend',
    options.backend,
  ];
  if (options.file) args.push('--file', options.file);
  return startProcess({
    name: 'mongo',
    command: 'java',
    args,
    readyWhen: /^READY \d+/,
    timeoutMs: 60_000,
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
}
