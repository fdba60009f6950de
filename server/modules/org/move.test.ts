import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { unitVersions } from './org.table.ts';
import type { Detail, EventBody, UnitList } from './org.test-helpers.ts';
import {
  buildNation,
  call,
  expectRejectedUnchanged,
  misPathedOpenVersions,
  ok,
  readTree,
} from './org.test-helpers.ts';
import { inSubtree } from './org.queries.ts';

describe('POST /restructure/move', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const reason = 'Điều chuyển về đơn vị quản lý mới';

  it('moves a unit with its whole subtree re-pathed, and never touches closed versions', async () => {
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const move = (unitId: string, newParentId: string, effectiveDate: string) =>
      call<EventBody>(t, 'POST', '/restructure/move', admin.cookie, {
        effectiveDate,
        reason,
        unitId,
        newParentId,
      });

    const { event } = ok(await move(n.a1.id, n.districtB.id, '2025-03-01'), 201);
    expect(event.units.map((u) => [u.id, u.role])).toEqual([
      [n.districtA.id, 'source'],
      [n.a1.id, 'target'],
      [n.districtB.id, 'parent'],
    ]);
    expect(
      (await readTree(t, admin.cookie, n.districtA.id, '2025-02-28')).map((c) => c.name),
    ).toEqual([n.a1.name, n.a2.name]);
    expect(await readTree(t, admin.cookie, n.districtA.id, '2025-03-01')).toEqual([
      { name: n.a2.name, children: [] },
    ]);
    expect(await readTree(t, admin.cookie, n.districtB.id, '2025-03-01')).toEqual([
      { name: n.a1.name, children: [{ name: n.chapter.name, children: [] }] },
      { name: n.b1.name, children: [] },
      { name: n.b2.name, children: [] },
    ]);
    const chapterThen = ok(
      await call<Detail>(t, 'GET', `/units/${n.chapter.id}?asOf=2025-02-28`, admin.cookie),
    );
    const chapterNow = ok(
      await call<Detail>(t, 'GET', `/units/${n.chapter.id}?asOf=2025-03-01`, admin.cookie),
    );
    expect(chapterThen.unit.path).toBe(n.chapter.path);
    expect(chapterNow.unit.path).toBe(
      `${n.districtB.path}.${n.a1.path.split('.').pop()}.${n.chapter.path.split('.').pop()}`,
    );
    expect(chapterNow.unit.ancestors.map((a) => a.id)).toEqual([
      n.central.id,
      n.provinceB.id,
      n.districtB.id,
      n.a1.id,
    ]);
    expect(await misPathedOpenVersions(t.deps.db)).toBe(0);

    // A second move later: the versions closed by the first move stay exactly as they were.
    const closedBefore = await t.deps.db
      .select()
      .from(unitVersions)
      .where(and(inSubtree(n.central.path), isNotNull(unitVersions.validTo)));
    ok(await move(n.a1.id, n.provinceB.id, '2025-09-01'), 201);
    const closedAfter = await t.deps.db
      .select()
      .from(unitVersions)
      .where(and(inSubtree(n.central.path), isNotNull(unitVersions.validTo)));
    expect(closedAfter).toEqual(expect.arrayContaining(closedBefore));
    expect(closedAfter).toHaveLength(closedBefore.length + 2);
    // Three versions each for a1 and the chapter: original, after move 1, after move 2.
    const chapterVersions = await t.deps.db
      .select()
      .from(unitVersions)
      .where(eq(unitVersions.unitId, n.chapter.id));
    expect(chapterVersions.map((v) => [v.validFrom, v.validTo])).toEqual([
      ['2020-01-01', '2025-03-01'],
      ['2025-03-01', '2025-09-01'],
      ['2025-09-01', null],
    ]);
    expect(await readTree(t, admin.cookie, n.districtB.id, '2025-06-01')).toHaveLength(3);
    expect(await readTree(t, admin.cookie, n.districtB.id, '2025-09-01')).toHaveLength(2);
    expect(await misPathedOpenVersions(t.deps.db)).toBe(0);
  });

  it('keeps a moved unit visible to its own admin on dates before the move (grants read on that date)', async () => {
    const n = await buildNation(t.deps.db);
    const central = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const communeAdmin = await buildUser(t.deps.db, [{ unit: n.a1, role: 'admin' }]);
    ok(
      await call(t, 'POST', '/restructure/move', central.cookie, {
        effectiveDate: '2025-03-01',
        reason,
        unitId: n.a1.id,
        newParentId: n.districtB.id,
      }),
      201,
    );
    const then = ok(
      await call<Detail>(t, 'GET', `/units/${n.a1.id}?asOf=2025-02-28`, communeAdmin.cookie),
    );
    expect(then.unit.parentId).toBe(n.districtA.id);
    expect(then.unit.path).toBe(n.a1.path);
    expect(await readTree(t, communeAdmin.cookie, n.a1.id, '2025-02-28')).toEqual([
      { name: n.chapter.name, children: [] },
    ]);
    const roots = ok(
      await call<UnitList>(t, 'GET', '/units/roots?asOf=2025-02-28', communeAdmin.cookie),
    );
    expect(roots.items.map((u) => u.path)).toEqual([n.a1.path]);
    // Still nothing above the grant, on either date.
    for (const asOf of ['2025-02-28', '2025-03-01']) {
      const up = await call(t, 'GET', `/units/${n.districtA.id}?asOf=${asOf}`, communeAdmin.cookie);
      expect(up.status).toBe(404);
    }
  });

  describe('refuses bad input and changes nothing', () => {
    async function setup() {
      const n = await buildNation(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
      const move = (body: unknown) => call(t, 'POST', '/restructure/move', admin.cookie, body);
      const base = {
        effectiveDate: '2025-07-01',
        reason,
        unitId: n.districtA.id,
        newParentId: n.provinceB.id,
      };
      return { n, move, base };
    }

    it('into itself or its own subtree → 422 cycle', async () => {
      const { n, move, base } = await setup();
      for (const newParentId of [n.districtA.id, n.a1.id, n.chapter.id]) {
        await expectRejectedUnchanged(t, () => move({ ...base, newParentId }), 422, 'cycle');
      }
    });

    it('under its current parent → 409 invalid_state', async () => {
      const { n, move, base } = await setup();
      await expectRejectedUnchanged(
        t,
        () => move({ ...base, newParentId: n.provinceA.id }),
        409,
        'invalid_state',
      );
    });

    it('a date not after the last change of the unit or a descendant → 422 date_out_of_order', async () => {
      const { n, move, base } = await setup();
      await expectRejectedUnchanged(
        t,
        () => move({ ...base, effectiveDate: '2020-01-01' }),
        422,
        'date_out_of_order',
      );
      ok(
        await move({
          ...base,
          unitId: n.chapter.id,
          newParentId: n.a2.id,
          effectiveDate: '2025-08-01',
        }),
        201,
      );
      await expectRejectedUnchanged(t, () => move(base), 422, 'date_out_of_order');
    });

    it('a unit or parent that does not exist on the date → 404', async () => {
      const { move, base } = await setup();
      await expectRejectedUnchanged(
        t,
        () => move({ ...base, effectiveDate: '2019-05-01' }),
        404,
        'not_found',
      );
      await expectRejectedUnchanged(
        t,
        () => move({ ...base, newParentId: '00000000-0000-4000-8000-000000000003' }),
        404,
        'not_found',
      );
    });

    it('malformed JSON → 400 bad_json; wrong types → 400 validation_failed', async () => {
      const { move, base } = await setup();
      await expectRejectedUnchanged(t, () => move('not json'), 400, 'bad_json');
      await expectRejectedUnchanged(
        t,
        () => move({ ...base, unitId: 'abc' }),
        400,
        'validation_failed',
      );
      await expectRejectedUnchanged(
        t,
        () => move({ ...base, effectiveDate: 20250701 }),
        400,
        'validation_failed',
      );
    });
  });
});
