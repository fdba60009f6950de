import { and, eq, inArray, sql } from 'drizzle-orm';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { UnitAsOf } from '../org/index.ts';
import { findUnitAsOf, units, unitVersions, versionHoldsOn } from '../org/index.ts';

/**
 * Who reports for one report type and period (docs/decisions/0005): the plan's unit, and every
 * unit below it whose kind the report type names, on the tree as it stood at the period's end
 * (or today, if that is earlier). Each reporter's report goes to its nearest reporting ancestor;
 * the plan's unit's own report is received by the plan's unit itself.
 */
export type Reporter = { unit: UnitAsOf; receiverId: string };
export type ReporterTree = {
  treeDate: IsoDate;
  root: UnitAsOf | null;
  reporters: Map<string, Reporter>;
  /** Reporters by the unit that receives their reports (the root not under itself). */
  byReceiver: Map<string, Reporter[]>;
};

export function reporterTreeDate(periodTo: IsoDate, today: IsoDate): IsoDate {
  return periodTo < today ? periodTo : today;
}

export async function findReporters(
  db: Db,
  planUnitId: string,
  reporterKinds: string[],
  treeDate: IsoDate,
): Promise<ReporterTree> {
  const root = await findUnitAsOf(db, planUnitId, treeDate);
  const reporters = new Map<string, Reporter>();
  const byReceiver = new Map<string, Reporter[]>();
  if (!root) return { treeDate, root, reporters, byReceiver };
  reporters.set(root.id, { unit: root, receiverId: root.id });
  const below: UnitAsOf[] = reporterKinds.length
    ? await db
        .select({
          id: units.id,
          code: units.code,
          wing: units.wing,
          name: unitVersions.name,
          shortName: unitVersions.shortName,
          kind: unitVersions.kind,
          parentId: unitVersions.parentId,
          path: unitVersions.path,
          validFrom: unitVersions.validFrom,
          validTo: unitVersions.validTo,
          establishedOn: units.establishedOn,
          closedOn: units.closedOn,
        })
        .from(unitVersions)
        .innerJoin(units, eq(units.id, unitVersions.unitId))
        .where(
          and(
            sql`${unitVersions.path} <@ ${root.path}::ltree`,
            sql`${unitVersions.path} <> ${root.path}::ltree`,
            inArray(unitVersions.kind, reporterKinds),
            versionHoldsOn(treeDate),
          ),
        )
    : [];
  const byPath = new Map<string, string>([[root.path, root.id]]);
  for (const u of below) byPath.set(u.path, u.id);
  for (const unit of below) {
    const labels = unit.path.split('.');
    let receiverId = root.id;
    for (let n = labels.length - 1; n > 0; n--) {
      const found = byPath.get(labels.slice(0, n).join('.'));
      if (found) {
        receiverId = found;
        break;
      }
    }
    const reporter = { unit, receiverId };
    reporters.set(unit.id, reporter);
    const siblings = byReceiver.get(receiverId);
    if (siblings) siblings.push(reporter);
    else byReceiver.set(receiverId, [reporter]);
  }
  return { treeDate, root, reporters, byReceiver };
}

/** The reporters whose reports `receiverId` receives (not itself). */
export function reportersTo(tree: ReporterTree, receiverId: string): Reporter[] {
  return tree.byReceiver.get(receiverId) ?? [];
}
