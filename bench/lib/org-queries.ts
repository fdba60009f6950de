import type { SQL } from 'drizzle-orm';
import { and, count, eq, sql } from 'drizzle-orm';
import { escapeLike, foldForSearch } from '../../common/text.ts';
import type { Actor } from '../../server/kernel/auth/actor.ts';
import { withinActorScope } from '../../server/kernel/auth/scope-sql.ts';
import type { Db } from '../../server/kernel/db/client.ts';
import { inSubtree, unitVersions, versionHoldsOn } from '../../server/modules/org/index.ts';
import { people } from '../../server/modules/people/index.ts';

/**
 * The measured queries, built with the application's own predicates (versionHoldsOn, inSubtree,
 * withinActorScope) so that the benchmark measures the SQL the modules send.
 */

/** (a) Units in a subtree on a date. */
export function subtreeCount(db: Db, rootPath: string, asOf: string) {
  return db
    .select({ n: count() })
    .from(unitVersions)
    .where(and(inSubtree(rootPath), versionHoldsOn(asOf)));
}

/**
 * Ways of writing the same queries, compared by the experiments. `issue` is the shape the issue
 * specifies; the others return the same rows (the phone variant in another order, see below).
 */
export type QueryVariant = {
  /** ILIKE as specified, or LIKE: both sides are already folded to lower-case ASCII. */
  nameMatch: 'ilike' | 'like';
  /**
   * Sort search_name (and, for the tree, the path as text) in the column's collation, or by
   * bytes (COLLATE "C"): the same order for folded ASCII names, without strcoll().
   */
  order: 'collation' | 'bytes';
  /** Phone prefix as LIKE listed by name, or as a btree range listed by phone number. */
  phone: 'like-by-name' | 'range-by-phone';
  /**
   * Also filter on people.province_id (migration 0008: the unit's level-2 ancestor), so
   * a composite GIN (province_id, search_name trigram) index can narrow a province's search.
   */
  provinceColumn?: boolean;
};

export const ISSUE_SHAPE: QueryVariant = {
  nameMatch: 'ilike',
  order: 'collation',
  phone: 'like-by-name',
};

/**
 * (b) A subtree as it stood on a date, parents before children. `collation` orders by the ltree
 * itself (as the issue asks); `bytes` by the path text in byte order, which for labels made of
 * 'u' and digits is the same pre-order and is much cheaper to sort than ltree values.
 */
export function treeAsOf(db: Db, rootPath: string, asOf: string, variant = ISSUE_SHAPE) {
  return db
    .select({
      unitId: unitVersions.unitId,
      name: unitVersions.name,
      kind: unitVersions.kind,
      parentId: unitVersions.parentId,
      path: unitVersions.path,
    })
    .from(unitVersions)
    .where(and(inSubtree(rootPath), versionHoldsOn(asOf)))
    .orderBy(
      variant.order === 'bytes' ? sql`${unitVersions.path}::text collate "C"` : unitVersions.path,
    );
}

export type SearchTerm = { label: string; name: string } | { label: string; phone: string };

export const PAGE_SIZE = 20;

/** The smallest digit string above every string starting with `prefix`, or null (all 9s). */
export function digitsUpperBound(prefix: string): string | null {
  const trimmed = prefix.replace(/9+$/, '');
  if (trimmed === '') return null;
  return trimmed.slice(0, -1) + String(Number(trimmed.slice(-1)) + 1);
}

function termPredicate(term: SearchTerm, variant: QueryVariant): SQL {
  if ('name' in term) {
    const folded = escapeLike(foldForSearch(term.name));
    return variant.nameMatch === 'ilike'
      ? sql`${people.searchName} ilike '%' || ${folded} || '%'`
      : sql`${people.searchName} like '%' || ${folded} || '%'`;
  }
  if (variant.phone === 'like-by-name') {
    return sql`${people.phone} like ${escapeLike(term.phone)} || '%'`;
  }
  const upper = digitsUpperBound(term.phone);
  return upper
    ? sql`${people.phone} >= ${term.phone} and ${people.phone} < ${upper}`
    : sql`${people.phone} >= ${term.phone}`;
}

function termOrder(term: SearchTerm, variant: QueryVariant): SQL[] {
  if (!('name' in term) && variant.phone === 'range-by-phone') {
    return [sql`${people.phone}`, sql`${people.id}`];
  }
  return variant.order === 'bytes'
    ? [sql`${people.searchName} collate "C"`, sql`${people.id}`]
    : [sql`${people.searchName}`, sql`${people.id}`];
}

/** (c) One page (+1 to know whether more follow) of people matching a term, within the actor's scope. */
export function searchPeople(
  db: Db,
  actor: Actor,
  term: SearchTerm,
  asOf: string,
  variant = ISSUE_SHAPE,
  /** The actor's province-level units, for `provinceColumn`; absent for a whole-country scope. */
  provinceIds?: string[],
) {
  const conditions = [withinActorScope(actor, unitVersions.path), termPredicate(term, variant)];
  if (variant.provinceColumn && provinceIds) {
    conditions.push(sql`province_id = any(${`{${provinceIds.join(',')}}`}::uuid[])`);
  }
  return db
    .select({
      id: people.id,
      fullName: people.fullName,
      unitId: people.unitId,
      unitName: unitVersions.name,
      category: people.category,
      birthDate: people.birthDate,
      phone: people.phone,
    })
    .from(people)
    .innerJoin(unitVersions, and(eq(unitVersions.unitId, people.unitId), versionHoldsOn(asOf)))
    .where(and(...conditions))
    .orderBy(...termOrder(term, variant))
    .limit(PAGE_SIZE + 1);
}

export function actorOver(unitId: string, path: string): Actor {
  return {
    userId: '00000000-0000-4000-8000-000000000000',
    username: 'bench',
    displayName: 'Bench',
    grants: [{ unitId, path, role: 'viewer' }],
  };
}
