import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitGroupMembers, unitGroups } from './org.table.ts';
import {
  buildPerson,
  buildSubtree,
  buildUnit,
  buildUser,
  uniqueSuffix,
} from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { Detail, Search, UnitList } from './org.test-helpers.ts';
import { buildNation, call, ok } from './org.test-helpers.ts';

describe('org tree reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the top units of the actor subtrees, without nested duplicates', async () => {
    const tree = await buildSubtree(t.deps.db);
    const other = await buildSubtree(t.deps.db, 'Tỉnh đoàn Khác');
    const user = await buildUser(t.deps.db, [
      { unit: tree.root, role: 'viewer' },
      { unit: tree.a, role: 'admin' },
      { unit: other.b, role: 'editor' },
    ]);
    const { items } = ok(await call<UnitList>(t, 'GET', '/units/roots', user.cookie));
    expect(items.map((u) => u.id).sort()).toEqual([tree.root.id, other.b.id].sort());
    const root = items.find((u) => u.id === tree.root.id)!;
    expect(root).toEqual({
      id: tree.root.id,
      code: tree.root.code,
      name: tree.root.name,
      shortName: tree.root.name,
      kind: 'province',
      wing: 'doan',
      parentId: null,
      path: tree.root.path,
      childCount: 2,
      closedOn: null,
    });
    // Before the units existed there is nothing to show.
    const past = ok(await call<UnitList>(t, 'GET', '/units/roots?asOf=2019-12-31', user.cookie));
    expect(past.items).toEqual([]);
  });

  it('lists children on a date, sorted by the Vietnamese collation, with child counts', async () => {
    const root = await buildUnit(t.deps.db, { name: 'Tỉnh đoàn Sắp Xếp', kind: 'province' });
    for (const name of [
      'Đoàn xã Đông',
      'Đoàn xã Ân',
      'Đoàn xã An',
      'Đoàn xã Ba',
      'Đoàn xã Dương',
    ]) {
      await buildUnit(t.deps.db, { parent: root, name });
    }
    const late = await buildUnit(t.deps.db, {
      parent: root,
      name: 'Đoàn xã Ấp Mới',
      validFrom: '2024-05-01',
    });
    await buildUnit(t.deps.db, {
      parent: late,
      name: 'Chi đoàn 1',
      kind: 'chapter',
      validFrom: '2024-05-01',
    });
    const user = await buildUser(t.deps.db, [{ unit: root, role: 'viewer' }]);

    const now = ok(await call<UnitList>(t, 'GET', `/units/${root.id}/children`, user.cookie));
    expect(now.items.map((u) => u.name)).toEqual([
      'Đoàn xã An',
      'Đoàn xã Ân',
      'Đoàn xã Ấp Mới',
      'Đoàn xã Ba',
      'Đoàn xã Dương',
      'Đoàn xã Đông',
    ]);
    expect(now.items.find((u) => u.id === late.id)!.childCount).toBe(1);
    const before = ok(
      await call<UnitList>(t, 'GET', `/units/${root.id}/children?asOf=2024-04-30`, user.cookie),
    );
    expect(before.items.map((u) => u.name)).not.toContain('Đoàn xã Ấp Mới');
    expect(before.items).toHaveLength(5);
  });

  it('shows a unit detail with ancestors, groups, counts and abilities', async () => {
    const nation = await buildNation(t.deps.db);
    await buildPerson(t.deps.db, nation.a1, { fullName: 'Trần Thị Bình' });
    await buildPerson(t.deps.db, nation.a1, { fullName: 'Lê Văn Cường' });
    const [group] = await t.deps.db
      .insert(unitGroups)
      .values({ code: `G-${uniqueSuffix()}`, name: 'Khối trường học', kind: 'school' })
      .returning();
    await t.deps.db.insert(unitGroupMembers).values({ groupId: group!.id, unitId: nation.a1.id });
    const editor = await buildUser(t.deps.db, [{ unit: nation.districtA, role: 'editor' }]);

    const detail = ok(await call<Detail>(t, 'GET', `/units/${nation.a1.id}`, editor.cookie));
    expect(detail.unit).toMatchObject({
      id: nation.a1.id,
      name: nation.a1.name,
      kind: 'grassroots',
      parentId: nation.districtA.id,
      childCount: 1,
      subtreeUnitCount: 1,
      peopleCount: 2,
      establishedOn: '2020-01-01',
      address: null,
      groups: [{ id: group!.id, code: group!.code, name: 'Khối trường học', kind: 'school' }],
    });
    expect(detail.unit.ancestors.map((a) => a.id)).toEqual([
      nation.central.id,
      nation.provinceA.id,
      nation.districtA.id,
    ]);
    expect(detail.abilities).toEqual({ update: true, restructure: false, managePeople: true });

    const top = ok(await call<Detail>(t, 'GET', `/units/${nation.districtA.id}`, editor.cookie));
    expect(top.unit.subtreeUnitCount).toBe(3);
  });

  it('answers 404 with the date for a unit that did not exist on asOf', async () => {
    const tree = await buildSubtree(t.deps.db);
    const user = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    const res = await call(t, 'GET', `/units/${tree.a.id}?asOf=2019-06-01`, user.cookie);
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({
      code: 'not_found',
      message: 'Đơn vị không tồn tại vào ngày 01/06/2019',
    });
  });

  it('searches without diacritics, within the actor scope, with ancestors', async () => {
    const mine = await buildSubtree(t.deps.db, 'Tỉnh đoàn Tìm Kiếm');
    const hit = await buildUnit(t.deps.db, {
      parent: mine.a,
      name: 'Chi đoàn Trường Nguyễn Huệ',
      kind: 'chapter',
    });
    const other = await buildSubtree(t.deps.db, 'Tỉnh đoàn Ngoài');
    await buildUnit(t.deps.db, {
      parent: other.a,
      name: 'Chi đoàn Trường Nguyễn Huệ',
      kind: 'chapter',
    });
    const user = await buildUser(t.deps.db, [{ unit: mine.root, role: 'viewer' }]);

    const res = ok(
      await call<Search>(t, 'GET', '/units/search?q=truong%20nguyen%20hue', user.cookie),
    );
    expect(res.items.map((u) => u.id)).toEqual([hit.id]);
    expect(res.items[0]!.ancestors).toEqual([
      { id: mine.root.id, name: mine.root.name },
      { id: mine.a.id, name: mine.a.name },
    ]);
    // The code is searchable too, and LIKE wildcards match literally.
    const byCode = ok(
      await call<Search>(t, 'GET', `/units/search?q=${hit.code.toLowerCase()}`, user.cookie),
    );
    expect(byCode.items.map((u) => u.id)).toEqual([hit.id]);
    const wildcard = ok(await call<Search>(t, 'GET', '/units/search?q=%25', user.cookie));
    expect(wildcard.items).toEqual([]);
    // Before the chapter existed it is not found.
    const past = ok(
      await call<Search>(t, 'GET', '/units/search?q=nguyen%20hue&asOf=2019-01-01', user.cookie),
    );
    expect(past.items).toEqual([]);
  });

  it('caps search results at the limit and rejects a limit above 50', async () => {
    const root = await buildUnit(t.deps.db, { name: 'Tỉnh đoàn Giới Hạn', kind: 'province' });
    for (let i = 0; i < 4; i++)
      await buildUnit(t.deps.db, { parent: root, name: `Đoàn xã Giới Hạn ${i}` });
    const user = await buildUser(t.deps.db, [{ unit: root, role: 'viewer' }]);
    const res = ok(await call<Search>(t, 'GET', '/units/search?q=gioi%20han&limit=3', user.cookie));
    expect(res.items).toHaveLength(3);
    const tooMany = await call(t, 'GET', '/units/search?q=gioi&limit=51', user.cookie);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.code).toBe('validation_failed');
  });

  it('rejects malformed ids and dates with validation_failed, unknown ids with 404', async () => {
    const tree = await buildSubtree(t.deps.db);
    const user = await buildUser(t.deps.db, [{ unit: tree.root, role: 'admin' }]);
    for (const url of [
      '/units/not-a-uuid',
      `/units/${tree.a.id}?asOf=2025-02-30`,
      `/units/${tree.a.id}/children?asOf=01/07/2025`,
      '/units/search?q=',
      '/units/roots?asOf=yesterday',
    ]) {
      const res = await call(t, 'GET', url, user.cookie);
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
        url,
        status: 400,
        code: 'validation_failed',
      });
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const url of [
      `/units/${unknown}`,
      `/units/${unknown}/children`,
      `/units/${unknown}/history`,
    ]) {
      const res = await call(t, 'GET', url, user.cookie);
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
        url,
        status: 404,
        code: 'not_found',
      });
    }
  });

  describe('authorisation of reads', () => {
    it('hides units outside the actor subtrees (404) and the whole API without a session (401)', async () => {
      const tree = await buildSubtree(t.deps.db);
      const elsewhere = await buildSubtree(t.deps.db, 'Tỉnh đoàn Nơi Khác');
      const outsider = await buildUser(t.deps.db, [{ unit: elsewhere.root, role: 'admin' }]);
      const urls = [
        `/units/${tree.a.id}`,
        `/units/${tree.a.id}/children`,
        `/units/${tree.a.id}/history`,
        `/restructure/events?unitId=${tree.a.id}`,
      ];
      for (const url of urls) {
        const res = await call(t, 'GET', url, outsider.cookie);
        expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
          url,
          status: 404,
          code: 'not_found',
        });
        // Same answer as for an id that does not exist at all: nothing leaks.
        expect(res.body.error?.message).toBe('Không tìm thấy.');
      }
      const search = ok(
        await call<Search>(t, 'GET', `/units/search?q=${tree.a.code}`, outsider.cookie),
      );
      expect(search.items).toEqual([]);
      const roots = ok(await call<UnitList>(t, 'GET', '/units/roots', outsider.cookie));
      expect(roots.items.map((u) => u.id)).toEqual([elsewhere.root.id]);

      for (const url of [
        ...urls,
        '/units/roots',
        '/units/search?q=abc',
        '/restructure/events',
        '/unit-groups',
      ]) {
        const res = await call(t, 'GET', url, null);
        expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
          url,
          status: 401,
          code: 'unauthenticated',
        });
      }
    });

    it('lets a viewer read but reports no write abilities', async () => {
      const tree = await buildSubtree(t.deps.db);
      const viewer = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
      const detail = ok(await call<Detail>(t, 'GET', `/units/${tree.chapter.id}`, viewer.cookie));
      expect(detail.abilities).toEqual({ update: false, restructure: false, managePeople: false });
      const admin = await buildUser(t.deps.db, [{ unit: tree.a, role: 'admin' }]);
      const mine = ok(await call<Detail>(t, 'GET', `/units/${tree.chapter.id}`, admin.cookie));
      expect(mine.abilities).toEqual({ update: true, restructure: true, managePeople: true });
      // The admin of a grassroots unit cannot see its parent.
      const up = await call(t, 'GET', `/units/${tree.root.id}`, admin.cookie);
      expect(up.status).toBe(404);
    });
  });
});
