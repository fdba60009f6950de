import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.ts';
import { buildPerson, buildUser, uniqueSuffix } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { restructureEvents } from './org.table.ts';
import type { Detail, EventBody } from './org.test-helpers.ts';
import {
  buildNation,
  call,
  expectRejectedUnchanged,
  misPathedOpenVersions,
  ok,
  readTree,
} from './org.test-helpers.ts';

describe('POST /restructure/merge', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const reason = 'Hợp nhất tỉnh theo Nghị quyết 202/2025/QH15';
  const target = (name = 'Tỉnh đoàn Hợp Nhất') => ({
    code: `M-${uniqueSuffix()}`,
    name,
    shortName: 'TĐ HN',
    kind: 'province',
    wing: 'doan',
  });

  it('merges two provinces: the tree reads back as it was the day before and as merged from the date', async () => {
    const n = await buildNation(t.deps.db);
    const person = await buildPerson(t.deps.db, n.provinceB, { fullName: 'Võ Thị Sáu' });
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const before = await readTree(t, admin.cookie, n.central.id, '2025-06-30');

    const res = await call<EventBody>(t, 'POST', '/restructure/merge', admin.cookie, {
      effectiveDate: '2025-07-01',
      reason,
      sourceIds: [n.provinceA.id, n.provinceB.id],
      target: target(`Tỉnh đoàn Hợp Nhất ${n.suffix}`),
    });
    const { event } = ok(res, 201);
    const merged = event.units.find((u) => u.role === 'target')!;
    expect(event).toMatchObject({ kind: 'merge', effectiveDate: '2025-07-01', reason });
    expect(event.units.map((u) => [u.id, u.role])).toEqual([
      [n.provinceA.id, 'source'],
      [n.provinceB.id, 'source'],
      [merged.id, 'target'],
      [n.central.id, 'parent'],
    ]);

    // The day before: unchanged, exactly as read before the merge.
    expect(await readTree(t, admin.cookie, n.central.id, '2025-06-30')).toEqual(before);
    expect(before).toEqual([
      {
        name: n.provinceA.name,
        children: [
          {
            name: n.districtA.name,
            children: [
              { name: n.a1.name, children: [{ name: n.chapter.name, children: [] }] },
              { name: n.a2.name, children: [] },
            ],
          },
        ],
      },
      {
        name: n.provinceB.name,
        children: [
          {
            name: n.districtB.name,
            children: [
              { name: n.b1.name, children: [] },
              { name: n.b2.name, children: [] },
            ],
          },
        ],
      },
    ]);
    // From the date: one province holding both districts with everything below them.
    expect(await readTree(t, admin.cookie, n.central.id, '2025-07-01')).toEqual([
      { name: merged.name, children: [before[0]!.children[0]!, before[1]!.children[0]!] },
    ]);
    expect(await misPathedOpenVersions(t.deps.db)).toBe(0);

    // The sources no longer exist from the date; they read back closed before it.
    const gone = await call(t, 'GET', `/units/${n.provinceA.id}?asOf=2025-07-01`, admin.cookie);
    expect(gone.status).toBe(404);
    expect(gone.body.error?.message).toBe('Đơn vị không tồn tại vào ngày 01/07/2025');
    const old = ok(
      await call<Detail>(t, 'GET', `/units/${n.provinceA.id}?asOf=2025-06-30`, admin.cookie),
    );
    expect(old.unit.closedOn).toBe('2025-07-01');
    // The chapter's ancestors follow the new shape.
    const chapter = ok(
      await call<Detail>(t, 'GET', `/units/${n.chapter.id}?asOf=2025-07-01`, admin.cookie),
    );
    expect(chapter.unit.ancestors.map((a) => a.id)).toEqual([
      n.central.id,
      merged.id,
      n.districtA.id,
      n.a1.id,
    ]);
    expect(chapter.unit.path.startsWith(`${n.central.path}.`)).toBe(true);
    // People of the sources now belong to the new unit.
    const now = ok(await call<Detail>(t, 'GET', `/units/${merged.id}`, admin.cookie));
    expect(now.unit.peopleCount).toBe(1);
    expect(now.unit.subtreeUnitCount).toBe(7);
    expect(person.unitId).toBe(n.provinceB.id);

    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, event.id), eq(auditLog.action, 'unit.merge')));
    expect(audit).toMatchObject({
      actorId: admin.id,
      entity: 'restructure_event',
      unitId: merged.id,
    });
    const [stored] = await t.deps.db
      .select()
      .from(restructureEvents)
      .where(eq(restructureEvents.id, event.id));
    expect(stored!.createdBy).toBe(admin.id);
  });

  it('hangs the merged unit under the given parent', async () => {
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const { event } = ok(
      await call<EventBody>(t, 'POST', '/restructure/merge', admin.cookie, {
        effectiveDate: '2025-07-01',
        reason,
        sourceIds: [n.a1.id, n.b1.id],
        parentId: n.districtB.id,
        target: { ...target('Đoàn xã Liên Kết'), kind: 'grassroots' },
      }),
      201,
    );
    const merged = event.units.find((u) => u.role === 'target')!;
    const children = await readTree(t, admin.cookie, n.districtB.id, '2025-07-01');
    // Vietnamese order: "Đông" (Đ after D) comes before "Liên".
    expect(children.map((c) => c.name)).toEqual([n.b2.name, 'Đoàn xã Liên Kết']);
    expect(children[1]!.children).toEqual([{ name: n.chapter.name, children: [] }]);
    const districtA = await readTree(t, admin.cookie, n.districtA.id, '2025-07-01');
    expect(districtA.map((c) => c.name)).toEqual([n.a2.name]);
    expect(merged.name).toBe('Đoàn xã Liên Kết');
    expect(await misPathedOpenVersions(t.deps.db)).toBe(0);
  });

  describe('refuses bad input and changes nothing', () => {
    async function setup() {
      const n = await buildNation(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
      const merge = (body: unknown) => call(t, 'POST', '/restructure/merge', admin.cookie, body);
      const base = {
        effectiveDate: '2025-07-01',
        reason,
        sourceIds: [n.provinceA.id, n.provinceB.id],
        target: target(),
      };
      return { n, admin, merge, base };
    }

    it('an effective date not after the last change of a source or a descendant → 422 date_out_of_order', async () => {
      const { n, admin, merge, base } = await setup();
      await expectRejectedUnchanged(
        t,
        () => merge({ ...base, effectiveDate: '2020-01-01' }),
        422,
        'date_out_of_order',
      );
      ok(
        await call(t, 'POST', '/restructure/rename', admin.cookie, {
          effectiveDate: '2025-08-01',
          reason: 'Đổi tên',
          unitId: n.chapter.id,
          name: 'Chi đoàn Ấp Một Mới',
          shortName: 'CĐ Ấp 1',
        }),
        201,
      );
      const res = await expectRejectedUnchanged(t, () => merge(base), 422, 'date_out_of_order');
      expect(res.body.error?.message).toContain('01/08/2025');
      ok(
        await call(t, 'POST', '/restructure/merge', admin.cookie, {
          ...base,
          effectiveDate: '2025-08-02',
        }),
        201,
      );
    });

    it('a source that does not exist on the date, or at all → 404', async () => {
      const { merge, base } = await setup();
      const res = await expectRejectedUnchanged(
        t,
        () => merge({ ...base, effectiveDate: '2019-12-31' }),
        404,
        'not_found',
      );
      expect(res.body.error?.message).toBe('Đơn vị không tồn tại vào ngày 31/12/2019');
      const unknown = '00000000-0000-4000-8000-000000000001';
      await expectRejectedUnchanged(
        t,
        () => merge({ ...base, sourceIds: [base.sourceIds[0], unknown] }),
        404,
        'not_found',
      );
      await expectRejectedUnchanged(
        t,
        () => merge({ ...base, parentId: unknown }),
        404,
        'not_found',
      );
    });

    it('a target code already used (even by a closed unit) → 409 conflict', async () => {
      const { n, merge, base } = await setup();
      await expectRejectedUnchanged(
        t,
        () => merge({ ...base, target: { ...base.target, code: n.b2.code } }),
        409,
        'conflict',
      );
    });

    it('fewer than two distinct sources, or one inside another → 400 validation_failed', async () => {
      const { n, merge, base } = await setup();
      for (const sourceIds of [
        [n.provinceA.id],
        [n.provinceA.id, n.provinceA.id],
        [n.provinceA.id, n.districtA.id],
      ]) {
        await expectRejectedUnchanged(
          t,
          () => merge({ ...base, sourceIds }),
          400,
          'validation_failed',
        );
      }
    });

    it('sources under different parents without parentId → 400; a parent inside a source → 422 cycle', async () => {
      const { n, merge, base } = await setup();
      await expectRejectedUnchanged(
        t,
        () => merge({ ...base, sourceIds: [n.a1.id, n.b1.id] }),
        400,
        'validation_failed',
      );
      await expectRejectedUnchanged(
        t,
        () => merge({ ...base, sourceIds: [n.a1.id, n.b1.id], parentId: n.chapter.id }),
        422,
        'cycle',
      );
    });

    it('malformed JSON → 400 bad_json; wrong types or missing fields → 400 validation_failed', async () => {
      const { merge, base } = await setup();
      await expectRejectedUnchanged(
        t,
        () => merge('{"effectiveDate": "2025-07-01",'),
        400,
        'bad_json',
      );
      for (const body of [
        { ...base, effectiveDate: '2025-13-01' },
        { ...base, sourceIds: 'abc' },
        { ...base, sourceIds: [1, 2] },
        { ...base, reason: '' },
        { ...base, target: { ...base.target, kind: 'planet' } },
        { ...base, unexpected: true },
        { sourceIds: base.sourceIds },
      ]) {
        await expectRejectedUnchanged(t, () => merge(body), 400, 'validation_failed');
      }
    });
  });
});
