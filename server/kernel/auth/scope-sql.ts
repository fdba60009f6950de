import type { SQL, SQLWrapper } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Actor } from './actor.ts';
import { scopeRoots } from './actor.ts';

/**
 * SQL predicate "path lies in one of the actor's subtrees". One `path <@ root` per root, joined
 * with OR: the GiST index on ltree answers `ltree <@ ltree` but not `ltree <@ ltree[]`.
 * An actor with no grants sees nothing.
 */
export function withinActorScope(actor: Actor, path: SQLWrapper): SQL {
  const roots = scopeRoots(actor);
  if (roots.length === 0) return sql`false`;
  const each = roots.map((root) => sql`${path} <@ ${root}::ltree`);
  return sql`(${sql.join(each, sql` or `)})`;
}
