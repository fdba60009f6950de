import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUser, uniqueSuffix } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { unitGroups } from './org.table.ts';
import { buildNation, call, expectRejectedUnchanged, snapshot } from './org.test-helpers.ts';

/**
 * Every write endpoint, three ways: no session (401), a user whose grants lie in another subtree
 * (404, as if the units did not exist) and a viewer of the subtree (403). Each leaves the
 * database unchanged. The same request then succeeds for an admin, which proves the refusals
 * came from authorisation and not from the input.
 */
describe('org write authorisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  type Nation = Awaited<ReturnType<typeof buildNation>>;
  type Case = {
    name: string;
    method: 'POST' | 'PATCH';
    url: (n: Nation, groupId: string) => string;
    body: (n: Nation) => unknown;
    success: number;
  };
  const date = '2025-07-01';
  const reason = 'Thực hiện Nghị quyết sắp xếp tổ chức';
  const code = () => `N-${uniqueSuffix()}`;
  const cases: Case[] = [
    {
      name: 'POST /units',
      method: 'POST',
      url: () => '/units',
      body: (n) => ({
        parentId: n.a1.id,
        code: code(),
        name: 'Chi đoàn Mới',
        shortName: 'CĐ Mới',
        kind: 'chapter',
        wing: 'doan',
        effectiveDate: date,
      }),
      success: 201,
    },
    {
      name: 'PATCH /units/:id',
      method: 'PATCH',
      url: (n) => `/units/${n.a1.id}`,
      body: () => ({ phone: '0912 345 678' }),
      success: 200,
    },
    {
      name: 'POST /restructure/merge',
      method: 'POST',
      url: () => '/restructure/merge',
      body: (n) => ({
        effectiveDate: date,
        reason,
        sourceIds: [n.a1.id, n.a2.id],
        target: {
          code: code(),
          name: 'Đoàn xã Hợp Nhất',
          shortName: 'Xã HN',
          kind: 'grassroots',
          wing: 'doan',
        },
      }),
      success: 201,
    },
    {
      name: 'POST /restructure/split',
      method: 'POST',
      url: () => '/restructure/split',
      body: (n) => ({
        effectiveDate: date,
        reason,
        sourceId: n.a1.id,
        targets: [
          {
            code: code(),
            name: 'Đoàn xã Tách Một',
            shortName: 'Tách 1',
            kind: 'grassroots',
            childIds: [n.chapter.id],
          },
          {
            code: code(),
            name: 'Đoàn xã Tách Hai',
            shortName: 'Tách 2',
            kind: 'grassroots',
            childIds: [],
          },
        ],
      }),
      success: 201,
    },
    {
      name: 'POST /restructure/move',
      method: 'POST',
      url: () => '/restructure/move',
      body: (n) => ({ effectiveDate: date, reason, unitId: n.chapter.id, newParentId: n.a2.id }),
      success: 201,
    },
    {
      name: 'POST /restructure/rename',
      method: 'POST',
      url: () => '/restructure/rename',
      body: (n) => ({
        effectiveDate: date,
        reason,
        unitId: n.a1.id,
        name: 'Đoàn phường An',
        shortName: 'P. An',
      }),
      success: 201,
    },
    {
      name: 'POST /restructure/close',
      method: 'POST',
      url: () => '/restructure/close',
      body: (n) => ({ effectiveDate: date, reason, unitId: n.a1.id, successorId: n.a2.id }),
      success: 201,
    },
    {
      name: 'POST /unit-groups/:id/members',
      method: 'POST',
      url: (_n, groupId) => `/unit-groups/${groupId}/members`,
      body: (n) => ({ unitId: n.a1.id }),
      success: 204,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: 401 without a session, 404 for an outsider, 403 for a viewer, then 2xx for an admin`, async () => {
      const n = await buildNation(t.deps.db);
      await buildPerson(t.deps.db, n.a1, { fullName: 'Phạm Thị Hoa' });
      const [group] = await t.deps.db
        .insert(unitGroups)
        .values({ code: `G-${uniqueSuffix()}`, name: 'Khối cơ quan', kind: 'agency' })
        .returning();
      const outsider = await buildUser(t.deps.db, [{ unit: n.provinceB, role: 'admin' }]);
      const viewer = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'viewer' }]);
      const admin = await buildUser(t.deps.db, [{ unit: n.districtA, role: 'admin' }]);
      const url = c.url(n, group!.id);
      const body = c.body(n);

      await expectRejectedUnchanged(
        t,
        () => call(t, c.method, url, null, body),
        401,
        'unauthenticated',
      );
      const hidden = await expectRejectedUnchanged(
        t,
        () => call(t, c.method, url, outsider.cookie, body),
        404,
        'not_found',
      );
      expect(hidden.body.error?.message).toBe('Không tìm thấy.');
      await expectRejectedUnchanged(
        t,
        () => call(t, c.method, url, viewer.cookie, body),
        403,
        'forbidden',
      );

      const before = await snapshot(t.deps.db);
      const res = await call(t, c.method, url, admin.cookie, body);
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(c.success);
      const after = await snapshot(t.deps.db);
      expect(after.audit).toBe(before.audit + 1);
    });
  }

  it('POST /restructure/*: admin on the units but not on the new parent is refused', async () => {
    const n = await buildNation(t.deps.db);
    const adminA = await buildUser(t.deps.db, [
      { unit: n.districtA, role: 'admin' },
      { unit: n.districtB, role: 'viewer' },
    ]);
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'POST', '/restructure/move', adminA.cookie, {
          effectiveDate: date,
          reason,
          unitId: n.a1.id,
          newParentId: n.districtB.id,
        }),
      403,
      'forbidden',
    );
    // Merging two districts creates a unit under their province: admin on the province needed.
    const both = await buildUser(t.deps.db, [
      { unit: n.districtA, role: 'admin' },
      { unit: n.districtB, role: 'admin' },
    ]);
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'POST', '/restructure/merge', both.cookie, {
          effectiveDate: date,
          reason,
          sourceIds: [n.districtA.id, n.districtB.id],
          parentId: n.provinceA.id,
          target: {
            code: code(),
            name: 'Huyện đoàn Chung',
            shortName: 'HĐ Chung',
            kind: 'district',
            wing: 'doan',
          },
        }),
      404,
      'not_found',
    );
  });

  it('POST /unit-groups: 401 without a session, 403 without an admin grant, 201 for an admin', async () => {
    const n = await buildNation(t.deps.db);
    const body = { code: `G-${uniqueSuffix()}`, name: 'Khối doanh nghiệp', kind: 'enterprise' };
    const viewer = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'viewer' }]);
    const editor = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'editor' }]);
    const nobody = await buildUser(t.deps.db, []);
    await expectRejectedUnchanged(
      t,
      () => call(t, 'POST', '/unit-groups', null, body),
      401,
      'unauthenticated',
    );
    for (const user of [viewer, editor, nobody]) {
      await expectRejectedUnchanged(
        t,
        () => call(t, 'POST', '/unit-groups', user.cookie, body),
        403,
        'forbidden',
      );
    }
    const admin = await buildUser(t.deps.db, [{ unit: n.a2, role: 'admin' }]);
    const res = await call(t, 'POST', '/unit-groups', admin.cookie, body);
    expect(res.status).toBe(201);
  });
});
