import type { UnitKind, Wing } from '../../../../common/enums.ts';
import { followProvinces } from '../province.ts';
import { recordAudit } from '../../../kernel/audit/audit.ts';
import type { IsoDate } from '../../../kernel/clock.ts';
import type { Db } from '../../../kernel/db/client.ts';
import { AppError } from '../../../kernel/http/errors.ts';
import type { RestructureEventView } from '../org.contracts.ts';
import type { Performer } from '../org.policy.ts';
import { authorizeAll, performerId } from '../org.policy.ts';
import {
  loadUnitsOnDate,
  requireCodesFree,
  requireNoCycle,
  requireParentForUser,
  requireStableFrom,
  requireSubtreeChangeableOn,
} from './checks.ts';
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

export type MergeInput = {
  effectiveDate: IsoDate;
  reason: string;
  /** At least two distinct units; they close on the effective date. */
  sourceIds: string[];
  target: { code: string; name: string; shortName: string; kind: UnitKind; wing: Wing };
  /** Where the new unit hangs; defaults to the sources' common parent. */
  parentId?: string | undefined;
};

export type RestructureResult = {
  event: RestructureEventView;
  /** Units the restructuring created (merge: one, split: one per target, in order). */
  createdIds: string[];
};

/**
 * Merge: the sources close; a new unit opens under the parent; the sources' children (with their
 * whole subtrees, re-pathed) and people move to it. Admin on every source and on the parent.
 */
export async function mergeUnits(
  db: Db,
  performer: Performer,
  input: MergeInput,
): Promise<RestructureResult> {
  const date = input.effectiveDate;
  const sourceIds = [...new Set(input.sourceIds)];
  if (sourceIds.length < 2) {
    throw new AppError('validation_failed', 'Cần ít nhất hai đơn vị khác nhau để hợp nhất.');
  }
  return db.transaction(async (tx) => {
    const loaded = await loadUnitsOnDate(
      tx,
      performer,
      input.parentId ? [...sourceIds, input.parentId] : sourceIds,
      date,
    );
    const sources = sourceIds.map((id) => loaded.get(id)!);
    const parentId = input.parentId ?? sources[0]!.parentId;
    if (!input.parentId && sources.some((s) => s.parentId !== parentId)) {
      throw new AppError(
        'validation_failed',
        'Các đơn vị hợp nhất thuộc các đơn vị cấp trên khác nhau; hãy chọn đơn vị cấp trên (parentId).',
        [{ field: 'parentId', message: 'Bắt buộc khi các đơn vị không cùng cấp trên.' }],
      );
    }
    const parent = parentId
      ? (loaded.get(parentId) ??
        (await loadUnitsOnDate(tx, performer, [parentId], date)).get(parentId)!)
      : null;
    authorizeAll(
      performer,
      'restructure',
      [...sources, ...(parent ? [parent] : [])].map((u) => u.path),
    );
    requireParentForUser(performer, parent);

    for (const source of sources) {
      const nested = sources.find(
        (other) => other !== source && source.path.startsWith(other.path + '.'),
      );
      if (nested) {
        throw new AppError(
          'validation_failed',
          `"${source.name}" trực thuộc "${nested.name}"; không thể hợp nhất đơn vị với cấp trên của nó.`,
        );
      }
      if (parent) requireNoCycle(source, parent);
    }
    for (const source of sources) await requireSubtreeChangeableOn(tx, source.path, date);
    if (parent) requireStableFrom(parent, date);
    await requireCodesFree(tx, [input.target.code]);

    const eventId = newEventId();
    const target = await insertNewUnit(tx, input.target, parent, date, eventId);
    for (const source of sources) {
      await closeOpenVersion(tx, source.id, date);
      await repathSubtree(tx, {
        subtreePath: source.path,
        excludeUnitId: source.id,
        dropLevels: source.path.split('.').length,
        newPrefix: target.path,
        reparent: { from: source.id, to: target.id },
        date,
        eventId,
      });
    }
    await markClosed(tx, sourceIds, date);
    const peopleMoved = await movePeople(tx, sourceIds, target.id);
    await followProvinces(
      tx,
      sources.map((s) => s.path),
      target.path,
    );
    const event = await insertEvent(tx, {
      id: eventId,
      kind: 'merge',
      date,
      reason: input.reason,
      units: [
        ...sources.map((s) => eventUnit(s, 'source')),
        eventUnit(target, 'target'),
        ...(parent ? [eventUnit(parent, 'parent')] : []),
      ],
      createdBy: performerId(performer),
    });
    await recordAudit(tx, {
      actorId: performerId(performer),
      action: 'unit.merge',
      entity: 'restructure_event',
      entityId: eventId,
      unitId: target.id,
      before: {
        sources: sources.map((s) => ({ id: s.id, code: s.code, name: s.name, path: s.path })),
      },
      after: {
        target: { id: target.id, code: target.code, name: target.name, path: target.path },
        peopleMoved,
      },
    });
    return { event, createdIds: [target.id] };
  });
}
