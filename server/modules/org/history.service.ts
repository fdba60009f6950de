import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../kernel/auth/actor.ts';
import { roleOn, scopeRoots } from '../../kernel/auth/actor.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { HistoryResponse, RestructureEventView } from './org.contracts.ts';
import { presentEvent } from './org.presenter.ts';
import { findLatestVersion } from './org.queries.ts';
import { restructureEvents, unitVersions } from './org.table.ts';

/** A unit's versions and the restructuring decisions, for the history view and the audit trail. */

export const EVENT_LIST_MAX = 200;

/** Seeing a unit's history takes a role over its latest path (its last shape, if closed). */
async function requireHistoryVisible(deps: AppDeps, actor: Actor, unitId: string): Promise<void> {
  const latest = await findLatestVersion(deps.db, unitId);
  if (!latest || roleOn(actor, latest.path) === null) throw new AppError('not_found');
}

async function eventsOfUnit(deps: AppDeps, unitId: string): Promise<RestructureEventView[]> {
  const rows = await deps.db
    .select()
    .from(restructureEvents)
    .where(
      sql`${restructureEvents.payload} -> 'units' @> ${JSON.stringify([{ id: unitId }])}::jsonb`,
    )
    .orderBy(desc(restructureEvents.effectiveDate), desc(restructureEvents.createdAt))
    .limit(EVENT_LIST_MAX);
  return rows.map(presentEvent);
}

export async function getUnitHistory(
  deps: AppDeps,
  actor: Actor,
  unitId: string,
): Promise<HistoryResponse> {
  await requireHistoryVisible(deps, actor, unitId);
  const parentVersion = alias(unitVersions, 'parent_version');
  const versions = await deps.db
    .select({
      validFrom: unitVersions.validFrom,
      validTo: unitVersions.validTo,
      name: unitVersions.name,
      shortName: unitVersions.shortName,
      kind: unitVersions.kind,
      parentId: unitVersions.parentId,
      parentName: parentVersion.name,
    })
    .from(unitVersions)
    // The parent's name as it stood on the first day of this version.
    .leftJoin(
      parentVersion,
      and(
        eq(parentVersion.unitId, unitVersions.parentId),
        sql`${parentVersion.validFrom} <= ${unitVersions.validFrom}`,
        sql`(${parentVersion.validTo} is null or ${parentVersion.validTo} > ${unitVersions.validFrom})`,
      ),
    )
    .where(eq(unitVersions.unitId, unitId))
    .orderBy(asc(unitVersions.validFrom));
  return {
    versions: versions.map((v) => ({
      validFrom: v.validFrom,
      validTo: v.validTo,
      name: v.name,
      shortName: v.shortName,
      kind: v.kind,
      parentId: v.parentId,
      parentName: v.parentName ?? null,
    })),
    events: await eventsOfUnit(deps, unitId),
  };
}

/**
 * Restructuring events, newest first. With `unitId`: those involving that unit (visible by its
 * latest path). Without: those involving any unit whose path at the event lies in the actor's
 * subtrees (the payload records each unit's path).
 */
export async function listEvents(
  deps: AppDeps,
  actor: Actor,
  unitId: string | undefined,
): Promise<RestructureEventView[]> {
  if (unitId) {
    await requireHistoryVisible(deps, actor, unitId);
    return eventsOfUnit(deps, unitId);
  }
  const roots = scopeRoots(actor);
  if (roots.length === 0) return [];
  const rows = await deps.db
    .select()
    .from(restructureEvents)
    .where(
      sql`exists (select 1 from jsonb_array_elements(${restructureEvents.payload} -> 'units') as u
        where (u ->> 'path')::ltree <@ ${`{${roots.join(',')}}`}::ltree[])`,
    )
    .orderBy(desc(restructureEvents.effectiveDate), desc(restructureEvents.createdAt))
    .limit(EVENT_LIST_MAX);
  return rows.map(presentEvent);
}
