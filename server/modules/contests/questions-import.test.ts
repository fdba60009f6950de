import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, multipart, ok } from '../../test/api.ts';
import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { World } from './contests.test-helpers.ts';
import { buildWorld } from './contests.test-helpers.ts';

const H = {
  category: 'Chủ đề*',
  kind: 'Loại*',
  text: 'Câu hỏi*',
  a: 'Phương án A',
  b: 'Phương án B',
  c: 'Phương án C',
  d: 'Phương án D',
  e: 'Phương án E',
  f: 'Phương án F',
  correct: 'Đáp án đúng*',
  explanation: 'Giải thích',
  difficulty: 'Độ khó',
  tags: 'Thẻ',
} as const;
const HEADERS = Object.values(H) as string[];
const UPLOAD_LIMIT = 200_000;

async function buildSheet(rows: Record<string, string | number>[], headers = HEADERS) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Câu hỏi');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function readBook(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ExcelJS.Buffer);
  return book;
}

async function counts(t: TestApp) {
  const result: unknown = await t.deps.db.execute(
    sql.raw(`select (select count(*)::int from contest_questions) as q,
                    (select count(*)::int from contest_question_versions) as v,
                    (select count(*)::int from audit_log) as a`),
  );
  return (result as { rows: { q: number; v: number; a: number }[] }).rows[0]!;
}

