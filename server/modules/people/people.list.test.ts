import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubtree, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { Person, PersonListResponse, PersonResponse } from './people.contracts.ts';
import { addPerson, searchTag } from './people.test-support.ts';

/** Today is pinned to 2026-11-22: born after 2008-11-22 means a minor. */
describe('people: list, search and read', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2026-11-22' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function list(cookie: string | undefined, query: Record<string, string | number>) {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    return t.app.inject({
      method: 'GET',
      url: `/api/people?${params.toString()}`,
      headers: cookie ? { cookie } : {},
    });
  }
  const names = (res: { json<T>(): T }) =>
    res.json<PersonListResponse>().items.map((p) => p.fullName);

  it('finds people whatever the diacritics and case of the query', async () => {
    const tree = await buildSubtree(t.deps.db);
    const user = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    await addPerson(t.deps.db, tree.a, { fullName: 'Nguyễn Văn A' });
    await addPerson(t.deps.db, tree.chapter, { fullName: 'Đặng Thị Ánh' });
    await addPerson(t.deps.db, tree.b, { fullName: 'Trần Văn Bình' });

    for (const q of ['nguyen van a', 'NGUYỄN VĂN A', 'nguyễn  văn a', 'Văn A']) {
      const res = await list(user.cookie, { unitId: tree.root.id, q });
      expect(res.statusCode).toBe(200);
      expect(names(res)).toEqual(['Nguyễn Văn A']);
    }
    expect(names(await list(user.cookie, { unitId: tree.root.id, q: 'dang thi anh' }))).toEqual([
      'Đặng Thị Ánh',
    ]);
    expect(names(await list(user.cookie, { unitId: tree.root.id, q: 'van' }))).toEqual([
      'Nguyễn Văn A',
      'Trần Văn Bình',
    ]);
    // LIKE wildcards typed by the user match literally.
    expect(names(await list(user.cookie, { unitId: tree.root.id, q: '%' }))).toEqual([]);
    expect(names(await list(user.cookie, { unitId: tree.root.id, q: 'v_n' }))).toEqual([]);
  });

  it('matches phone prefixes when the query is digits', async () => {
    const tree = await buildSubtree(t.deps.db);
    const user = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    const suffix = String(Date.now()).slice(-6);
    await addPerson(t.deps.db, tree.a, { fullName: 'Lê Thị Hoa', phone: `0981${suffix}` });
    await addPerson(t.deps.db, tree.a, { fullName: 'Lê Văn Hùng', phone: `0371${suffix}` });
    expect(
      names(await list(user.cookie, { unitId: tree.root.id, q: `0981${suffix.slice(0, 2)}` })),
    ).toEqual(['Lê Thị Hoa']);
    expect(
      names(await list(user.cookie, { unitId: tree.root.id, q: `0981 ${suffix.slice(0, 2)}` })),
    ).toEqual(['Lê Thị Hoa']);
    expect(names(await list(user.cookie, { unitId: tree.root.id, q: '0' }))).toEqual([
      'Lê Thị Hoa',
      'Lê Văn Hùng',
    ]);
  });

  it('pages in name order and tells whether more pages follow', async () => {
    const tree = await buildSubtree(t.deps.db);
    const user = await buildUser(t.deps.db, [{ unit: tree.a, role: 'viewer' }]);
    for (const name of ['Võ Văn E', 'Bùi Thị B', 'Đỗ Văn D', 'Âu Văn A', 'Cao Thị C']) {
      await addPerson(t.deps.db, tree.chapter, { fullName: name });
    }
    const page1 = await list(user.cookie, { pageSize: 2 });
    expect(page1.json()).toMatchObject({ page: 1, pageSize: 2, hasMore: true });
    expect(names(page1)).toEqual(['Âu Văn A', 'Bùi Thị B']);
    const page2 = await list(user.cookie, { pageSize: 2, page: 2 });
    expect(names(page2)).toEqual(['Cao Thị C', 'Đỗ Văn D']);
    expect(page2.json<PersonListResponse>().hasMore).toBe(true);
    const page3 = await list(user.cookie, { pageSize: 2, page: 3 });
    expect(names(page3)).toEqual(['Võ Văn E']);
    expect(page3.json<PersonListResponse>().hasMore).toBe(false);
    const exact = await list(user.cookie, { pageSize: 5 });
    expect(exact.json<PersonListResponse>().hasMore).toBe(false);
    // Default page size.
    expect((await list(user.cookie, {})).json()).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('includes descendants of unitId and filters by category', async () => {
    const tree = await buildSubtree(t.deps.db);
    const user = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    await addPerson(t.deps.db, tree.a, { fullName: 'Phan Văn Cơ Sở', category: 'cadre' });
    await addPerson(t.deps.db, tree.chapter, { fullName: 'Phan Thị Chi Đoàn' });
    await addPerson(t.deps.db, tree.b, { fullName: 'Phan Văn Phường' });
    expect(names(await list(user.cookie, { unitId: tree.a.id }))).toEqual([
      'Phan Thị Chi Đoàn',
      'Phan Văn Cơ Sở',
    ]);
    expect(names(await list(user.cookie, { unitId: tree.chapter.id }))).toEqual([
      'Phan Thị Chi Đoàn',
    ]);
    expect(names(await list(user.cookie, { unitId: tree.a.id, category: 'cadre' }))).toEqual([
      'Phan Văn Cơ Sở',
    ]);
    const item = (await list(user.cookie, { unitId: tree.chapter.id })).json<PersonListResponse>();
    expect(item.items[0]).toMatchObject({
      unitId: tree.chapter.id,
      unitName: tree.chapter.name,
      category: 'member',
    });
  });

  it('never shows a person of another subtree: absent from lists, 404 by id and by unitId', async () => {
    const mine = await buildSubtree(t.deps.db);
    const other = await buildSubtree(t.deps.db, 'Tỉnh đoàn Khác');
    const user = await buildUser(t.deps.db, [{ unit: mine.root, role: 'admin' }]);
    const tag = searchTag();
    await addPerson(t.deps.db, mine.a, { fullName: `Người Của Tôi ${tag}` });
    const stranger = await addPerson(t.deps.db, other.a, { fullName: `Người Nơi Khác ${tag}` });

    expect(names(await list(user.cookie, { q: tag }))).toEqual([`Người Của Tôi ${tag}`]);
    const byUnit = await list(user.cookie, { unitId: other.root.id });
    expect(byUnit.statusCode).toBe(404);
    expect(byUnit.json()).toMatchObject({ error: { code: 'not_found' } });
    const unknownUnit = await list(user.cookie, { unitId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownUnit.statusCode).toBe(404);
    const byId = await t.app.inject({
      method: 'GET',
      url: `/api/people/${stranger.id}`,
      headers: { cookie: user.cookie },
    });
    expect(byId.statusCode).toBe(404);
    expect(byId.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('reads one person with abilities', async () => {
    const tree = await buildSubtree(t.deps.db);
    const viewer = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    const editor = await buildUser(t.deps.db, [{ unit: tree.a, role: 'editor' }]);
    const person = await addPerson(t.deps.db, tree.chapter, {
      fullName: 'Hồ Thị Mai',
      gender: 'female',
      birthDate: '1999-03-08',
      joinDate: '2015-03-26',
      email: 'mai@example.com',
    });
    const asViewer = await t.app.inject({
      method: 'GET',
      url: `/api/people/${person.id}`,
      headers: { cookie: viewer.cookie },
    });
    expect(asViewer.statusCode).toBe(200);
    expect(asViewer.json()).toEqual({
      person: {
        id: person.id,
        unitId: tree.chapter.id,
        unitName: tree.chapter.name,
        fullName: 'Hồ Thị Mai',
        category: 'member',
        isFullTime: null,
        gender: 'female',
        birthDate: '1999-03-08',
        joinDate: '2015-03-26',
        phone: null,
        idNumber: null,
        email: 'mai@example.com',
        isMinor: false,
      },
      abilities: { view: true, create: false, update: false, import: false },
    } satisfies PersonResponse);
    const asEditor = await t.app.inject({
      method: 'GET',
      url: `/api/people/${person.id}`,
      headers: { cookie: editor.cookie },
    });
    expect(asEditor.json<PersonResponse>().abilities).toEqual({
      view: true,
      create: true,
      update: true,
      import: true,
    });
  });

  it("hides a minor's phone, ID number and email from a viewer but not from an editor", async () => {
    const tree = await buildSubtree(t.deps.db);
    const viewer = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    const editor = await buildUser(t.deps.db, [{ unit: tree.a, role: 'editor' }]);
    const tag = searchTag();
    const phone = (n: number) => `08${String(Date.now() + n).slice(-8)}`;
    const minor = await addPerson(t.deps.db, tree.chapter, {
      fullName: `Thiếu Niên ${tag}`,
      category: 'youth',
      birthDate: '2008-11-23', // 18 tomorrow
      phone: phone(1),
      idNumber: `0${String(Date.now()).slice(-11)}`,
      email: `tn${tag.toLowerCase()}@example.com`,
    });
    const adult = await addPerson(t.deps.db, tree.chapter, {
      fullName: `Thanh Niên ${tag}`,
      category: 'youth',
      birthDate: '2008-11-22', // 18 today
      phone: phone(2),
    });
    const child = await addPerson(t.deps.db, tree.chapter, {
      fullName: `Nhi Đồng ${tag}`,
      category: 'child',
      phone: phone(3),
    });

    const seen = async (cookie: string) => {
      const res = await list(cookie, { unitId: tree.chapter.id, q: tag });
      return Object.fromEntries(
        res.json<PersonListResponse>().items.map((p) => [p.id, p]),
      ) as Record<string, Person>;
    };
    const byViewer = await seen(viewer.cookie);
    expect(byViewer[minor.id]).toMatchObject({
      isMinor: true,
      phone: null,
      idNumber: null,
      email: null,
    });
    expect(byViewer[adult.id]).toMatchObject({ isMinor: false, phone: adult.phone });
    expect(byViewer[child.id]).toMatchObject({ isMinor: true, phone: null }); // no birth date: the category decides
    const byEditor = await seen(editor.cookie);
    expect(byEditor[minor.id]).toMatchObject({
      isMinor: true,
      phone: minor.phone,
      idNumber: minor.idNumber,
      email: minor.email,
    });
    expect(byEditor[child.id]).toMatchObject({ phone: child.phone });

    const one = await t.app.inject({
      method: 'GET',
      url: `/api/people/${minor.id}`,
      headers: { cookie: viewer.cookie },
    });
    expect(one.json<PersonResponse>().person).toMatchObject({ phone: null, idNumber: null });

    // Searching by a minor's phone number must not confirm it to someone who may not read it.
    expect(names(await list(viewer.cookie, { q: minor.phone! }))).toEqual([]);
    expect(names(await list(editor.cookie, { q: minor.phone! }))).toEqual([minor.fullName]);
    expect(names(await list(viewer.cookie, { q: adult.phone! }))).toEqual([adult.fullName]);

    // A day later the minor is an adult.
    t.setToday('2026-11-23');
    try {
      expect((await seen(viewer.cookie))[minor.id]).toMatchObject({
        isMinor: false,
        phone: minor.phone,
      });
    } finally {
      t.setToday('2026-11-22');
    }
  });

  it('asks for a session (401) and rejects bad parameters (400)', async () => {
    const tree = await buildSubtree(t.deps.db);
    const person = await addPerson(t.deps.db, tree.a, { fullName: 'Ai Đó' });
    const user = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    expect((await list(undefined, {})).json()).toMatchObject({
      error: { code: 'unauthenticated' },
    });
    expect((await list(undefined, {})).statusCode).toBe(401);
    const anonymousGet = await t.app.inject({ method: 'GET', url: `/api/people/${person.id}` });
    expect(anonymousGet.statusCode).toBe(401);
    const badQueries: Record<string, string | number>[] = [
      { pageSize: 1000 },
      { page: 0 },
      { page: 'x' },
      { unitId: 'abc' },
      { category: 'alien' },
      { q: 'x'.repeat(101) },
    ];
    for (const query of badQueries) {
      const res = await list(user.cookie, query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'validation_failed' } });
    }
    const badId = await t.app.inject({
      method: 'GET',
      url: '/api/people/not-a-uuid',
      headers: { cookie: user.cookie },
    });
    expect(badId.statusCode).toBe(400);
  });

  it('lets a user with no grants see nobody', async () => {
    const tree = await buildSubtree(t.deps.db);
    await addPerson(t.deps.db, tree.a, { fullName: 'Không Ai Thấy' });
    const nobody = await buildUser(t.deps.db, []);
    const res = await list(nobody.cookie, {});
    expect(res.statusCode).toBe(200);
    expect(res.json<PersonListResponse>().items).toEqual([]);
  });
});
