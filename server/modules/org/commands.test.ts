import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/http/errors.ts';
import { buildSubtree, buildUser, uniqueSuffix } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { asUser, SYSTEM } from './org.policy.ts';
import { restructureEvents } from './org.table.ts';
import { snapshot } from './org.test-helpers.ts';
import { closeUnit } from './restructure/close.ts';
import { mergeUnits } from './restructure/merge.ts';
import { moveUnit } from './restructure/move.ts';
import { renameUnit } from './restructure/rename.ts';
import { splitUnit } from './restructure/split.ts';
import { countSubtreeUnits, findSubtreeAsOf } from './tree.queries.ts';
import { createUnit } from './unit.service.ts';

/** The command functions as a script (the demo seed) calls them, without HTTP. */
describe('org commands', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('create roots and restructure without an HTTP actor; a user cannot create a root', async () => {
    const code = `R-${uniqueSuffix()}`;
    const before = await snapshot(t.deps.db);
    const root = await createUnit(t.deps.db, SYSTEM, {
      parentId: null,
      code,
      name: 'Trung ương Đoàn (thử)',
      shortName: 'TW',
      kind: 'central',
      wing: 'doan',
      effectiveDate: '2020-01-01',
    });
    const p1 = await createUnit(t.deps.db, SYSTEM, {
      parentId: root.id,
      code: `${code}-1`,
      name: 'Tỉnh đoàn Một',
      shortName: 'TĐ 1',
      kind: 'province',
      wing: 'doan',
      effectiveDate: '2020-01-01',
    });
    const p2 = await createUnit(t.deps.db, SYSTEM, {
      parentId: root.id,
      code: `${code}-2`,
      name: 'Tỉnh đoàn Hai',
      shortName: 'TĐ 2',
      kind: 'province',
      wing: 'doan',
      effectiveDate: '2020-01-01',
    });
    const merged = await mergeUnits(t.deps.db, SYSTEM, {
      effectiveDate: '2025-07-01',
      reason: 'Hợp nhất',
      sourceIds: [p1.id, p2.id],
      target: {
        code: `${code}-M`,
        name: 'Tỉnh đoàn Hợp Nhất',
        shortName: 'TĐ HN',
        kind: 'province',
        wing: 'doan',
      },
    });
    await closeUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2026-01-01',
      reason: 'Thử',
      unitId: merged.createdIds[0]!,
    });
    const after = await snapshot(t.deps.db);
    expect(after.units - before.units).toBe(4);
    expect(after.events - before.events).toBe(5);
    expect(after.audit - before.audit).toBe(5);
    const [event] = await t.deps.db
      .select()
      .from(restructureEvents)
      .where(eq(restructureEvents.id, merged.event.id));
    expect(event!.createdBy).toBeNull();

    const user = await buildUser(t.deps.db, [{ unit: root, role: 'admin' }]);
    const actor = {
      userId: user.id,
      username: user.username,
      displayName: 'Quản trị',
      grants: [{ unitId: root.id, path: root.path, role: 'admin' as const }],
    };
    const unchanged = await snapshot(t.deps.db);
    const rootByUser = createUnit(t.deps.db, asUser(actor), {
      parentId: null,
      code: `${code}-X`,
      name: 'Gốc',
      shortName: 'Gốc',
      kind: 'central',
      wing: 'doan',
      effectiveDate: '2025-01-01',
    });
    await expect(rootByUser).rejects.toBeInstanceOf(AppError);
    await expect(rootByUser).rejects.toMatchObject({ code: 'forbidden' });
    expect(await snapshot(t.deps.db)).toEqual(unchanged);
  });

  it('two concurrent creations with one code: one succeeds, the other is a conflict', async () => {
    const tree = await buildSubtree(t.deps.db);
    const input = {
      parentId: tree.root.id,
      code: `C-${uniqueSuffix()}`,
      name: 'Đoàn trường Song Song',
      shortName: 'Song Song',
      kind: 'grassroots' as const,
      wing: 'doan' as const,
      effectiveDate: '2025-09-05',
    };
    // Different parents, so the parent row locks do not serialise them: on PostgreSQL both pass
    // the code check and the unique index decides.
    const results = await Promise.allSettled([
      createUnit(t.deps.db, SYSTEM, { ...input, parentId: tree.a.id }),
      createUnit(t.deps.db, SYSTEM, { ...input, parentId: tree.b.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = results.find((r) => r.status === 'rejected');
    expect(failure?.reason).toMatchObject({ code: 'conflict', status: 409 });
  });

  it('runs a seed-like sequence (create, close, rename, split, move) and reads the tree on each date', async () => {
    const code = `Q-${uniqueSuffix()}`;
    const make = (
      parentId: string | null,
      suffix: string,
      kind: 'central' | 'province' | 'district' | 'grassroots',
    ) =>
      createUnit(t.deps.db, SYSTEM, {
        parentId,
        code: `${code}-${suffix}`,
        name: `Đơn vị ${suffix}`,
        shortName: suffix,
        kind,
        wing: 'doan',
        effectiveDate: '2020-01-01',
      });
    const central = await make(null, 'TW', 'central');
    const province = await make(central.id, 'T', 'province');
    const district = await make(province.id, 'H', 'district');
    const x = await make(district.id, 'X', 'grassroots');
    const y = await make(district.id, 'Y', 'grassroots');
    const reason = 'Kịch bản dữ liệu mẫu';

    await closeUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2025-07-01',
      reason,
      unitId: district.id,
      successorId: province.id,
    });
    await renameUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2025-08-01',
      reason,
      unitId: x.id,
      name: 'Đơn vị X mới',
      shortName: 'X mới',
    });
    const split = await splitUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2025-09-01',
      reason,
      sourceId: province.id,
      targets: [
        {
          code: `${code}-T1`,
          name: 'Tỉnh Một',
          shortName: 'T1',
          kind: 'province',
          childIds: [x.id],
        },
        {
          code: `${code}-T2`,
          name: 'Tỉnh Hai',
          shortName: 'T2',
          kind: 'province',
          childIds: [y.id],
        },
      ],
    });
    const [t1, t2] = split.createdIds;
    await moveUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2025-10-01',
      reason,
      unitId: x.id,
      newParentId: t2!,
    });

    const shape = async (asOf: string) =>
      (await findSubtreeAsOf(t.deps.db, central.path, asOf)).map(
        (u) => `${u.name}<${u.parentId === null ? '-' : u.parentId.slice(0, 4)}`,
      );
    const short = (id: string) => id.slice(0, 4);
    const sorted = async (asOf: string) => (await shape(asOf)).sort();
    expect(await sorted('2025-06-30')).toEqual(
      [
        'Đơn vị TW<-',
        `Đơn vị T<${short(central.id)}`,
        `Đơn vị H<${short(province.id)}`,
        `Đơn vị X<${short(district.id)}`,
        `Đơn vị Y<${short(district.id)}`,
      ].sort(),
    );
    expect(await sorted('2025-07-01')).toEqual(
      [
        'Đơn vị TW<-',
        `Đơn vị T<${short(central.id)}`,
        `Đơn vị X<${short(province.id)}`,
        `Đơn vị Y<${short(province.id)}`,
      ].sort(),
    );
    expect(await sorted('2025-09-01')).toEqual(
      [
        'Đơn vị TW<-',
        `Tỉnh Một<${short(central.id)}`,
        `Tỉnh Hai<${short(central.id)}`,
        `Đơn vị X mới<${short(t1!)}`,
        `Đơn vị Y<${short(t2!)}`,
      ].sort(),
    );
    expect(await sorted('2025-10-01')).toEqual(
      [
        'Đơn vị TW<-',
        `Tỉnh Một<${short(central.id)}`,
        `Tỉnh Hai<${short(central.id)}`,
        `Đơn vị X mới<${short(t2!)}`,
        `Đơn vị Y<${short(t2!)}`,
      ].sort(),
    );
    expect(await countSubtreeUnits(t.deps.db, central.path, '2025-06-30')).toBe(4);
    expect(await countSubtreeUnits(t.deps.db, central.path, '2025-10-01')).toBe(4);
    // Parents come before their children.
    const levels = (await findSubtreeAsOf(t.deps.db, central.path, '2025-10-01')).map(
      (u) => u.path.split('.').length,
    );
    expect(levels).toEqual([...levels].sort((p, q) => p - q));
    expect(levels).toEqual([1, 2, 2, 3, 3]);
  });
});