describe('question bank spreadsheet: template, import, export', () => {
  let t: TestApp;
  let w: World;
  let unitId: string;
  const good = (text: string, extra: Record<string, string | number> = {}) => ({
    [H.category]: 'Lịch sử Đoàn',
    [H.kind]: 'Một lựa chọn',
    [H.text]: text,
    [H.a]: 'Phương án một',
    [H.b]: 'Phương án hai',
    [H.correct]: 'A',
    ...extra,
  });

  beforeAll(async () => {
    t = await buildTestApp({ config: { uploadLimit: UPLOAD_LIMIT } });
    w = await buildWorld(t);
    unitId = w.nation.provinceA.id;
    // A sub-category with a multiple-choice question, so paths and keys are exercised.
    const child = ok(
      await call(t, 'POST', '/contest-bank/categories', w.editor.cookie, {
        unitId,
        parentId: w.categories[0],
        name: 'Giai đoạn 1931–1945',
      }),
      201,
    ).category;
    ok(
      await call(t, 'POST', '/contest-bank/questions', w.editor.cookie, {
        unitId,
        categoryId: child.id,
        kind: 'multiple',
        text: 'Những sự kiện nào diễn ra năm 1931?',
        options: [
          { text: 'Thành lập Đoàn', correct: true },
          { text: 'Cách mạng tháng Tám', correct: false },
          { text: 'Đại hội Đảng lần thứ nhất', correct: false },
          { text: 'Hội nghị Trung ương tháng 3/1931', correct: true },
        ],
        explanation: 'Xem lịch sử Đoàn.',
        difficulty: 4,
        tags: ['lịch sử', 'tuần 2'],
      }),
      201,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(cookie: string | null, file: Buffer, target = unitId, field = 'file') {
    const { payload, headers } = multipart(file, {
      field,
      filename: 'cau-hoi.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/contest-bank/questions/import?unitId=${target}`,
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
      payload,
    });
    return { status: res.statusCode, body: res.json<any>() };
  }
  const get = (url: string, cookie: string | null) =>
    t.app.inject({ method: 'GET', url: `/api${url}`, headers: cookie ? { cookie } : {} });

  it('serves a template with the header row, an example row and a Vietnamese help sheet', async () => {
    const res = await get(
      `/contest-bank/questions/template.xlsx?unitId=${unitId}`,
      w.editor.cookie,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="mau-nhap-cau-hoi.xlsx"');
    const book = await readBook(res.rawPayload);
    const sheet = book.getWorksheet('Câu hỏi')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.getCell('B2').value).toBe('Một lựa chọn');
    const helpText = book
      .getWorksheet('Hướng dẫn')!
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    for (const header of HEADERS) expect(helpText).toContain(header);
    expect(helpText).toContain('Lịch sử Đoàn > Giai đoạn 1931–1945');
    expect(helpText).toContain('Pháp luật');

    // Uploaded as downloaded, the example row is refused and nothing is written.
    const before = await counts(t);
    const asIs = await upload(w.editor.cookie, res.rawPayload);
    expect(asIs.status).toBe(422);
    expect(asIs.body.error.details.errors).toEqual([
      { row: 2, column: H.text, message: expect.stringContaining('dòng ví dụ') as string },
    ]);
    expect(await counts(t)).toEqual(before);
  });

  it('round trip: the export imported into another unit gives the same questions', async () => {
    const exported = await get(
      `/contest-bank/questions/export.xlsx?unitId=${unitId}`,
      w.viewer.cookie,
    );
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/ngan-hang-cau-hoi-.*\.xlsx/);

    // The other unit's bank has the same category tree (categories are never created by import).
    const other = w.nation.districtA.id;
    const cat = async (name: string, parentId?: string) =>
      ok(
        await call(t, 'POST', '/contest-bank/categories', w.editor.cookie, {
          unitId: other,
          name,
          parentId,
        }),
        201,
      ).category.id as string;
    const history = await cat('Lịch sử Đoàn');
    await cat('Giai đoạn 1931–1945', history);
    await cat('Pháp luật');

    const before = await counts(t);
    const res = await upload(w.editor.cookie, exported.rawPayload, other);
    expect(res.body).toEqual({ imported: 7 });
    expect(res.status).toBe(200);
    // 7 questions, 7 versions; 7 question audits + 1 for the import.
    expect(await counts(t)).toEqual({ q: before.q + 7, v: before.v + 7, a: before.a + 8 });

    const shape = async (unit: string) => {
      const cats = ok(
        await call(t, 'GET', `/contest-bank/categories?unitId=${unit}`, w.editor.cookie),
      ).items as any[];
      const name = new Map(cats.map((c) => [c.id, c]));
      const path = (id: string): string => {
        const c = name.get(id);
        return c.parentId ? `${path(c.parentId)} > ${c.name}` : c.name;
      };
      const items = ok(
        await call(t, 'GET', `/contest-bank/questions?unitId=${unit}`, w.editor.cookie),
      ).items as any[];
      const rows = items.map((q) => ({
        category: path(q.categoryId),
        kind: q.kind,
        text: q.text,
        options: q.options.map((o: any) => ({ text: o.text, correct: o.correct })),
        explanation: q.explanation,
        difficulty: q.difficulty,
        tags: q.tags,
      }));
      // One import shares a creation instant, so the list order among them is not meaningful.
      return rows.sort((a, b) => a.text.localeCompare(b.text));
    };
    const source = await shape(unitId);
    expect(source).toHaveLength(7);
    expect(await shape(other)).toEqual(source);
  });

  it('a sheet with two bad rows imports nothing and names both rows', async () => {
    const file = await buildSheet([
      good('Câu đúng thứ nhất?'),
      good('Câu thiếu đáp án?', { [H.correct]: '' }),
      good('Câu đúng thứ hai?', { [H.category]: 'pháp luật' }),
      good('Câu chủ đề lạ?', { [H.category]: 'Không có chủ đề này' }),
    ]);
    const before = await counts(t);
    const res = await upload(w.editor.cookie, file);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('import_failed');
    expect(res.body.error.message).toBe('Tệp nhập có lỗi; không có dòng nào được nhập.');
    expect(res.body.error.details.errors).toEqual([
      {
        row: 3,
        column: H.correct,
        message: expect.stringContaining('Thiếu đáp án đúng') as string,
      },
      {
        row: 5,
        column: H.category,
        message: expect.stringContaining('Không có chủ đề "Không có chủ đề này"') as string,
      },
    ]);
    expect(res.body.error.details.totalErrors).toBe(2);
    expect(await counts(t)).toEqual(before);

    // Fixed, the same sheet imports all four.
    const fixed = await buildSheet([
      good('Câu đúng thứ nhất?'),
      good('Câu thiếu đáp án?', { [H.correct]: 'B' }),
      good('Câu đúng thứ hai?', { [H.category]: 'pháp luật' }),
      good('Câu chủ đề lạ?', { [H.category]: 'Lịch sử Đoàn > Giai đoạn 1931–1945' }),
    ]);
    expect((await upload(w.editor.cookie, fixed)).body).toEqual({ imported: 4 });
  });

  it('reports each kind of problem by row and column', async () => {
    const headers = [...HEADERS, 'Phương án G'];
    const file = await buildSheet(
      [
        good('Một phương án?', { [H.b]: '' }), // 2
        good('Bảy phương án?', {
          [H.c]: 'Ba',
          [H.d]: 'Bốn',
          [H.e]: 'Năm',
          [H.f]: 'Sáu',
          'Phương án G': 'Bảy',
        }), // 3
        good('Hai đáp án cho câu một lựa chọn?', { [H.correct]: 'A, B' }), // 4
        good('Đáp án không có?', { [H.correct]: 'D' }), // 5
        good('Trùng lặp?'), // 6
        good('trùng lặp?'), // 7: same question again (case ignored)
        good('Loại lạ?', { [H.kind]: 'Tự luận', [H.difficulty]: 9 }), // 8
        good('Bỏ trống giữa?', { [H.b]: '', [H.c]: 'Ba' }), // 9
        { [H.a]: 'x' }, // 10: nothing but an option
      ],
      headers,
    );
    const before = await counts(t);
    const res = await upload(w.editor.cookie, file);
    expect(res.status).toBe(422);
    const errors = res.body.error.details.errors as {
      row: number;
      column: string;
      message: string;
    }[];
    const at = (row: number) => errors.filter((e) => e.row === row);
    expect(at(2)).toEqual([
      { row: 2, column: H.b, message: expect.stringContaining('từ 2 đến 6 phương án') as string },
    ]);
    expect(at(3)).toEqual([
      {
        row: 3,
        column: 'Phương án G',
        message: expect.stringContaining('có 7 phương án') as string,
      },
    ]);
    expect(at(4)).toEqual([
      {
        row: 4,
        column: H.correct,
        message: expect.stringContaining('đúng một đáp án đúng') as string,
      },
    ]);
    expect(at(5)).toEqual([
      {
        row: 5,
        column: H.correct,
        message: 'Đáp án "D" không khớp với phương án nào có nội dung.',
      },
    ]);
    expect(at(6)).toEqual([]);
    expect(at(7)).toEqual([
      {
        row: 7,
        column: H.text,
        message: expect.stringContaining('trùng ở dòng 6 và dòng 7') as string,
      },
    ]);
    expect(at(8).map((e) => e.column)).toEqual([H.kind, H.difficulty]);
    expect(at(9).map((e) => e.column)).toEqual([H.b]);
    expect(at(10).map((e) => e.column)).toEqual([H.category, H.kind, H.text, H.b, H.correct]);
    expect(await counts(t)).toEqual(before);
  });

  it('refuses outsiders (404), viewers (403) and anonymous callers (401), writing nothing', async () => {
    const file = await buildSheet([good('Không được nhập?')]);
    const nobody = await buildUser(t.deps.db, []);
    const before = await counts(t);
    expect((await upload(w.outsider.cookie, file)).status).toBe(404);
    const asViewer = await upload(w.viewer.cookie, file);
    expect(asViewer.status).toBe(403);
    expect(asViewer.body.error.code).toBe('forbidden');
    expect((await upload(nobody.cookie, file)).status).toBe(404);
    expect((await upload(null, file)).status).toBe(401);
    expect(await counts(t)).toEqual(before);

    const template = `/contest-bank/questions/template.xlsx?unitId=${unitId}`;
    const exported = `/contest-bank/questions/export.xlsx?unitId=${unitId}`;
    expect((await get(template, w.outsider.cookie)).statusCode).toBe(404);
    expect((await get(template, w.viewer.cookie)).statusCode).toBe(403);
    expect((await get(template, null)).statusCode).toBe(401);
    expect((await get(exported, w.outsider.cookie)).statusCode).toBe(404);
    expect((await get(exported, null)).statusCode).toBe(401);
  });

  it('refuses files that are not XLSX, too large, without the columns or without rows', async () => {
    const before = await counts(t);
    const csv = await upload(w.editor.cookie, Buffer.from('Chủ đề*,Loại*\nA,B\n'));
    expect(csv.status).toBe(415);
    expect(csv.body.error.message).toContain('.xlsx');
    expect((await upload(w.editor.cookie, Buffer.from('PK\x03\x04 không phải tệp'))).status).toBe(
      415,
    );
    const big = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(UPLOAD_LIMIT + 10)]);
    expect((await upload(w.editor.cookie, big)).status).toBe(413);
    const json = await call(
      t,
      'POST',
      `/contest-bank/questions/import?unitId=${unitId}`,
      w.editor.cookie,
      { file: 'x' },
    );
    expect(json.status).toBe(415);
    const wrongField = await upload(w.editor.cookie, await buildSheet([good('A?')]), unitId, 'tep');
    expect(wrongField.status).toBe(400);
    const noColumns = await upload(
      w.editor.cookie,
      await buildSheet([{ [H.text]: 'A?' }], [H.text, H.a, H.b]),
    );
    expect(noColumns.status).toBe(422);
    expect(noColumns.body.error.details.errors.map((e: any) => e.column)).toEqual([
      H.category,
      H.kind,
      H.correct,
    ]);
    const empty = await upload(w.editor.cookie, await buildSheet([]));
    expect(empty.status).toBe(422);
    expect(empty.body.error.details.errors[0].message).toContain('không có câu hỏi');
    const badUnit = await upload(
      w.editor.cookie,
      await buildSheet([good('A?')]),
      'khong-phai-uuid',
    );
    expect(badUnit.status).toBe(400);
    expect(await counts(t)).toEqual(before);
  });
});
