import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../common/limits.ts';
import { auditLog } from '../../../kernel/audit/audit.ts';
import { buildSubtree, buildUser, uniqueSuffix } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { buildTestApp } from '../../../test/test-app.ts';
import type { ImportError, PersonListResponse } from '../people.contracts.ts';
import { people } from '../people.table.ts';
import {
  addPerson,
  buildXlsx,
  countRows,
  HEADERS,
  multipart,
  readXlsx,
  searchTag,
} from '../people.test-support.ts';
import { commitImport } from './commit.ts';
import type { ImportDraft } from './validate.ts';

const H = {
  name: 'Họ và tên*',
  unit: 'Mã đơn vị*',
  category: 'Đối tượng*',
  gender: 'Giới tính',
  birth: 'Ngày sinh',
  join: 'Ngày vào Đoàn',
  fullTime: 'Chuyên trách',
  phone: 'Số điện thoại',
  id: 'Số CCCD',
  email: 'Email',
} as const;
const SCOPE_MESSAGE = 'Mã đơn vị không tồn tại hoặc ngoài phạm vi quản lý.';

let serial = 0;
function freshPhone(): string {
  serial += 1;
  return `03${String((Date.now() % 1_000_000) * 100 + serial)
    .padStart(8, '0')
    .slice(-8)}`;
}

type ImportFailedBody = {
  error: { code: string; message: string; details: { errors: ImportError[]; totalErrors: number } };
};

