import { foldForSearch } from '../../../common/text.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { isWithin } from '../../kernel/auth/actor.ts';
import { withinActorScope } from '../../kernel/auth/scope-sql.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { SearchQuery, UnitNode } from './org.contracts.ts';
import { presentUnitNode, sortByName } from './org.presenter.ts';
import type { UnitAsOf } from './org.queries.ts';
import { findUnitsAsOf } from './org.queries.ts';
import { unitVersions } from './org.table.ts';
import { actorOnDate, loadVisibleUnit } from './org.scope.ts';
import {
  countChildrenAsOf,
  findAncestorsAsOf,
  findChildrenAsOf,
  searchUnitsAsOf,
} from './tree.queries.ts';

/** Tree reads for the unit browser: roots, children, search. Every read is scoped to the actor. */

async function withChildCounts(
  deps: AppDeps,
  rows: UnitAsOf[],
  asOf: IsoDate,
): Promise<UnitNode[]> {
  const counts = await countChildrenAsOf(
    deps.db,
    rows.map((r) => r.id),
    asOf,
  );
  return rows.map((r) => presentUnitNode(r, counts.get(r.id) ?? 0));
}

/** The top units of the actor's subtrees on `asOf`: granted units, minus those nested in another. */
export async function listRoots(deps: AppDeps, actor: Actor, asOf: IsoDate): Promise<UnitNode[]> {
  const granted = await findUnitsAsOf(
    deps.db,
    [...new Set(actor.grants.map((g) => g.unitId))],
    asOf,
  );
  const tops = granted.filter(
    (u) => !granted.some((other) => other.id !== u.id && isWithin(u.path, other.path)),
  );
  return sortByName(await withChildCounts(deps, tops, asOf));
}

export async function listChildren(
  deps: AppDeps,
  actor: Actor,
  parentId: string,
  asOf: IsoDate,
): Promise<UnitNode[]> {
  // Children lie inside the parent's subtree, so seeing the parent is enough to see them.
  await loadVisibleUnit(deps.db, actor, parentId, asOf, deps.today());
  const children = await findChildrenAsOf(deps.db, parentId, asOf);
  return sortByName(await withChildCounts(deps, children, asOf));
}

export type SearchHit = UnitNode & { ancestors: { id: string; name: string }[] };

export async function searchUnits(
  deps: AppDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchHit[]> {
  const asOf = query.asOf ?? deps.today();
  const folded = foldForSearch(query.q);
  if (folded.length === 0) return [];
  const datedActor = await actorOnDate(deps.db, actor, asOf, deps.today());
  const rows = await searchUnitsAsOf(
    deps.db,
    folded,
    asOf,
    withinActorScope(datedActor, unitVersions.path),
    query.limit,
  );
  const [nodes, ancestors] = await Promise.all([
    withChildCounts(deps, rows, asOf),
    findAncestorsAsOf(
      deps.db,
      rows.map((r) => r.path),
      asOf,
    ),
  ]);
  return nodes.map((node) => ({
    ...node,
    ancestors: (ancestors.get(node.path) ?? []).map((a) => ({ id: a.id, name: a.name })),
  }));
}
