import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { slowMarkJob, WORKER_LEASE_MS } from '../../test/job-crash-worker.ts';
import { openTestDatabase } from '../../test/test-app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { openDatabase } from '../db/client.ts';
import { enqueueJob } from './enqueue.ts';
import { countMarks, jobRow, MARKS_TABLE } from './jobs.test-helpers.ts';
import { createJobRegistry } from './registry.ts';
import { createJobRunner } from './runner.ts';

const WORKER = path.resolve('server/test/job-crash-worker.ts');
const LEASE_MS = WORKER_LEASE_MS;

/**
 * kill -9 during a job: the process dies without a word, its job stays `running` with a lease
 * that nobody extends; once the lease expires a new runner takes it over and finishes it, and the
 * idempotent handler leaves every item done exactly once.
 */
describe('a runner process killed with SIGKILL', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  // Two processes opening PGlite one after the other take a while on a busy machine.
  it(
    'loses no work: the job is taken over after its lease and finished exactly once',
    { timeout: 120_000 },
    async () => {
      const pglite = !process.env.DATABASE_URL;
      // PGlite is one process's folder: the test hands it to the worker, then takes it back.
      const dataDir = pglite ? fs.mkdtempSync(path.join(os.tmpdir(), 'phuxanh-jobs-crash-')) : '';
      if (pglite) cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
      let database: Database;
      let env: NodeJS.ProcessEnv;
      if (pglite) {
        database = await openDatabase({
          dataDir,
          templateFile: process.env.PHUXANH_PGLITE_TEMPLATE,
        });
        env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir };
      } else {
        const opened = await openTestDatabase();
        database = opened.database;
        cleanups.push(opened.drop);
        env = { ...process.env, DATABASE_URL: opened.url };
      }
      await database.exec(MARKS_TABLE);
      const { id } = await database.db.transaction((tx) =>
        enqueueJob(
          tx,
          slowMarkJob,
          { count: 200, batch: 10, pauseMs: 40 },
          {
            createdBy: null,
            unitId: null,
          },
        ),
      );
      if (pglite) await database.close();

      const worker = spawn(process.execPath, [WORKER], {
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      let seen = 0;
      await new Promise<void>((resolve, reject) => {
        worker.stdout.on('data', (chunk: Buffer) => {
          for (const match of chunk.toString().matchAll(/progress (\d+)/g)) seen = Number(match[1]);
          if (seen >= 60) resolve();
        });
        worker.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      });
      worker.kill('SIGKILL');
      await exited;
      expect(seen).toBeLessThan(200);

      if (pglite) database = await openDatabase({ dataDir });
      if (pglite) cleanups.push(() => database.close());
      const left = await jobRow(database.db, id);
      expect(left.status).toBe('running');
      expect(left.attempts).toBe(1);
      expect(left.progressDone).toBeGreaterThanOrEqual(60);

      const registry = createJobRegistry();
      registry.register(slowMarkJob);
      const deps = { config: loadConfig({}), database, db: database.db, today: () => '2026-11-22' };
      const runner = createJobRunner(deps, registry, { leaseMs: LEASE_MS });
      // Once the dead runner's lease has run out (same machine, same clock), the job is taken over.
      const waitMs = left.leaseUntil!.getTime() - Date.now() + 100;
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      expect(await runner.runNext()).toBe(true);
      expect(await jobRow(database.db, id)).toMatchObject({
        status: 'done',
        attempts: 2,
        progressDone: 200,
      });
      expect(await countMarks(database.db, id)).toBe(200);
    },
  );
});