describe('people: Excel import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2026-11-22' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(
    cookie: string | undefined,
    file: Buffer,
    options?: Parameters<typeof multipart>[1],
  ) {
    const { payload, headers } = multipart(file, options);
    return t.app.inject({
      method: 'POST',
      url: '/api/people/import',
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
      payload,
    });
  }
  const errorsOf = (res: { json<T>(): T }) => res.json<ImportFailedBody>().error.details.errors;

  it('serves the template: headers, category list, example row and a "Hướng dẫn" sheet', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.a, role: 'editor' }]);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/people/import-template',
      headers: { cookie: editor.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="[\x20-\x7e]+\.xlsx"/,
    );
    const workbook = await readXlsx(res.rawPayload);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Họ và tên*',
      'Mã đơn vị*',
      'Đối tượng*',
      'Giới tính',
      'Ngày sinh',
      'Ngày vào Đoàn',
      'Chuyên trách',
      'Số điện thoại',
      'Số CCCD',
      'Email',
    ]);
    expect(sheet.getCell('C2').value).toBe('Đoàn viên');
    expect(sheet.getCell('E2').value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(sheet.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Cán bộ,Đoàn viên,Thanh niên,Thiếu niên,Nhi đồng"'],
    });
    expect(sheet.getCell(`C${LIMITS.importRowsMax + 1}`).dataValidation).toMatchObject({
      type: 'list',
    });
    expect(sheet.getCell('D5').dataValidation).toMatchObject({ formulae: ['"Nam,Nữ,Khác"'] });
    expect(sheet.getCell('G5').dataValidation).toMatchObject({ formulae: ['"Có,Không"'] });
    const help = workbook.getWorksheet('Hướng dẫn');
    expect(help).toBeDefined();
    const helpText = help!
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join(' ');
    for (const header of HEADERS) expect(helpText).toContain(header);

    // The template as downloaded (example row kept) is refused with a clear message.
    const asIs = await upload(editor.cookie, res.rawPayload);
    expect(asIs.statusCode).toBe(422);
    expect(errorsOf(asIs)).toContainEqual({
      row: 2,
      column: H.name,
      message: expect.stringContaining('dòng ví dụ') as string,
    });
  });

  it('template: viewer 403, no session 401', async () => {
    const tree = await buildSubtree(t.deps.db);
    const viewer = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    const asViewer = await t.app.inject({
      method: 'GET',
      url: '/api/people/import-template',
      headers: { cookie: viewer.cookie },
    });
    expect(asViewer.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/people/import-template' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('imports every row in one go: Excel dates and text dates, numeric phones and IDs', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const tag = searchTag();
    const phoneA = freshPhone();
    const phoneB = freshPhone();
    const cccd = `0${String(Date.now()).slice(-11)}`;
    const file = await buildXlsx([
      {
        [H.name]: `Nguyễn Văn An ${tag}`,
        [H.unit]: tree.chapter.code,
        [H.category]: 'Đoàn viên',
        [H.gender]: 'Nam',
        [H.birth]: new Date(Date.UTC(2004, 8, 2)),
        [H.join]: '26/03/2020',
        [H.phone]: Number(phoneA), // typed into a number cell: the leading 0 is lost
        [H.id]: Number(cccd), // likewise, 11 digits left
        [H.email]: 'An@Example.com',
      },
      {
        [H.name]: `Trần Thị Bích ${tag}`,
        [H.unit]: tree.b.code,
        [H.category]: 'cán bộ',
        [H.gender]: 'nữ',
        [H.birth]: '1.2.1995',
        [H.fullTime]: 'Có',
        [H.phone]: `${phoneB.slice(0, 4)} ${phoneB.slice(4)}`,
      },
      {
        [H.name]: `Lê Bé Nhỏ ${tag}`,
        [H.unit]: tree.a.code,
        [H.category]: 'Nhi đồng',
        [H.birth]: '2018-06-01',
      },
      {}, // blank rows are skipped
    ]);
    const before = await countRows(t.deps.db);
    const res = await upload(editor.cookie, file);
    expect(res.json()).toEqual({ imported: 3 });
    expect(res.statusCode).toBe(200);
    expect(await countRows(t.deps.db)).toEqual({
      people: before.people + 3,
      audit: before.audit + 1,
    });

    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/people?q=${tag}`,
      headers: { cookie: editor.cookie },
    });
    const items = listed.json<PersonListResponse>().items;
    expect(items.map((p) => p.fullName)).toEqual([
      `Lê Bé Nhỏ ${tag}`,
      `Nguyễn Văn An ${tag}`,
      `Trần Thị Bích ${tag}`,
    ]);
    expect(items[1]).toMatchObject({
      unitId: tree.chapter.id,
      category: 'member',
      gender: 'male',
      birthDate: '2004-09-02',
      joinDate: '2020-03-26',
      phone: phoneA,
      idNumber: cccd,
      email: 'an@example.com',
      isFullTime: null,
    });
    expect(items[2]).toMatchObject({
      unitId: tree.b.id,
      category: 'cadre',
      gender: 'female',
      birthDate: '1995-02-01',
      isFullTime: true,
      phone: phoneB,
    });
    expect(items[0]).toMatchObject({ category: 'child', isMinor: true, birthDate: '2018-06-01' });

    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.import'), eq(auditLog.actorId, editor.id)));
    expect(audit!.after).toMatchObject({ count: 3 });
    expect(new Set((audit!.after as { unitIds: string[] }).unitIds)).toEqual(
      new Set([tree.chapter.id, tree.b.id, tree.a.id]),
    );
  });

  it('reports every bad row and imports nothing', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const file = await buildXlsx([
      { [H.name]: 'Đúng Một', [H.unit]: tree.a.code, [H.category]: 'Thanh niên' },
      {
        [H.name]: 'Sai Ngày',
        [H.unit]: tree.a.code,
        [H.category]: 'Thanh niên',
        [H.birth]: '31/02/2001',
      },
      { [H.name]: 'Đúng Hai', [H.unit]: tree.b.code, [H.category]: 'Thanh niên' },
      { [H.name]: 'Sai Đối Tượng', [H.unit]: tree.b.code, [H.category]: 'Hội viên' },
    ]);
    const before = await countRows(t.deps.db);
    const res = await upload(editor.cookie, file);
    expect(res.statusCode).toBe(422);
    const body = res.json<ImportFailedBody>();
    expect(body.error.code).toBe('import_failed');
    expect(body.error.details.errors).toEqual([
      { row: 3, column: H.birth, message: 'Ngày không hợp lệ (dd/mm/yyyy).' },
      { row: 5, column: H.category, message: expect.stringContaining('Hội viên') as string },
    ]);
    expect(body.error.details.totalErrors).toBe(2);
    expect(await countRows(t.deps.db)).toEqual(before);
  });

  it('checks dates, required cells and vocabularies', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const base = { [H.name]: 'Người Thử', [H.unit]: tree.a.code, [H.category]: 'Đoàn viên' };
    const file = await buildXlsx([
      { ...base, [H.birth]: '2001-13-01' }, // 2
      { ...base, [H.birth]: 'hôm qua' }, // 3
      { ...base, [H.birth]: 2001 }, // 4: a bare number is not a date
      { ...base, [H.birth]: '23/11/2026' }, // 5: tomorrow
      { ...base, [H.birth]: '01/01/2000', [H.join]: '01/01/1999' }, // 6: joined before birth
      { ...base, [H.category]: 'Thanh niên', [H.join]: '01/01/2020' }, // 7: only members join
      { ...base, [H.fullTime]: 'Có' }, // 8: only cadres are full-time
      { ...base, [H.fullTime]: 'Có lẽ', [H.category]: 'Cán bộ' }, // 9
      { ...base, [H.gender]: 'Trai' }, // 10
      { [H.unit]: tree.a.code, [H.birth]: '01/01/2000' }, // 11: no name, no category
      { [H.name]: 'Không Mã', [H.category]: 'Đoàn viên' }, // 12
      { ...base, [H.phone]: '12345', [H.id]: '123', [H.email]: 'a@' }, // 13
      { ...base, [H.name]: 'Đ'.repeat(121) }, // 14
    ]);
    const res = await upload(editor.cookie, file);
    expect(res.statusCode).toBe(422);
    const errors = errorsOf(res);
    const at = (row: number) => errors.filter((e) => e.row === row).map((e) => e.column);
    expect(at(2)).toEqual([H.birth]);
    expect(at(3)).toEqual([H.birth]);
    expect(at(4)).toEqual([H.birth]);
    expect(errors).toContainEqual({
      row: 5,
      column: H.birth,
      message: 'Ngày sinh không được sau ngày hôm nay.',
    });
    expect(errors).toContainEqual({
      row: 6,
      column: H.join,
      message: 'Ngày vào Đoàn phải sau ngày sinh.',
    });
    expect(errors).toContainEqual({
      row: 7,
      column: H.join,
      message: 'Ngày vào Đoàn chỉ áp dụng cho Đoàn viên.',
    });
    expect(at(8)).toEqual([H.fullTime]);
    expect(at(9)).toEqual([H.fullTime]);
    expect(at(10)).toEqual([H.gender]);
    expect(errors).toContainEqual({ row: 11, column: H.name, message: 'Thiếu họ và tên.' });
    expect(errors).toContainEqual({ row: 11, column: H.category, message: 'Thiếu đối tượng.' });
    expect(errors).toContainEqual({ row: 12, column: H.unit, message: 'Thiếu mã đơn vị.' });
    expect(at(13)).toEqual([H.phone, H.id, H.email]);
    expect(at(14)).toEqual([H.name]);
    expect(errors.every((e) => typeof e.message === 'string' && e.message.length > 0)).toBe(true);
  });

  it('gives unknown and out-of-scope unit codes the same message', async () => {
    const tree = await buildSubtree(t.deps.db);
    const elsewhere = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [
      { unit: tree.a, role: 'editor' },
      { unit: tree.b, role: 'viewer' },
    ]);
    const file = await buildXlsx([
      { [H.name]: 'Mã Lạ', [H.unit]: `KHONG-CO-${uniqueSuffix()}`, [H.category]: 'Thanh niên' },
      { [H.name]: 'Tỉnh Khác', [H.unit]: elsewhere.a.code, [H.category]: 'Thanh niên' },
      { [H.name]: 'Chỉ Được Xem', [H.unit]: tree.b.code, [H.category]: 'Thanh niên' },
      { [H.name]: 'Được Sửa', [H.unit]: tree.chapter.code, [H.category]: 'Thanh niên' },
    ]);
    const before = await countRows(t.deps.db);
    const res = await upload(editor.cookie, file);
    expect(res.statusCode).toBe(422);
    expect(errorsOf(res)).toEqual(
      [2, 3, 4].map((row) => ({ row, column: H.unit, message: SCOPE_MESSAGE })),
    );
    expect(await countRows(t.deps.db)).toEqual(before);
  });

  it('finds duplicate phones and IDs within the sheet (naming both rows) and against the database', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const stored = freshPhone();
    const storedId = `0${String(Date.now()).slice(-8)}777`;
    await addPerson(t.deps.db, tree.b, { fullName: 'Đã Có', phone: stored, idNumber: storedId });
    const twice = freshPhone();
    const base = { [H.unit]: tree.a.code, [H.category]: 'Thanh niên' };
    const file = await buildXlsx([
      { ...base, [H.name]: 'Một', [H.phone]: twice, [H.id]: '001099000001' },
      { ...base, [H.name]: 'Hai', [H.phone]: stored },
      {
        ...base,
        [H.name]: 'Ba',
        [H.phone]: `${twice.slice(0, 4)}.${twice.slice(4)}`,
        [H.id]: '001099000001',
      },
      { ...base, [H.name]: 'Bốn', [H.id]: storedId },
    ]);
    const before = await countRows(t.deps.db);
    const res = await upload(editor.cookie, file);
    expect(res.statusCode).toBe(422);
    expect(errorsOf(res)).toEqual([
      { row: 3, column: H.phone, message: 'Số điện thoại đã được dùng cho một người khác.' },
      { row: 4, column: H.phone, message: 'Số điện thoại bị trùng ở dòng 2 và dòng 4.' },
      { row: 4, column: H.id, message: 'Số CCCD bị trùng ở dòng 2 và dòng 4.' },
      { row: 5, column: H.id, message: 'Số CCCD đã được dùng cho một người khác.' },
    ]);
    expect(await countRows(t.deps.db)).toEqual(before);
  });

  it('refuses files that are not XLSX, sheets without the required columns, empty and oversized sheets', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const before = await countRows(t.deps.db);

    const csv = await upload(editor.cookie, Buffer.from('Họ và tên*,Mã đơn vị*\nA,B\n'), {
      filename: 'a.csv',
      contentType: 'text/csv',
    });
    expect(csv.statusCode).toBe(415);
    expect(csv.json()).toMatchObject({
      error: {
        code: 'unsupported_media_type',
        message: expect.stringContaining('.xlsx') as string,
      },
    });
    const fakeZip = await upload(editor.cookie, Buffer.from('PK\x03\x04 not really a workbook'));
    expect(fakeZip.statusCode).toBe(415);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/people/import',
      headers: { cookie: editor.cookie },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    const wrongField = await upload(editor.cookie, await buildXlsx([]), { field: 'tep' });
    expect(wrongField.statusCode).toBe(400);

    const noHeaders = await upload(editor.cookie, await buildXlsx([{ A: 'x' }], ['A', H.name]));
    expect(noHeaders.statusCode).toBe(422);
    expect(errorsOf(noHeaders)).toEqual([
      { row: 1, column: H.unit, message: expect.stringContaining(H.unit) as string },
      { row: 1, column: H.category, message: expect.stringContaining(H.category) as string },
    ]);
    const empty = await upload(editor.cookie, await buildXlsx([]));
    expect(empty.statusCode).toBe(422);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow([H.name, H.unit, H.category]);
    for (let i = 0; i <= LIMITS.importRowsMax; i++)
      sheet.addRow([`Người ${i}`, tree.a.code, 'Thanh niên']);
    const tooMany = await upload(editor.cookie, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(tooMany.statusCode).toBe(422);
    expect(errorsOf(tooMany)).toEqual([
      {
        row: LIMITS.importRowsMax + 2,
        column: null,
        message: expect.stringContaining('tối đa') as string,
      },
    ]);
    expect(await countRows(t.deps.db)).toEqual(before);
  });

  it('accepts columns in any order and headers without accents or "*"', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const tag = searchTag();
    const file = await buildXlsx(
      [
        {
          'doi tuong': 'Thiếu niên',
          'MA DON VI': tree.b.code,
          'Họ và tên': `Phạm Minh Khang ${tag}`,
        },
      ],
      ['doi tuong', 'MA DON VI', 'Họ và tên'],
    );
    const res = await upload(editor.cookie, file);
    expect(res.json()).toEqual({ imported: 1 });
  });

  it('finds the header below a title block and reports real Excel row numbers', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DS đoàn viên');
    sheet.addRow(['DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN ẤP 1']);
    sheet.addRow([]);
    sheet.addRow(['STT', H.name, H.unit, H.category, H.birth]);
    sheet.addRow([1, 'Đúng Dòng Bốn', tree.a.code, 'Đoàn viên', '01/01/2000']);
    sheet.addRow([2, 'Sai Dòng Năm', tree.a.code, 'Đoàn viên', '32/01/2000']);
    sheet.addRow([3]); // numbered but empty: skipped
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(editor.cookie, file);
    expect(res.statusCode).toBe(422);
    expect(errorsOf(res)).toEqual([
      { row: 5, column: H.birth, message: 'Ngày không hợp lệ (dd/mm/yyyy).' },
    ]);
  });

  it('rolls everything back when the database fails half-way', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const dup = freshPhone();
    // 1,500 rows: two INSERT batches; the second breaks the unique index on phone.
    const drafts: ImportDraft[] = Array.from({ length: 1500 }, (_, i) => ({
      row: i + 2,
      unitId: tree.a.id,
      fullName: `Hoàn Tác ${i}`,
      category: 'youth',
      isFullTime: null,
      gender: null,
      birthDate: null,
      joinDate: null,
      phone: i === 0 || i === 1400 ? dup : null,
      idNumber: null,
      email: null,
    }));
    const before = await countRows(t.deps.db);
    const actor = { userId: editor.id, username: editor.username, displayName: 'x', grants: [] };
    await expect(commitImport(t.deps.db, actor, drafts)).rejects.toThrow();
    expect(await countRows(t.deps.db)).toEqual(before);
    const leftovers = await t.deps.db.select().from(people).where(eq(people.unitId, tree.a.id));
    expect(leftovers).toEqual([]);
  });

  it('import: outsider gets the scope error, viewer 403, no session 401 — nothing written', async () => {
    const tree = await buildSubtree(t.deps.db);
    const elsewhere = await buildSubtree(t.deps.db);
    const outsider = await buildUser(t.deps.db, [{ unit: elsewhere.root, role: 'admin' }]);
    const viewer = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    const nobody = await buildUser(t.deps.db, []);
    const file = await buildXlsx([
      { [H.name]: 'Không Được Nhập', [H.unit]: tree.a.code, [H.category]: 'Thanh niên' },
    ]);
    const before = await countRows(t.deps.db);

    const asOutsider = await upload(outsider.cookie, file);
    expect(asOutsider.statusCode).toBe(422);
    expect(errorsOf(asOutsider)).toEqual([{ row: 2, column: H.unit, message: SCOPE_MESSAGE }]);
    const asViewer = await upload(viewer.cookie, file);
    expect(asViewer.statusCode).toBe(403);
    expect(asViewer.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await upload(nobody.cookie, file)).statusCode).toBe(403);
    const anonymous = await upload(undefined, file);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(await countRows(t.deps.db)).toEqual(before);
  });
});
