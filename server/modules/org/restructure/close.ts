import { followProvinces } from '../province.ts';
import { recordAudit } from '../../../kernel/audit/audit.ts';
import type { IsoDate } from '../../../kernel/clock.ts';
import type { Db } from '../../../kernel/db/client.ts';
import { AppError } from '../../../kernel/http/errors.ts';
import type { Performer } from '../org.policy.ts';
import { authorizeAll, performerId } from '../org.policy.ts';
import { countPeopleOfUnits } from '../tree.queries.ts';
import {
  childrenOnDate,
  loadUnitsOnDate,
  requireNoCycle,
  requireStableFrom,
  requireSubtreeChangeableOn,
} from './checks.ts';
import type { RestructureResult } from './merge.ts';
import {
  closeOpenVersion,
  eventUnit,
  insertEvent,
  markClosed,
  movePeople,
  newEventId,
  repathSubtree,
} from './steps.ts';

export type CloseInput = {
  effectiveDate: IsoDate;
  reason: string;
  unitId: string;
  /** Receives the open children (with their subtrees) and the people. */
  successorId?: string | undefined;
};

/**
 * Close (dissolve): the unit ends on the effective date. With a successor, its children and people
 * move there (e.g. a district dissolved into its province); without one, it must be empty.
 * Admin on the unit and on the successor.
 */
export async function closeUnit(
  db: Db,
  performer: Performer,
  input: CloseInput,
): Promise<RestructureResult> {
  const date = input.effectiveDate;
  return db.transaction(async (tx) => {
    const ids = input.successorId ? [input.unitId, input.successorId] : [input.unitId];
    const loaded = await loadUnitsOnDate(tx, performer, ids, date);
    const unit = loaded.get(input.unitId)!;
    const successor = input.successorId ? loaded.get(input.successorId)! : null;
    authorizeAll(performer, 'restructure', [unit.path, ...(successor ? [successor.path] : [])]);
    if (successor) requireNoCycle(unit, successor);

    const children = await childrenOnDate(tx, unit.id, date);
    const peopleCount = await countPeopleOfUnits(tx, [unit.id]);
    if (!successor && (children.length > 0 || peopleCount > 0)) {
      throw new AppError(
        'invalid_state',
        `Đơn vị "${unit.name}" còn ${children.length} đơn vị trực thuộc và ${peopleCount} người; ` +
          'hãy chọn đơn vị tiếp nhận (successorId).',
      );
    }
    await requireSubtreeChangeableOn(tx, unit.path, date);
    if (successor) requireStableFrom(successor, date);

    const eventId = newEventId();
    await closeOpenVersion(tx, unit.id, date);
    if (successor) {
      await repathSubtree(tx, {
        subtreePath: unit.path,
        excludeUnitId: unit.id,
        dropLevels: unit.path.split('.').length,
        newPrefix: successor.path,
        reparent: { from: unit.id, to: successor.id },
        date,
        eventId,
      });
    }
    await markClosed(tx, [unit.id], date);
    const peopleMoved = successor ? await movePeople(tx, [unit.id], successor.id) : 0;
    if (successor) await followProvinces(tx, [unit.path], successor.path);
    const event = await insertEvent(tx, {
      id: eventId,
      kind: 'close',
      date,
      reason: input.reason,
      units: [eventUnit(unit, 'source'), ...(successor ? [eventUnit(successor, 'target')] : [])],
      createdBy: performerId(performer),
    });
    await recordAudit(tx, {
      actorId: performerId(performer),
      action: 'unit.close',
      entity: 'restructure_event',
      entityId: eventId,
      unitId: unit.id,
      before: { id: unit.id, code: unit.code, name: unit.name, path: unit.path },
      after: {
        closedOn: date,
        successorId: successor?.id ?? null,
        childrenMoved: successor ? children.length : 0,
        peopleMoved,
      },
    });
    return { event, createdIds: [] };
  });
}
