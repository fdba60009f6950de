/**
 * A job runner in a process of its own, for the crash test (server/kernel/jobs/crash.test.ts):
 * it runs the slow marking job and prints "progress N" after each checkpoint, until the test
 * kills it with SIGKILL. Database from DATABASE_URL, or the PGlite folder DATA_DIR.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { loadConfig } from '../kernel/config.ts';
import { openDatabase } from '../kernel/db/client.ts';
import { createJobRegistry, createJobRunner, defineJob } from '../kernel/jobs/index.ts';

export const SLOW_MARK_KIND = 'test.slow-mark';
/** Long enough for the test to reopen PGlite after the kill and see the job still held. */
export const WORKER_LEASE_MS = 3000;

/** Only the worker process announces its progress (the test reads it from the pipe). */
let announce = false;

export const slowMarkJob = defineJob({
  kind: SLOW_MARK_KIND,
  payload: z.strictObject({
    count: z.number().int(),
    batch: z.number().int(),
    pauseMs: z.number(),
  }),
  async run(ctx) {
    const { count, batch, pauseMs } = ctx.payload;
    for (let from = 1; from <= count; from += batch) {
      const to = Math.min(from + batch - 1, count);
      await ctx.deps.db.execute(sql`
        insert into job_test_marks (job_id, n)
        select ${ctx.jobId}::uuid, n from generate_series(${from}::int, ${to}::int) as n
        on conflict do nothing`);
      await ctx.reportProgress(to, count);
      if (announce) process.stdout.write(`progress ${to}\n`);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    return { marked: count };
  },
});

if (process.argv[1] === import.meta.filename) {
  announce = true;
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: 2,
  });
  const registry = createJobRegistry();
  registry.register(slowMarkJob);
  const deps = { config, database, db: database.db, today: () => '2026-11-22' };
  createJobRunner(deps, registry, { leaseMs: WORKER_LEASE_MS, pollIntervalMs: 50 }).start();
}
