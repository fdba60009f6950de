import { eq } from 'drizzle-orm';
import type { UnitKind, Wing } from '../../../common/enums.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { UnitAbilities, UnitDetail, UpdateUnitBody } from './org.contracts.ts';
import type { Performer } from './org.policy.ts';
import { asUser, authorizeAll, performerId } from './org.policy.ts';
import { presentAbilities, presentUnitDetail } from './org.presenter.ts';
import type { UnitAsOf } from './org.queries.ts';
import { findUnitAsOf } from './org.queries.ts';
import { loadVisibleUnit } from './org.scope.ts';
import { units } from './org.table.ts';
import {
  loadUnitOnDate,
  requireCodesFree,
  requireParentForUser,
  requireStableFrom,
} from './restructure/checks.ts';
import { eventUnit, insertEvent, insertNewUnit, newEventId } from './restructure/steps.ts';
import {
  countChildrenAsOf,
  countPeopleOfUnits,
  countSubtreeUnits,
  findAncestorsAsOf,
  findGroupsOfUnit,
} from './tree.queries.ts';

/** One unit: its detail on a date, its contact attributes, and creating it. */

/** The detail of a unit already known to exist on `asOf` (no authorisation here). */
export async function buildUnitDetail(db: Db, unit: UnitAsOf, asOf: IsoDate): Promise<UnitDetail> {
  const [attributes] = await db
    .select({ address: units.address, phone: units.phone, email: units.email })
    .from(units)
    .where(eq(units.id, unit.id));
  const [childCounts, ancestors, groups, subtreeUnitCount, peopleCount] = await Promise.all([
    countChildrenAsOf(db, [unit.id], asOf),
    findAncestorsAsOf(db, [unit.path], asOf),
    findGroupsOfUnit(db, unit.id),
    countSubtreeUnits(db, unit.path, asOf),
    countPeopleOfUnits(db, [unit.id]),
  ]);
  return presentUnitDetail({
    unit,
    attributes: attributes!,
    childCount: childCounts.get(unit.id) ?? 0,
    ancestors: ancestors.get(unit.path) ?? [],
    groups,
    subtreeUnitCount,
    peopleCount,
  });
}

export type UnitWithAbilities = { unit: UnitDetail; abilities: UnitAbilities };

export async function getUnit(
  deps: AppDeps,
  actor: Actor,
  unitId: string,
  asOf: IsoDate,
): Promise<UnitWithAbilities> {
  const { unit } = await loadVisibleUnit(deps.db, actor, unitId, asOf, deps.today());
  return {
    unit: await buildUnitDetail(deps.db, unit, asOf),
    // Abilities are about acting now, so they use today's grants.
    abilities: presentAbilities(actor, unit.path),
  };
}

/** Contact attributes are not effective-dated: they change in place, with an audit record. */
export async function updateUnitAttributes(
  deps: AppDeps,
  actor: Actor,
  unitId: string,
  changes: UpdateUnitBody,
): Promise<UnitWithAbilities> {
  const today = deps.today();
  const unit = await deps.db.transaction(async (tx) => {
    const { unit } = await loadVisibleUnit(tx, actor, unitId, today, today);
    authorizeAll(asUser(actor), 'update', [unit.path]);
    const [before] = await tx
      .select({ address: units.address, phone: units.phone, email: units.email })
      .from(units)
      .where(eq(units.id, unitId))
      .for('update');
    const values = Object.fromEntries(
      Object.entries(changes).map(([key, value]) => [key, value || null]),
    ) as Partial<Record<'address' | 'phone' | 'email', string | null>>;
    const [after] = await tx
      .update(units)
      .set(values)
      .where(eq(units.id, unitId))
      .returning({ address: units.address, phone: units.phone, email: units.email });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'unit.update',
      entity: 'unit',
      entityId: unitId,
      unitId,
      before,
      after,
    });
    return unit;
  });
  return {
    unit: await buildUnitDetail(deps.db, unit, today),
    abilities: presentAbilities(actor, unit.path),
  };
}

export type CreateUnitInput = {
  /** Null creates a root unit, which only a script (SYSTEM) may do. */
  parentId: string | null;
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  wing: Wing;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  effectiveDate: IsoDate;
  /** Recorded on the 'create' event; defaults to "Thành lập đơn vị". */
  reason?: string;
};

/**
 * Creates a unit from `effectiveDate` under its parent, records a 'create' event and an audit
 * entry, all in one transaction. A user needs admin on the parent.
 */
export async function createUnit(
  db: Db,
  performer: Performer,
  input: CreateUnitInput,
): Promise<UnitAsOf> {
  const date = input.effectiveDate;
  return db.transaction(async (tx) => {
    const parent = input.parentId
      ? await loadUnitOnDate(tx, performer, input.parentId, date)
      : null;
    if (parent) authorizeAll(performer, 'create', [parent.path]);
    requireParentForUser(performer, parent);
    if (parent) requireStableFrom(parent, date);
    await requireCodesFree(tx, [input.code]);
    const eventId = newEventId();
    const created = await insertNewUnit(tx, input, parent, date, eventId);
    await insertEvent(tx, {
      id: eventId,
      kind: 'create',
      date,
      reason: input.reason ?? 'Thành lập đơn vị',
      units: [eventUnit(created, 'target'), ...(parent ? [eventUnit(parent, 'parent')] : [])],
      createdBy: performerId(performer),
    });
    await recordAudit(tx, {
      actorId: performerId(performer),
      action: 'unit.create',
      entity: 'unit',
      entityId: created.id,
      unitId: created.id,
      after: {
        ...created,
        address: input.address ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        eventId,
      },
    });
    return created;
  });
}

/** The detail of a unit just written, read back outside the write transaction. */
export async function readBackUnit(db: Db, unitId: string, asOf: IsoDate): Promise<UnitDetail> {
  const unit = await findUnitAsOf(db, unitId, asOf);
  if (!unit) throw new AppError('internal');
  return buildUnitDetail(db, unit, asOf);
}
