import { count } from 'drizzle-orm';
import { foldForSearch } from '../../common/text.ts';
import type { AppDeps } from '../kernel/deps.ts';
import type { Db } from '../kernel/db/client.ts';
import { recordAudit } from '../kernel/audit/audit.ts';
import { createAccount } from '../modules/identity/index.ts';
import {
  addGroupMember,
  closeUnit,
  createGroup,
  createUnit,
  findProvinceIds,
  mergeUnits,
  SYSTEM,
  units,
} from '../modules/org/index.ts';
import { people } from '../modules/people/index.ts';
import type { DemoUnit } from './demo-data.ts';
import { seedDemoCourses } from './demo-courses.ts';
import { seedDemoPlans } from './demo-plans.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_DISSOLUTIONS,
  DEMO_ESTABLISHED_ON,
  DEMO_MERGES,
  DEMO_RESTRUCTURE_ON,
  DEMO_TREE,
  demoPeople,
} from './demo-data.ts';

export { DEMO_ACCOUNTS };

/**
 * Loads the demo organisation when the database has no unit yet. Everything goes through the
 * modules' own commands (as the trusted SYSTEM performer), so the demo's history is exactly
 * what the API would have recorded. Returns true when it seeded.
 */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(units);
  if (Number(row!.n) > 0) return false;
  await seedDemo(deps.db);
  await seedDemoPlans(deps);
  await seedDemoCourses(deps);
  return true;
}

export async function seedDemo(db: Db): Promise<void> {
  const ids = new Map<string, string>();
  await createTree(db, DEMO_TREE, null, ids);
  // People first, so the restructuring below moves them with their units as it would in reality.
  await insertPeople(db, ids);

  for (const merge of DEMO_MERGES) {
    const result = await mergeUnits(db, SYSTEM, {
      effectiveDate: DEMO_RESTRUCTURE_ON,
      reason: merge.reason,
      sourceIds: merge.sources.map((code) => ids.get(code)!),
      target: { ...merge.target, wing: 'doan' },
    });
    ids.set(merge.target.code, result.createdIds[0]!);
  }
  for (const dissolution of DEMO_DISSOLUTIONS) {
    await closeUnit(db, SYSTEM, {
      effectiveDate: DEMO_RESTRUCTURE_ON,
      reason: dissolution.reason,
      unitId: ids.get(dissolution.unit)!,
      successorId: ids.get(dissolution.successor)!,
    });
  }

  const schools = await createGroup(db, SYSTEM, {
    code: 'TRUONG-HOC',
    name: 'Trường học',
    kind: 'school',
  });
  const agencies = await createGroup(db, SYSTEM, {
    code: 'CO-QUAN',
    name: 'Cơ quan, sở, ngành',
    kind: 'agency',
  });
  // Groups are joined on the tree as it stands after the restructuring.
  const joinedOn = DEMO_RESTRUCTURE_ON;
  await addGroupMember(db, SYSTEM, schools.id, ids.get('HNI-CVA')!, joinedOn);
  await addGroupMember(db, SYSTEM, schools.id, ids.get('HNI-LB-BD-CD03')!, joinedOn);
  await addGroupMember(db, SYSTEM, agencies.id, ids.get('LSN-KCQ-CD01')!, joinedOn);
  await addGroupMember(db, SYSTEM, agencies.id, ids.get('LSN-KCQ-CD02')!, joinedOn);

  for (const account of DEMO_ACCOUNTS) {
    await createAccount(
      db,
      {
        username: account.username,
        displayName: account.displayName,
        password: account.password,
        grants: [{ unitId: ids.get(account.unitCode)!, role: account.role }],
      },
      null,
    );
  }
}

async function createTree(
  db: Db,
  node: DemoUnit,
  parentId: string | null,
  ids: Map<string, string>,
) {
  const created = await createUnit(db, SYSTEM, {
    parentId,
    code: node.code,
    name: node.name,
    shortName: node.shortName,
    kind: node.kind,
    wing: node.wing ?? 'doan',
    address: node.address ?? null,
    phone: node.phone ?? null,
    email: node.email ?? null,
    effectiveDate: DEMO_ESTABLISHED_ON,
  });
  ids.set(node.code, created.id);
  for (const child of node.children ?? []) await createTree(db, child, created.id, ids);
}

/** People are loaded in one transaction. */
async function insertPeople(db: Db, ids: Map<string, string>): Promise<void> {
  const rows = demoPeople().map((p) => ({
    unitId: ids.get(p.unitCode)!,
    fullName: p.fullName,
    searchName: foldForSearch(p.fullName),
    category: p.category,
    gender: p.gender,
    birthDate: p.birthDate,
    joinDate: p.joinDate ?? null,
    isFullTime: p.isFullTime ?? null,
    phone: p.phone ?? null,
  }));
  await db.transaction(async (tx) => {
    const provinces = await findProvinceIds(
      tx,
      rows.map((r) => r.unitId),
    );
    await tx
      .insert(people)
      .values(rows.map((r) => ({ ...r, provinceId: provinces.get(r.unitId)! })));
    await recordAudit(tx, {
      actorId: null,
      action: 'person.import',
      entity: 'person',
      entityId: 'demo',
      after: { count: rows.length },
    });
  });
}
