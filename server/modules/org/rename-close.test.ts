import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.ts';
import { buildPerson, buildUnit, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { Detail, EventBody, Search } from './org.test-helpers.ts';
import {
  buildNation,
  call,
  expectRejectedUnchanged,
  misPathedOpenVersions,
  ok,
  readTree,
} from './org.test-helpers.ts';

describe('POST /restructure/rename and /restructure/close', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const reason = 'Quyết định của Ban Thường vụ';

  describe('rename', () => {
    it('changes the name from the effective date; earlier dates keep the old name', async () => {
      const n = await buildNation(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
      const newName = `Đoàn phường Thịnh Vượng ${n.suffix}`;
      const { event } = ok(
        await call<EventBody>(t, 'POST', '/restructure/rename', admin.cookie, {
          effectiveDate: '2025-05-01',
          reason,
          unitId: n.a1.id,
          name: newName,
          shortName: 'P. Thịnh Vượng',
        }),
        201,
      );
      expect(event.units).toEqual([
        { id: n.a1.id, code: n.a1.code, name: newName, role: 'target' },
      ]);
      const before = ok(
        await call<Detail>(t, 'GET', `/units/${n.a1.id}?asOf=2025-04-30`, admin.cookie),
      );
      const after = ok(
        await call<Detail>(t, 'GET', `/units/${n.a1.id}?asOf=2025-05-01`, admin.cookie),
      );
      expect([before.unit.name, after.unit.name]).toEqual([n.a1.name, newName]);
      expect(after.unit).toMatchObject({
        shortName: 'P. Thịnh Vượng',
        path: n.a1.path,
        childCount: 1,
      });
      // Search follows the name on the date asked for.
      const q = `/units/search?q=${encodeURIComponent(`thinh vuong ${n.suffix}`)}`;
      expect(ok(await call<Search>(t, 'GET', q, admin.cookie)).items.map((u) => u.id)).toEqual([
        n.a1.id,
      ]);
      expect(ok(await call<Search>(t, 'GET', `${q}&asOf=2025-04-30`, admin.cookie)).items).toEqual(
        [],
      );
      // The chapter's ancestors show the name of the day.
      const chapter = ok(
        await call<Detail>(t, 'GET', `/units/${n.chapter.id}?asOf=2025-04-30`, admin.cookie),
      );
      expect(chapter.unit.ancestors.at(-1)!.name).toBe(n.a1.name);
      const [audit] = await t.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, event.id));
      expect(audit).toMatchObject({
        action: 'unit.rename',
        actorId: admin.id,
        before: { name: n.a1.name },
        after: { name: newName },
      });
    });

    it('refuses the same name (409), a date not after the last change (422), a missing unit (404), bad input (400)', async () => {
      const n = await buildNation(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
      const rename = (body: unknown) => call(t, 'POST', '/restructure/rename', admin.cookie, body);
      const base = {
        effectiveDate: '2025-05-01',
        reason,
        unitId: n.a1.id,
        name: 'Đoàn xã Mới',
        shortName: 'Xã Mới',
      };
      await expectRejectedUnchanged(
        t,
        () => rename({ ...base, name: n.a1.name, shortName: n.a1.name }),
        409,
        'invalid_state',
      );
      await expectRejectedUnchanged(
        t,
        () => rename({ ...base, effectiveDate: '2020-01-01' }),
        422,
        'date_out_of_order',
      );
      await expectRejectedUnchanged(
        t,
        () => rename({ ...base, effectiveDate: '2019-01-01' }),
        404,
        'not_found',
      );
      await expectRejectedUnchanged(
        t,
        () => rename({ ...base, name: '   ' }),
        400,
        'validation_failed',
      );
      await expectRejectedUnchanged(
        t,
        () => rename({ ...base, name: 'x'.repeat(201) }),
        400,
        'validation_failed',
      );
      await expectRejectedUnchanged(t, () => rename('{'), 400, 'bad_json');
      ok(await rename(base), 201);
      // The same date again is not after the last change.
      await expectRejectedUnchanged(
        t,
        () => rename({ ...base, name: 'Đoàn xã Khác' }),
        422,
        'date_out_of_order',
      );
    });
  });

  describe('close', () => {
    it('dissolves a district into its province: its grassroots units move up from the date', async () => {
      const n = await buildNation(t.deps.db);
      await buildPerson(t.deps.db, n.districtA, { fullName: 'Hồ Văn Nam' });
      const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
      const before = await readTree(t, admin.cookie, n.provinceA.id, '2025-06-30');

      const { event } = ok(
        await call<EventBody>(t, 'POST', '/restructure/close', admin.cookie, {
          effectiveDate: '2025-07-01',
          reason: 'Kết thúc hoạt động cấp huyện',
          unitId: n.districtA.id,
          successorId: n.provinceA.id,
        }),
        201,
      );
      expect(event.units.map((u) => [u.id, u.role])).toEqual([
        [n.districtA.id, 'source'],
        [n.provinceA.id, 'target'],
      ]);
      expect(await readTree(t, admin.cookie, n.provinceA.id, '2025-06-30')).toEqual(before);
      expect(before).toEqual([{ name: n.districtA.name, children: expect.any(Array) as unknown }]);
      expect(await readTree(t, admin.cookie, n.provinceA.id, '2025-07-01')).toEqual(
        before[0]!.children,
      );
      expect(await misPathedOpenVersions(t.deps.db)).toBe(0);
      const province = ok(await call<Detail>(t, 'GET', `/units/${n.provinceA.id}`, admin.cookie));
      expect(province.unit).toMatchObject({ childCount: 2, subtreeUnitCount: 3, peopleCount: 1 });
      const gone = await call(t, 'GET', `/units/${n.districtA.id}`, admin.cookie);
      expect(gone.body.error).toEqual({
        code: 'not_found',
        message: 'Đơn vị không tồn tại vào ngày 22/11/2026',
      });
      // Acting on the closed unit after its end is acting on a unit that does not exist.
      await expectRejectedUnchanged(
        t,
        () =>
          call(t, 'POST', '/restructure/rename', admin.cookie, {
            effectiveDate: '2025-08-01',
            reason,
            unitId: n.districtA.id,
            name: 'Không còn',
            shortName: 'Không còn',
          }),
        404,
        'not_found',
      );
    });

    it('closes an empty unit without a successor', async () => {
      const n = await buildNation(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
      ok(
        await call(t, 'POST', '/restructure/close', admin.cookie, {
          effectiveDate: '2025-07-01',
          reason,
          unitId: n.chapter.id,
        }),
        201,
      );
      expect(await readTree(t, admin.cookie, n.a1.id, '2025-07-01')).toEqual([]);
      expect(await readTree(t, admin.cookie, n.a1.id, '2025-06-30')).toHaveLength(1);
    });

    it('refuses to close a unit with children or people but no successor (409), or into itself (422)', async () => {
      const n = await buildNation(t.deps.db);
      const lonely = await buildUnit(t.deps.db, {
        parent: n.a2,
        name: 'Chi đoàn Có Người',
        kind: 'chapter',
      });
      await buildPerson(t.deps.db, lonely, { fullName: 'Lý Thị Mai' });
      const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
      const close = (body: unknown) => call(t, 'POST', '/restructure/close', admin.cookie, body);
      const base = { effectiveDate: '2025-07-01', reason };
      await expectRejectedUnchanged(
        t,
        () => close({ ...base, unitId: n.districtA.id }),
        409,
        'invalid_state',
      );
      await expectRejectedUnchanged(
        t,
        () => close({ ...base, unitId: lonely.id }),
        409,
        'invalid_state',
      );
      for (const successorId of [n.districtA.id, n.chapter.id]) {
        await expectRejectedUnchanged(
          t,
          () => close({ ...base, unitId: n.districtA.id, successorId }),
          422,
          'cycle',
        );
      }
      await expectRejectedUnchanged(
        t,
        () =>
          close({
            ...base,
            unitId: n.districtA.id,
            successorId: n.provinceA.id,
            effectiveDate: '2020-01-01',
          }),
        422,
        'date_out_of_order',
      );
      await expectRejectedUnchanged(
        t,
        () =>
          close({
            ...base,
            unitId: n.districtA.id,
            successorId: '00000000-0000-4000-8000-000000000004',
          }),
        404,
        'not_found',
      );
      await expectRejectedUnchanged(
        t,
        () => close({ ...base, unitId: [n.districtA.id] }),
        400,
        'validation_failed',
      );
      await expectRejectedUnchanged(t, () => close('{"unitId"'), 400, 'bad_json');
    });
  });
});
