import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface RunningProcess {
  name: string;
  child: ChildProcess;
  /** Sends SIGTERM and waits for the exit; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions extends SpawnOptions {
  name: string;
  command: string;
  args: string[];
  /** Resolves once a line of output matches; the process is considered started then. */
  readyWhen: RegExp;
  timeoutMs?: number;
  /** Receives every output line, e.g. to prefix and print it. */
  onLine?: (line: string) => void;
}

/**
 * Spawns a long-running process and waits until it prints its ready line. A process that exits
 * or stays silent before that rejects with its last output, so failures say what went wrong.
 */
export function startProcess(options: StartOptions): Promise<RunningProcess> {
  const { name, command, args, readyWhen, timeoutMs = 60_000, onLine, ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  const tail: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running: RunningProcess = {
    name,
    child,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${tail.join('\n')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        onLine?.(line);
        tail.push(line);
        if (tail.length > 30) tail.shift();
        if (!ready && readyWhen.test(line)) {
          ready = true;
          clearTimeout(timer);
          resolve(running);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${name} could not be spawned: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      if (ready) return;
      clearTimeout(timer);
      reject(
        new Error(`${name} exited (${signal ?? code}) before it was ready:\n${tail.join('\n')}`),
      );
    });
  });
}
