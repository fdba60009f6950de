import { recordAudit } from '../../../kernel/audit/audit.ts';
import type { IsoDate } from '../../../kernel/clock.ts';
import type { Db } from '../../../kernel/db/client.ts';
import { AppError } from '../../../kernel/http/errors.ts';
import type { Performer } from '../org.policy.ts';
import { authorizeAll, performerId } from '../org.policy.ts';
import { loadUnitOnDate, requireChangeableOn } from './checks.ts';
import type { RestructureResult } from './merge.ts';
import { closeOpenVersion, eventUnit, insertEvent, insertVersion, newEventId } from './steps.ts';

export type RenameInput = {
  effectiveDate: IsoDate;
  reason: string;
  unitId: string;
  name: string;
  shortName: string;
};

/** Rename: a new version with the new names from the effective date; the tree is unchanged. */
export async function renameUnit(
  db: Db,
  performer: Performer,
  input: RenameInput,
): Promise<RestructureResult> {
  const date = input.effectiveDate;
  return db.transaction(async (tx) => {
    const unit = await loadUnitOnDate(tx, performer, input.unitId, date);
    authorizeAll(performer, 'restructure', [unit.path]);
    if (unit.name === input.name && unit.shortName === input.shortName) {
      throw new AppError('invalid_state', 'Tên mới trùng với tên hiện tại của đơn vị.');
    }
    requireChangeableOn(unit, date);

    const eventId = newEventId();
    await closeOpenVersion(tx, unit.id, date);
    await insertVersion(tx, unit, { name: input.name, shortName: input.shortName }, date, eventId);
    const event = await insertEvent(tx, {
      id: eventId,
      kind: 'rename',
      date,
      reason: input.reason,
      units: [{ ...eventUnit(unit, 'target'), name: input.name }],
      details: { before: { name: unit.name, shortName: unit.shortName } },
      createdBy: performerId(performer),
    });
    await recordAudit(tx, {
      actorId: performerId(performer),
      action: 'unit.rename',
      entity: 'restructure_event',
      entityId: eventId,
      unitId: unit.id,
      before: { name: unit.name, shortName: unit.shortName },
      after: { name: input.name, shortName: input.shortName },
    });
    return { event, createdIds: [] };
  });
}
