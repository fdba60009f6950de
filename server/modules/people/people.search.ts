import type { SQL } from 'drizzle-orm';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { ROLE_RANK } from '../../../common/enums.ts';
import { escapeLike, foldForSearch } from '../../../common/text.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { scopeRoots } from '../../kernel/auth/actor.ts';
import { withinActorScope } from '../../kernel/auth/scope-sql.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import { inSubtree, scopeProvinceIds, unitVersions, versionHoldsOn } from '../org/index.ts';
import { adultBornOnOrBefore, MINOR_CATEGORIES } from './person-fields.ts';
import type { PersonRow } from './people.queries.ts';
import { selectPeople } from './people.queries.ts';
import { people } from './people.table.ts';

/**
 * Listing and searching people: always scoped in SQL to the actor's subtrees (or to one unit's
 * subtree inside them), ordered by folded name then id.
 */

/** What a list or an export asks for, already authorised (unitPath is inside the actor's scope). */
export type PeopleSelection = {
  actor: Actor;
  today: IsoDate;
  /** The subtree asked for; absent means all of the actor's subtrees. */
  unitPath?: string | undefined;
  q?: string | undefined;
  category?: string | undefined;
};

/** "Only digits" after removing the separators people type in phone numbers. */
export function phonePrefixOf(q: string): string | null {
  const digits = q.replace(/[\s.-]/g, '');
  return /^\d+$/.test(digits) ? digits : null;
}

/** The folded name to search for, or null when q is absent or is a phone number. */
function nameTermOf(q: string | undefined): string | null {
  const text = q?.trim() ?? '';
  if (!text || phonePrefixOf(text)) return null;
  return foldForSearch(text) || null;
}

/**
 * search_name holds foldForSearch output (lower case, no diacritics) and the term is folded the
 * same way, so a plain LIKE is exact; ILIKE would give the same rows but lower-cases every
 * candidate again, which doubled the cost of re-checking trigram index hits.
 */
function nameMatches(term: string): SQL {
  return sql`${people.searchName} like ${`%${escapeLike(term)}%`}`;
}

/** The smallest string greater than every string starting with `prefix` (digits only), or null. */
function digitsUpperBound(prefix: string): string | null {
  const trimmed = prefix.replace(/9+$/, '');
  if (trimmed === '') return null;
  return trimmed.slice(0, -1) + String(Number(trimmed.slice(-1)) + 1);
}

/** SQL "this person is a minor on `today`", the same rule as isMinorOn. */
function isMinorSql(today: IsoDate): SQL {
  return sql`(case when ${people.birthDate} is null then ${inArray(people.category, [...MINOR_CATEGORIES])}
    else ${people.birthDate} > ${adultBornOnOrBefore(today)}::date end)`;
}

/** unit_versions rows in scope: the unit asked for (checked to lie in scope), else the actor's subtrees. */
function scopeCondition(s: PeopleSelection): SQL {
  return s.unitPath ? inSubtree(s.unitPath) : withinActorScope(s.actor, unitVersions.path);
}

/**
 * A selection with the provinces its scope lies in (org's scopeProvinceIds; null for the whole
 * country). people.province_id narrows to them first, in the composite (province_id, trigram)
 * GIN index; the exact subtree condition stays, so below province level the rows are the same.
 */
type ScopedSelection = PeopleSelection & {
  provinceIds: string[] | null;
  /** province_id alone selects the scope exactly (org's ScopeProvinces.exact). */
  provinceExact: boolean;
};

async function withProvinces(db: Db, s: PeopleSelection): Promise<ScopedSelection> {
  const roots = s.unitPath ? [s.unitPath] : scopeRoots(s.actor);
  const provinces = await scopeProvinceIds(db, roots, s.today);
  return {
    ...s,
    provinceIds: provinces?.provinceIds ?? null,
    provinceExact: provinces?.exact ?? false,
  };
}

/**
 * people.province_id among the scope's provinces. One province is an equality; several are
 * ORed equalities, which PostgreSQL turns into one GIN scan each (GIN cannot scan `= any()`).
 */
function provinceCondition(provinceIds: string[]): SQL {
  if (provinceIds.length === 0) return sql`false`;
  return or(...provinceIds.map((id) => eq(people.provinceId, id)))!;
}

function selectionConditions(s: ScopedSelection): SQL[] {
  const conditions: SQL[] = [versionHoldsOn(s.today)];
  // Below province level (or with a restructuring ahead) the exact subtree check stays.
  if (!s.provinceExact) conditions.push(scopeCondition(s));
  if (s.provinceIds) conditions.push(provinceCondition(s.provinceIds));
  if (s.category) conditions.push(eq(people.category, s.category));
  const prefix = phonePrefixOf(s.q?.trim() ?? '');
  if (prefix) {
    // A range, not LIKE, so the unique btree index on phone answers it under any collation.
    const upper = digitsUpperBound(prefix);
    conditions.push(sql`${people.phone} >= ${prefix}`);
    if (upper) conditions.push(sql`${people.phone} < ${upper}`);
    // Finding a minor by phone number would disclose the number to someone not allowed to read it.
    const editor: Actor = {
      ...s.actor,
      grants: s.actor.grants.filter((g) => ROLE_RANK[g.role] >= ROLE_RANK.editor),
    };
    conditions.push(
      or(sql`not ${isMinorSql(s.today)}`, withinActorScope(editor, unitVersions.path))!,
    );
  }
  const term = nameTermOf(s.q);
  if (term) conditions.push(nameMatches(term));
  return conditions;
}

