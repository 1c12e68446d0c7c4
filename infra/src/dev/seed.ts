import { startProcess } from '../servers/child-process';
import { ROOT_DIR } from './dev-config';

/** Subgraphs that own demo data; each seeds its own database, idempotently. */
const SEEDED_SUBGRAPHS = ['users', 'products', 'orders', 'support'] as const;

/** Runs every subgraph's seed script against the given environment, in parallel. */
export async function runSeeds(env: NodeJS.ProcessEnv): Promise<void> {
  await Promise.all(
    SEEDED_SUBGRAPHS.map(async (name) => {
      const seed = await startProcess({
        name: `${name} seed`,
        command: process.execPath,
        args: ['--import', 'tsx', `subgraphs/${name}/src/seed/index.ts`],
        cwd: ROOT_DIR,
        env,
        readyWhen: /"msg":"seeded"/,
        timeoutMs: 120_000,
        onLine: (line) => console.log(`[${name} seed] ${line}`),
      });
      await new Promise<void>((resolve, reject) =>
        seed.child.exitCode !== null
          ? resolve()
          : seed.child.once('exit', (code) =>
              code === 0 ? resolve() : reject(new Error(`${name} seed failed`)),
            ),
      );
    }),
  );
}
