import type { SQL } from 'drizzle-orm';
import type { Db } from '../../kernel/db/client.ts';

/**
 * Rows of a raw SQL query, on PGlite and PostgreSQL alike (both drivers answer `{ rows }`).
 * Raw queries cast what they select: counts to int or float8 and dates to text, because
 * node-postgres would otherwise hand back bigint strings and local-time Date objects.
 */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
