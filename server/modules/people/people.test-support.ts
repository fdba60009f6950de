/** Helpers for the people module's tests only (never imported by application code). */
import { count, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditLog } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import { foldForSearch } from '../../../common/text.ts';
import { PEOPLE_COLUMNS } from './import/columns.ts';
import { uniqueSuffix } from '../../test/factories.ts';
import { findProvinceIds } from '../org/index.ts';
import { people } from './people.table.ts';

export const HEADERS = PEOPLE_COLUMNS.map((c) => c.header);

/** An XLSX with the template's header row (or the given one) and one row per object, keyed by header. */
export async function buildXlsx(
  rows: Record<string, ExcelJS.CellValue>[],
  headers: string[] = HEADERS,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A multipart/form-data payload with one file, for app.inject. */
export function multipart(
  file: Buffer,
  options: { field?: string; filename?: string; contentType?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----phuxanh' + Math.random().toString(16).slice(2);
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${options.filename ?? 'danh-sach.xlsx'}"\r\n` +
    `Content-Type: ${options.contentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Rows in people and audit_log: a write that was refused must leave both unchanged. */
export async function countRows(db: Db): Promise<{ people: number; audit: number }> {
  const [p] = await db.select({ n: count() }).from(people);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { people: p!.n, audit: a!.n };
}

/** A person written straight to the table, with any fields (the factory covers only a few). */
export async function addPerson(
  db: Db,
  unit: { id: string },
  fields: Partial<typeof people.$inferInsert> & { fullName: string },
): Promise<typeof people.$inferSelect> {
  const [row] = await db
    .insert(people)
    .values({
      category: 'member',
      ...fields,
      unitId: unit.id,
      provinceId: (await findProvinceIds(db, [unit.id])).get(unit.id)!,
      searchName: foldForSearch(fields.fullName),
    })
    .returning();
  return row!;
}

/** A unique word for names that tests search for; never all digits (that would be a phone search). */
export function searchTag(): string {
  return `Z${uniqueSuffix()}`;
}

type Row = { id: string; full_name: string; province_id: string; unit_id: string };

/**
 * Every person whose province_id differs from the province found the long way: the unit's latest
 * version, its first two path labels, and the unit that has a version at exactly that path.
 */
export async function provinceDrift(db: Db): Promise<string[]> {
  const result: unknown = await db.execute(sql`
    select p.id, p.full_name, p.province_id, p.unit_id, v.path::text as path from people p
    join lateral (select path from unit_versions where unit_id = p.unit_id
                  order by valid_from desc limit 1) v on true`);
  const rows = (result as { rows: (Row & { path: string })[] }).rows;
  const paths = [...new Set(rows.map((r) => r.path.split('.').slice(0, 2).join('.')))];
  if (paths.length === 0) return [];
  const owners: unknown = await db.execute(sql`
    select distinct unit_id, path::text as path from unit_versions
    where path::text = any(${`{${paths.join(',')}}`}::text[])`);
  const ownerOf = new Map(
    (owners as { rows: { unit_id: string; path: string }[] }).rows.map((o) => [o.path, o.unit_id]),
  );
  return rows
    .filter((r) => ownerOf.get(r.path.split('.').slice(0, 2).join('.')) !== r.province_id)
    .map((r) => `${r.full_name}: ${r.province_id}`);
}
