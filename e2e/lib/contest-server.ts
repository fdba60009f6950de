import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import type { Config } from '../../server/kernel/config.ts';
import { loadConfig } from '../../server/kernel/config.ts';
import { openDatabase } from '../../server/kernel/db/client.ts';
import { ensurePgliteTemplate } from '../../server/kernel/db/template.ts';
import type { AppDeps } from '../../server/kernel/deps.ts';
import { createJobRunner } from '../../server/kernel/jobs/index.ts';
import type { TestApp } from '../../server/test/test-app.ts';

/**
 * A server in the test's own process (the built web app and the API) whose clock the test sets:
 * time runs as usual from the instant last set, so a countdown ticks and durations are real, and
 * the test can jump past a round's close. Its database is a fresh PGlite in memory.
 */
export type ClockedServer = TestApp & {
  baseUrl: string;
  setClock(iso: string): void;
  /** Runs queued background jobs (close a round, issue certificates) to the end. */
  runJobs(): Promise<void>;
};

export async function startClockedServer(config: Partial<Config> = {}): Promise<ClockedServer> {
  // In memory, from the migrated template the unit tests also use (built once, then cached).
  const templateFile = await ensurePgliteTemplate(path.resolve('node_modules/.cache/phu-xanh'));
  const database = await openDatabase({ templateFile });
  let base = Date.now();
  let setAt = Date.now();
  const port = 4100 + Math.floor(Math.random() * 700);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deps: AppDeps = {
    config: { ...loadConfig({}), publicUrl: baseUrl, ...config },
    database,
    db: database.db,
    today: () => new Date(base + Date.now() - setAt + 7 * 3600_000).toISOString().slice(0, 10),
    now: () => new Date(base + Date.now() - setAt),
  };
  const app: FastifyInstance = await buildApp({ ...deps, serveWeb: true });
  await app.listen({ host: '127.0.0.1', port });
  return {
    app,
    deps,
    baseUrl,
    setToday: () => {
      throw new Error('use setClock');
    },
    setClock: (iso) => {
      base = Date.parse(iso);
      setAt = Date.now();
    },
    runJobs: async () => {
      await createJobRunner(deps, app.jobs).runUntilIdle();
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
