import type { Database } from '../../server/kernel/db/client.ts';

/**
 * Parameterised SQL text straight to the driver under Drizzle (pg Pool or PGlite), for bulk
 * loading and EXPLAIN. Both drivers share `query(text, params) → { rows }`.
 */
type RawClient = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

export async function rawQuery<T = Record<string, unknown>>(
  database: Database,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = (database.db as unknown as { $client: RawClient }).$client;
  const result = await client.query(text, params);
  return result.rows as T[];
}

/** Runs async tasks with at most `limit` in flight; rejects on the first failure. */
export async function runLimited<T>(
  tasks: readonly (() => Promise<T>)[],
  limit: number,
): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const k = next++;
      results[k] = await tasks[k]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
