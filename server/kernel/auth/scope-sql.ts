import type { SQL, SQLWrapper } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Actor } from './actor.ts';
import { scopeRoots } from './actor.ts';

/**
 * SQL predicate "path lies in one of the actor's subtrees". Uses `ltree <@ ltree[]`, which the
 * GiST index on the path answers. An actor with no grants sees nothing.
 */
export function withinActorScope(actor: Actor, path: SQLWrapper): SQL {
  const roots = scopeRoots(actor);
  if (roots.length === 0) return sql`false`;
  return sql`${path} <@ ${`{${roots.join(',')}}`}::ltree[]`;
}
