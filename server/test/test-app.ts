import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { instantOnVietnamDay } from '../kernel/clock.ts';
import { buildApp } from '../app.ts';
import type { Config } from '../kernel/config.ts';
import { loadConfig } from '../kernel/config.ts';
import type { Database } from '../kernel/db/client.ts';
import { openDatabase } from '../kernel/db/client.ts';
import { applyMigrations } from '../kernel/db/migrate.ts';
import type { AppDeps } from '../kernel/deps.ts';

export type TestApp = {
  app: FastifyInstance;
  deps: AppDeps;
  /** Moves "today" for the rest of the test file. */
  setToday(iso: string): void;
  close(): Promise<void>;
};

/**
 * A fresh database for one test file: PGlite from the migrated template, or — when DATABASE_URL
 * is set — a new PostgreSQL database created for this file and dropped at close.
 */
export async function openTestDatabase(): Promise<{
  database: Database;
  /** The PostgreSQL database's URL (for a second process); undefined on PGlite. */
  url?: string;
  drop(): Promise<void>;
}> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const database = await openDatabase({ templateFile: process.env.PHUXANH_PGLITE_TEMPLATE });
    if (!process.env.PHUXANH_PGLITE_TEMPLATE) await applyMigrations(database);
    return { database, drop: () => database.close() };
  }
  const name = `phuxanh_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await applyMigrations(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const cleaner = new pg.Client({ connectionString: baseUrl });
      await cleaner.connect();
      // pool.end() resolves before the server has reaped every backend; a forced drop would
      // kill them mid-goodbye. Retry a plain drop for a moment, force only as a last resort.
      for (let attempt = 0; ; attempt++) {
        try {
          await cleaner.query(`drop database if exists ${name}`);
          break;
        } catch (error) {
          if (attempt >= 20) {
            await cleaner.query(`drop database if exists ${name} with (force)`);
            break;
          }
          if ((error as { code?: string }).code !== '55006') throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await cleaner.end();
    },
  };
}

export async function buildTestApp(
  options: { today?: string; config?: Partial<Config>; now?: () => Date } = {},
): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  let today = options.today ?? '2026-11-22';
  const config: Config = { ...loadConfig({}), loginRateLimit: 1000, ...options.config };
  const deps: AppDeps = {
    config,
    database,
    db: database.db,
    today: () => today,
    now: options.now ?? (() => instantOnVietnamDay(today)),
  };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    setToday: (iso) => {
      today = iso;
    },
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
