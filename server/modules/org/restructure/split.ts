import type { UnitKind, Wing } from '../../../../common/enums.ts';
import { followProvinces } from '../province.ts';
import { recordAudit } from '../../../kernel/audit/audit.ts';
import type { IsoDate } from '../../../kernel/clock.ts';
import type { Db } from '../../../kernel/db/client.ts';
import { AppError } from '../../../kernel/http/errors.ts';
import type { Performer } from '../org.policy.ts';
import { authorizeAll, performerId } from '../org.policy.ts';
import type { UnitAsOf } from '../org.queries.ts';
import {
  childrenOnDate,
  loadUnitOnDate,
  requireCodesFree,
  requireParentForUser,
  requireStableFrom,
  requireSubtreeChangeableOn,
} from './checks.ts';
import type { RestructureResult } from './merge.ts';
import {
  closeOpenVersion,
  eventUnit,
  insertEvent,
  insertNewUnit,
  markClosed,
  movePeople,
  newEventId,
  repathSubtree,
} from './steps.ts';

export type SplitInput = {
  effectiveDate: IsoDate;
  reason: string;
  sourceId: string;
  /** At least two; each child of the source goes to the target listing it, unlisted ones to the first. */
  targets: {
    code: string;
    name: string;
    shortName: string;
    kind: UnitKind;
    /** Defaults to the source's wing. */
    wing?: Wing | undefined;
    childIds: string[];
  }[];
};

/**
 * Split: the source closes; the targets open beside it (under its parent); its children move,
 * with their subtrees, to the targets; its people go to the first target. Admin on the source
 * and on its parent (the new units are created there).
 */
export async function splitUnit(
  db: Db,
  performer: Performer,
  input: SplitInput,
): Promise<RestructureResult> {
  const date = input.effectiveDate;
  if (input.targets.length < 2) {
    throw new AppError('validation_failed', 'Cần ít nhất hai đơn vị mới khi chia tách.');
  }
  const codes = input.targets.map((t) => t.code);
  const listed = input.targets.flatMap((t) => t.childIds);
  if (new Set(codes).size !== codes.length || new Set(listed).size !== listed.length) {
    throw new AppError(
      'validation_failed',
      'Mã đơn vị mới hoặc danh sách đơn vị trực thuộc bị trùng.',
    );
  }
  return db.transaction(async (tx) => {
    const source = await loadUnitOnDate(tx, performer, input.sourceId, date);
    const parent = source.parentId
      ? await loadUnitOnDate(tx, performer, source.parentId, date)
      : null;
    authorizeAll(performer, 'restructure', [source.path, ...(parent ? [parent.path] : [])]);
    requireParentForUser(performer, parent);

    const children = await childrenOnDate(tx, source.id, date);
    const childIds = new Set(children.map((c) => c.id));
    const strangers = listed.filter((id) => !childIds.has(id));
    if (strangers.length > 0) {
      throw new AppError(
        'validation_failed',
        `Có ${strangers.length} đơn vị không trực thuộc "${source.name}" vào ngày hiệu lực.`,
        strangers.map((id) => ({
          field: 'targets.childIds',
          message: `Không phải đơn vị trực thuộc: ${id}`,
        })),
      );
    }
    await requireSubtreeChangeableOn(tx, source.path, date);
    if (parent) requireStableFrom(parent, date);
    await requireCodesFree(tx, codes);

    const eventId = newEventId();
    const targets: UnitAsOf[] = [];
    for (const t of input.targets) {
      targets.push(
        await insertNewUnit(tx, { ...t, wing: t.wing ?? source.wing }, parent, date, eventId),
      );
    }
    await closeOpenVersion(tx, source.id, date);
    const sourceLevels = source.path.split('.').length;
    for (const child of children) {
      const index = input.targets.findIndex((t) => t.childIds.includes(child.id));
      const target = targets[Math.max(index, 0)]!;
      await repathSubtree(tx, {
        subtreePath: child.path,
        dropLevels: sourceLevels,
        newPrefix: target.path,
        reparent: { from: source.id, to: target.id },
        date,
        eventId,
      });
    }
    await markClosed(tx, [source.id], date);
    const peopleMoved = await movePeople(tx, [source.id], targets[0]!.id);
    for (const target of targets) await followProvinces(tx, [source.path], target.path);
    const event = await insertEvent(tx, {
      id: eventId,
      kind: 'split',
      date,
      reason: input.reason,
      units: [
        eventUnit(source, 'source'),
        ...targets.map((t) => eventUnit(t, 'target')),
        ...(parent ? [eventUnit(parent, 'parent')] : []),
      ],
      details: {
        assignment: targets.map((t, i) => ({
          targetId: t.id,
          childIds: input.targets[i]!.childIds,
        })),
      },
      createdBy: performerId(performer),
    });
    await recordAudit(tx, {
      actorId: performerId(performer),
      action: 'unit.split',
      entity: 'restructure_event',
      entityId: eventId,
      unitId: source.id,
      before: {
        source: { id: source.id, code: source.code, name: source.name, path: source.path },
      },
      after: {
        targets: targets.map((t) => ({ id: t.id, code: t.code, name: t.name, path: t.path })),
        peopleMoved,
      },
    });
    return { event, createdIds: targets.map((t) => t.id) };
  });
}
