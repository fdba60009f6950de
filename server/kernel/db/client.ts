import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/** The query builder, identical for PGlite and PostgreSQL. A transaction is also a Db. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Runs SQL text with no parameters (DDL, multi-statement scripts). */
  exec(sql: string): Promise<void>;
  /**
   * One parameterised statement, without the query builder: for the few statements on a hot
   * path (contest attempts), where building the query cost more than running it. `name` makes
   * it a prepared statement on PostgreSQL (parsed and planned once per connection).
   */
  query<T>(text: string, params: unknown[], name?: string): Promise<T[]>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** postgres://… ; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; absent means in memory. */
  dataDir?: string | undefined;
  /** PGlite only: start from this dump (see template.ts) instead of an empty cluster. */
  templateFile?: string | undefined;
  poolSize?: number;
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize);
  return openPglite(options.dataDir, options.templateFile);
}

async function openPglite(dataDir: string | undefined, templateFile?: string): Promise<Database> {
  const client = await PGlite.create(dataDir ?? 'memory://', {
    extensions: { btree_gin, ltree, pg_trgm },
    ...(templateFile ? { loadDataDir: new Blob([await readFile(templateFile)]) } : {}),
  });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    query: async <T>(text: string, params: unknown[]) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // JIT off: the application's queries are short; compiling them (Debian's PostgreSQL has JIT on,
  // from a cost of 100,000) took longer than running them (docs/decisions/0010).
  // work_mem 16 MB: a large province's rollup sorts and groups 170,000 index entries; at the
  // default 4 MB those went to disk (external merge), 450–600 ms instead of 350–400 ms. Each
  // pooled connection runs one query at a time, so at most a few such buffers per connection.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: '-c jit=off -c work_mem=16MB',
  });
  // An idle client can be cut by the server (restart, admin command). The pool replaces it on the
  // next checkout; without a listener the 'error' event would crash the process.
  pool.on('error', (error) => {
    console.error(`PostgreSQL: idle connection lost (${error.message})`);
  });
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    exec: async (text) => {
      await pool.query(text);
    },
    query: async <T>(text: string, params: unknown[], name?: string) =>
      (await pool.query({ text, values: params, ...(name ? { name } : {}) })).rows as T[],
    close: () => pool.end(),
  };
}
