import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/client.ts';
import { selectRows } from './planning.sql.ts';

/**
 * What rollups compute from the tree and the stamps alone (stamp placements, candidate paths,
 * units changed since a date), remembered by this process under the revision counters that
 * triggers bump in the writing transaction (migration 0013, rollup_revisions). A request reads
 * the counters once per use and reuses an entry only when they are unchanged, so a write in any
 * process is seen by the next request, as without the cache (docs/decisions/0014).
 */

export type Revisions = { tree: number; stamps: number };

export async function readRevisions(db: Db): Promise<Revisions | null> {
  const [row] = await selectRows<{ tree: string; stamps: string }>(
    db,
    sql`select tree::text as tree, stamps::text as stamps from rollup_revisions where id = 1`,
  );
  return row ? { tree: Number(row.tree), stamps: Number(row.stamps) } : null;
}

/** Entries per database handle; the oldest go first. Each is a few thousand rows at most. */
const MAX_ENTRIES = 200;
// Per handle object: test databases (and transactions) never see each other's entries.
const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * `compute()` remembered under `key`, which must name every revision the value depends on.
 * Callers must not mutate what they get back.
 */
export async function cached<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = caches.get(db);
  if (!entries) {
    entries = new Map();
    caches.set(db, entries);
  }
  if (entries.has(key)) {
    const value = entries.get(key) as T;
    entries.delete(key);
    entries.set(key, value);
    return value;
  }
  const value = await compute();
  entries.set(key, value);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