/**
 * How a name search is run. Matches must come out in name order, and no single plan is fast for
 * every term (measured on PostgreSQL 15 with 1 M people; see docs in the module's report):
 * - walk: PostgreSQL walks the (search_name, id) index in order and filters. Instant when matches
 *   are common and spread through the alphabet ("thi", "hung"); reads most of the table when
 *   they are rare or sort late ("nguyen van an": > 1 s).
 * - sort: filter first (trigram index, or the subtree when it is small), then sort the matches.
 *   Cost follows the number of matches or the size of the subtree.
 * - ids: every match of the term is known from a bounded probe of the trigram index; only those
 *   few are joined, scoped and sorted.
 */
type SearchPlan = { kind: 'walk' } | { kind: 'sort' } | { kind: 'ids'; ids: string[] };

export type SearchTuning = {
  /** A subtree with at most this many units is searched subtree-first. */
  smallScopeUnits: number;
  /** This many names starting with the term make it a cluster (a surname) the walk must not cross to. */
  clusterNames: number;
  /** The probe reads at most this many matches; fewer means it found them all. */
  probeCap: number;
};

export const SEARCH_TUNING: SearchTuning = {
  smallScopeUnits: 200,
  clusterNames: 1000,
  probeCap: 5000,
};

/** The next string after every string starting with `term`: its last character moved up by one. */
function prefixUpperBound(term: string): string {
  return term.slice(0, -1) + String.fromCharCode(term.charCodeAt(term.length - 1) + 1);
}

async function planSearch(db: Db, s: ScopedSelection, tuning: SearchTuning): Promise<SearchPlan> {
  const term = nameTermOf(s.q);
  // Short terms have no trigram to use; without a name term the ordered walk is the fast plan.
  if (!term || term.length < 3) return { kind: 'walk' };
  const units = await db
    .select({ one: sql`1` })
    .from(unitVersions)
    .where(and(versionHoldsOn(s.today), scopeCondition(s)))
    .limit(tuning.smallScopeUnits + 1);
  if (units.length <= tuning.smallScopeUnits) return { kind: 'sort' };
  // Many names starting with the term (a surname, or a full name typed from its start) sit in one
  // stretch of the alphabet; walking there from "a" would cross most of the table. A bounded
  // range scan of the (search_name, id) index tells. Collations other than C make the range
  // approximate, which only affects the choice of plan, never the rows returned.
  const starting = await db
    .select({ one: sql`1` })
    .from(people)
    .where(
      sql`${people.searchName} >= ${term} and ${people.searchName} < ${prefixUpperBound(term)}`,
    )
    .limit(tuning.clusterNames);
  if (starting.length >= tuning.clusterNames) return { kind: 'sort' };
  // Within the scope's provinces when known: the composite index answers the probe.
  const probed = s.provinceIds
    ? and(provinceCondition(s.provinceIds), nameMatches(term))!
    : nameMatches(term);
  const probe = await db
    .select({ id: people.id })
    .from(people)
    .where(probed)
    .limit(tuning.probeCap + 1);
  if (probe.length <= tuning.probeCap) return { kind: 'ids', ids: probe.map((r) => r.id) };
  // A common term spread through the alphabet (a middle or given name): the walk finds a page at once.
  return { kind: 'walk' };
}

function planConditions(s: ScopedSelection, plan: SearchPlan): SQL[] {
  const conditions = selectionConditions(s);
  if (plan.kind === 'ids') conditions.push(inArray(people.id, plan.ids));
  return conditions;
}

/**
 * The sort key. Sorting on an expression rather than the column keeps PostgreSQL from choosing
 * the ordered index walk when the plan says it would be slow; the order itself is identical.
 */
function planOrder(plan: SearchPlan): SQL[] {
  const name = plan.kind === 'walk' ? sql`${people.searchName}` : sql`(${people.searchName} || '')`;
  return [name, sql`${people.id}`];
}

/**
 * One page of people, ordered by folded name then id. Fetches one row more than asked to tell
 * whether another page follows, so no COUNT over the whole table is needed.
 */
export async function findPeoplePage(
  db: Db,
  selection: PeopleSelection,
  page: number,
  pageSize: number,
  tuning: SearchTuning = SEARCH_TUNING,
): Promise<{ rows: PersonRow[]; hasMore: boolean }> {
  const scoped = await withProvinces(db, selection);
  const plan = await planSearch(db, scoped, tuning);
  if (plan.kind === 'ids' && plan.ids.length === 0) return { rows: [], hasMore: false };
  const rows = await selectPeople(db, planConditions(scoped, plan))
    .orderBy(...planOrder(plan))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

/**
 * Every selected person in list order, in batches (keyset paging on name and id, so a large
 * export never holds a huge result set or pays for a deep OFFSET).
 */
export async function* iteratePeople(
  db: Db,
  selection: PeopleSelection,
  batchSize = 5000,
  tuning: SearchTuning = SEARCH_TUNING,
): AsyncGenerator<PersonRow[]> {
  const s = await withProvinces(db, selection);
  const plan = await planSearch(db, s, tuning);
  if (plan.kind === 'ids' && plan.ids.length === 0) return;
  let after: { searchName: string; id: string } | null = null;
  for (;;) {
    const conditions = planConditions(s, plan);
    if (after) {
      conditions.push(
        sql`(${people.searchName}, ${people.id}) > (${after.searchName}, ${after.id}::uuid)`,
      );
    }
    const rows: PersonRow[] = await selectPeople(db, conditions)
      .orderBy(...planOrder(plan))
      .limit(batchSize);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { searchName: last.searchName, id: last.id };
  }
}
