import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubtree, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { attachmentHeader, exportPeople } from './people.export.ts';
import {
  addPerson,
  countRows,
  HEADERS,
  multipart,
  readXlsx,
  searchTag,
} from './people.test-support.ts';

describe('people: Excel export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2026-11-22' });
  });
  afterAll(async () => {
    await t.close();
  });

  const exportAs = (cookie: string | undefined, query = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/people/export${query}`,
      headers: cookie ? { cookie } : {},
    });

  async function rowsOf(body: Buffer): Promise<string[][]> {
    const sheet = (await readXlsx(body)).worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      rows.push(HEADERS.map((_, i) => row.getCell(i + 1).text));
    });
    return rows;
  }

  it('exports the listed rows with the template columns; Vietnamese text round-trips', async () => {
    const tree = await buildSubtree(t.deps.db);
    const viewer = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    const tag = searchTag();
    const phone = `07${String(Date.now()).slice(-8)}`;
    await addPerson(t.deps.db, tree.chapter, {
      fullName: `Đặng Thị Ngọc Ánh ${tag}`,
      category: 'member',
      gender: 'female',
      birthDate: '1998-12-05',
      joinDate: '2014-03-26',
      phone,
      email: 'anh@example.com',
    });
    await addPerson(t.deps.db, tree.b, {
      fullName: `Bùi Văn Cường ${tag}`,
      category: 'cadre',
      isFullTime: false,
    });
    await addPerson(t.deps.db, tree.a, {
      fullName: `Vũ Bé Em ${tag}`,
      category: 'teen',
      birthDate: '2013-01-01',
      phone: `08${String(Date.now()).slice(-8)}`,
    });

    const res = await exportAs(viewer.cookie, `?unitId=${tree.root.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="danh-sach-2026-11-22.xlsx"; filename*=UTF-8''danh-sach-2026-11-22.xlsx`,
    );
    expect(await rowsOf(res.rawPayload)).toEqual([
      HEADERS,
      [`Bùi Văn Cường ${tag}`, tree.b.code, 'Cán bộ', '', '', '', 'Không', '', '', ''],
      [
        `Đặng Thị Ngọc Ánh ${tag}`,
        tree.chapter.code,
        'Đoàn viên',
        'Nữ',
        '05/12/1998',
        '26/03/2014',
        '',
        phone,
        '',
        'anh@example.com',
      ],
      // A minor's phone is not exported to a viewer.
      [`Vũ Bé Em ${tag}`, tree.a.code, 'Thiếu niên', '', '01/01/2013', '', '', '', '', ''],
    ]);

    const filtered = await exportAs(
      viewer.cookie,
      `?unitId=${tree.root.id}&q=ngoc%20anh&category=member`,
    );
    expect((await rowsOf(filtered.rawPayload)).map((r) => r[0])).toEqual([
      HEADERS[0],
      `Đặng Thị Ngọc Ánh ${tag}`,
    ]);
  });

  it('produces a file the import accepts back', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const tag = searchTag();
    await addPerson(t.deps.db, tree.b, {
      fullName: `Hà Văn Vòng ${tag}`,
      category: 'member',
      birthDate: '2000-02-29',
      joinDate: '2016-03-26',
    });
    const exported = await exportAs(editor.cookie, `?unitId=${tree.b.id}`);
    const before = await countRows(t.deps.db);
    // Re-importing the same people into the same unit is allowed (no phone or ID to collide).
    const { payload, headers } = multipart(exported.rawPayload);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/people/import',
      headers: { ...headers, cookie: editor.cookie },
      payload,
    });
    expect(res.json()).toEqual({ imported: 1 });
    expect((await countRows(t.deps.db)).people).toBe(before.people + 1);
  });

  it('export: outsider 404 for a unit outside their subtree and sees none of it otherwise; no session 401', async () => {
    const tree = await buildSubtree(t.deps.db);
    const elsewhere = await buildSubtree(t.deps.db);
    const outsider = await buildUser(t.deps.db, [{ unit: elsewhere.root, role: 'admin' }]);
    const tag = searchTag();
    await addPerson(t.deps.db, tree.a, { fullName: `Bí Mật ${tag}` });
    const before = await countRows(t.deps.db);

    const byUnit = await exportAs(outsider.cookie, `?unitId=${tree.root.id}`);
    expect(byUnit.statusCode).toBe(404);
    expect(byUnit.json()).toMatchObject({ error: { code: 'not_found' } });
    const all = await exportAs(outsider.cookie, `?q=${tag}`);
    expect(all.statusCode).toBe(200);
    expect(await rowsOf(all.rawPayload)).toEqual([HEADERS]);
    const anonymous = await exportAs(undefined);
    expect(anonymous.statusCode).toBe(401);
    expect((await exportAs(outsider.cookie, '?pageSize=5')).statusCode).toBe(400);
    expect(await countRows(t.deps.db)).toEqual(before);
  });

  it('refuses an export past the row cap instead of cutting it short', async () => {
    const tree = await buildSubtree(t.deps.db);
    await addPerson(t.deps.db, tree.a, { fullName: 'Một' });
    await addPerson(t.deps.db, tree.b, { fullName: 'Hai' });
    const actor = {
      userId: 'x',
      username: 'x',
      displayName: 'x',
      grants: [{ unitId: tree.root.id, path: tree.root.path, role: 'viewer' as const }],
    };
    await expect(exportPeople(t.deps, actor, { unitId: tree.root.id }, 1)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const ok = await exportPeople(t.deps, actor, { unitId: tree.root.id }, 2);
    expect((await rowsOf(ok)).length).toBe(3);
  });

  it('builds an ASCII-safe Content-Disposition', () => {
    expect(attachmentHeader('Danh sách "Đoàn".xlsx')).toBe(
      `attachment; filename="Danh_s_ch___o_n_.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch%20%22%C4%90o%C3%A0n%22.xlsx`,
    );
  });
});
