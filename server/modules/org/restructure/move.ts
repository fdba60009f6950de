import { followProvinces } from '../province.ts';
import { recordAudit } from '../../../kernel/audit/audit.ts';
import type { IsoDate } from '../../../kernel/clock.ts';
import type { Db } from '../../../kernel/db/client.ts';
import { AppError } from '../../../kernel/http/errors.ts';
import type { Performer } from '../org.policy.ts';
import { authorizeAll, performerId } from '../org.policy.ts';
import { findUnitAsOf } from '../org.queries.ts';
import {
  loadUnitsOnDate,
  requireNoCycle,
  requireStableFrom,
  requireSubtreeChangeableOn,
} from './checks.ts';
import type { RestructureResult } from './merge.ts';
import { eventUnit, insertEvent, newEventId, repathSubtree } from './steps.ts';

export type MoveInput = {
  effectiveDate: IsoDate;
  reason: string;
  unitId: string;
  newParentId: string;
};

/**
 * Move: the unit and its whole subtree hang under the new parent from the effective date (every
 * open version in the subtree closes and reopens with the new path). Admin on the unit, its
 * current parent and the new parent. In the event, the old parent is the 'source' and the
 * moved unit the 'target'.
 */
export async function moveUnit(
  db: Db,
  performer: Performer,
  input: MoveInput,
): Promise<RestructureResult> {
  const date = input.effectiveDate;
  return db.transaction(async (tx) => {
    const loaded = await loadUnitsOnDate(tx, performer, [input.unitId, input.newParentId], date);
    const unit = loaded.get(input.unitId)!;
    const newParent = loaded.get(input.newParentId)!;
    const oldParent = unit.parentId ? await findUnitAsOf(tx, unit.parentId, date) : null;
    authorizeAll(
      performer,
      'restructure',
      [unit, newParent, ...(oldParent ? [oldParent] : [])].map((u) => u.path),
    );
    requireNoCycle(unit, newParent);
    if (unit.parentId === newParent.id) {
      throw new AppError('invalid_state', `"${unit.name}" đã trực thuộc "${newParent.name}".`);
    }
    await requireSubtreeChangeableOn(tx, unit.path, date);
    requireStableFrom(newParent, date);

    const eventId = newEventId();
    await repathSubtree(tx, {
      subtreePath: unit.path,
      dropLevels: unit.path.split('.').length - 1,
      newPrefix: newParent.path,
      reparent: { from: unit.parentId, to: newParent.id },
      date,
      eventId,
    });
    const newPath = `${newParent.path}.${unit.path.split('.').pop()!}`;
    await followProvinces(tx, [unit.path], newPath);
    const event = await insertEvent(tx, {
      id: eventId,
      kind: 'move',
      date,
      reason: input.reason,
      units: [
        ...(oldParent ? [eventUnit(oldParent, 'source')] : []),
        { ...eventUnit(unit, 'target'), path: newPath },
        eventUnit(newParent, 'parent'),
      ],
      details: { movedUnitId: unit.id, fromParentId: unit.parentId, toParentId: newParent.id },
      createdBy: performerId(performer),
    });
    await recordAudit(tx, {
      actorId: performerId(performer),
      action: 'unit.move',
      entity: 'restructure_event',
      entityId: eventId,
      unitId: unit.id,
      before: { parentId: unit.parentId, path: unit.path },
      after: { parentId: newParent.id, path: newPath },
    });
    return { event, createdIds: [] };
  });
}
