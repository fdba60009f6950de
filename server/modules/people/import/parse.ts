import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import { formatDate, isRealIsoDate, parseVietnameseDate } from '../../../../common/format.ts';
import { LIMITS } from '../../../../common/limits.ts';
import { AppError } from '../../../kernel/http/errors.ts';
import type { ImportError } from '../people.contracts.ts';
import { normalizeIdNumber, normalizePhone } from '../person-fields.ts';
import type { ColumnKey } from './columns.ts';
import {
  COLUMN_HEADER,
  foldHeader,
  HELP_SHEET_NAME,
  MAIN_SHEET_NAME,
  PEOPLE_COLUMNS,
  REQUIRED_COLUMNS,
} from './columns.ts';

/** One data row of the sheet: its Excel row number and the raw cell values by column. */
export type SheetRow = { row: number; cells: Partial<Record<ColumnKey, CellValue>> };

const NOT_XLSX = 'Tệp tải lên không phải tệp Excel (.xlsx). Vui lòng dùng biểu mẫu nhập danh sách.';

/** The report is cut at this many errors (a shifted column can fail every row); totalErrors counts all. */
export const MAX_REPORTED_ERRORS = 1000;

/** 422 import_failed with details { errors: [{ row, column, message }], totalErrors }. */
export function importFailed(errors: ImportError[]): AppError {
  return new AppError('import_failed', undefined, {
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    totalErrors: errors.length,
  });
}

/**
 * Reads the uploaded workbook into rows. File-level problems (not an XLSX, required columns
 * missing, no rows, too many rows) end here; row-level checks are validate.ts's job.
 */
export async function readPeopleSheet(file: Buffer): Promise<SheetRow[]> {
  // Every XLSX is a ZIP archive: "PK\x03\x04". Anything else is refused before parsing.
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('unsupported_media_type', NOT_XLSX);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('unsupported_media_type', NOT_XLSX);
  }
  const sheet =
    workbook.worksheets.find((s) => s.name === MAIN_SHEET_NAME) ??
    workbook.worksheets.find((s) => s.name !== HELP_SHEET_NAME);
  if (!sheet)
    throw importFailed([{ row: null, column: null, message: 'Tệp không có trang tính nào.' }]);

  const { headerRow, columns: columnIndex } = readHeader(sheet);
  const rows: SheetRow[] = [];
  let tooMany: number | null = null;
  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    if (rowNumber <= headerRow || tooMany !== null) return;
    const cells: SheetRow['cells'] = {};
    let empty = true;
    for (const [key, index] of columnIndex) {
      const value = excelRow.getCell(index).value;
      if (cellText(value) !== null) empty = false;
      cells[key] = value;
    }
    if (empty) return;
    if (rows.length === LIMITS.importRowsMax) {
      tooMany = rowNumber;
      return;
    }
    rows.push({ row: rowNumber, cells });
  });
  if (tooMany !== null) {
    const max = LIMITS.importRowsMax.toLocaleString('vi-VN');
    throw importFailed([
      {
        row: tooMany,
        column: null,
        message: `Mỗi tệp chỉ được nhập tối đa ${max} dòng; hãy chia thành nhiều tệp.`,
      },
    ]);
  }
  if (rows.length === 0) {
    throw importFailed([
      {
        row: headerRow + 1,
        column: null,
        message: `Tệp không có dòng dữ liệu nào (dữ liệu bắt đầu từ dòng ${headerRow + 1}).`,
      },
    ]);
  }
  return rows;
}

/** Rows searched for the header: sheets kept by units often start with a title block. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Finds the header row (the first of the top rows naming every required column; row 1 in the
 * template) and each known column in it by its text (case, accents and '*' ignored).
 */
function readHeader(sheet: Worksheet): { headerRow: number; columns: Map<ColumnKey, number> } {
  const byFolded = new Map<string, ColumnKey>(
    PEOPLE_COLUMNS.map((c) => [foldHeader(c.header), c.key]),
  );
  const columnsOf = (rowNumber: number) => {
    const found = new Map<ColumnKey, number>();
    sheet.getRow(rowNumber).eachCell((cell, col) => {
      const text = cellText(cell.value);
      const key = text === null ? undefined : byFolded.get(foldHeader(text));
      if (key && !found.has(key)) found.set(key, col);
    });
    return found;
  };
  for (let rowNumber = 1; rowNumber <= HEADER_SEARCH_ROWS; rowNumber++) {
    const columns = columnsOf(rowNumber);
    if (REQUIRED_COLUMNS.every((k) => columns.has(k))) return { headerRow: rowNumber, columns };
  }
  const first = columnsOf(1);
  throw importFailed(
    REQUIRED_COLUMNS.filter((k) => !first.has(k)).map((k) => ({
      row: 1,
      column: COLUMN_HEADER[k],
      message: `Thiếu cột "${COLUMN_HEADER[k]}" ở dòng tiêu đề. Hãy dùng biểu mẫu nhập danh sách.`,
    })),
  );
}

/** The value behind formulas, rich text and hyperlinks. */
function plainValue(value: CellValue): CellValue {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return value.result ?? null;
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return null;
}

/** Utc calendar date of an Excel date cell (exceljs reads date serials as UTC midnight). */
function utcIsoDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().slice(0, 10);
}

/** Trimmed text of a cell, null when blank. Numbers keep all their digits. */
export function cellText(value: CellValue): string | null {
  const v = plainValue(value);
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return formatDate(utcIsoDate(v));
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'string') return null;
  const text = v.normalize('NFC').trim();
  return text === '' ? null : text;
}

export type Parsed<T> = { ok: true; value: T | null } | { ok: false };

/** A real Excel date cell, or text dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd). */
export function cellDate(value: CellValue): Parsed<string> {
  const v = plainValue(value);
  if (v instanceof Date) {
    const iso = utcIsoDate(v);
    return iso ? { ok: true, value: iso } : { ok: false };
  }
  // A bare number is refused: "2008" or a serial without a date format is too easy to misread.
  if (typeof v === 'number') return { ok: false };
  const text = cellText(v);
  if (text === null) return { ok: true, value: null };
  const iso = parseVietnameseDate(text) ?? (isRealIsoDate(text) ? text : null);
  return iso ? { ok: true, value: iso } : { ok: false };
}

/** Phone numbers typed into number cells lose their leading 0 (912345678); it is restored. */
export function cellPhone(value: CellValue): string | null {
  const v = plainValue(value);
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) {
    const digits = BigInt(v).toString();
    return digits.length === 9 ? '0' + digits : normalizePhone(digits);
  }
  const text = cellText(v);
  return text === null ? null : normalizePhone(text);
}

/**
 * ID numbers in number cells lose leading zeros: a CCCD starts with its province code 001–096,
 * so 10 or 11 digits are padded to 12; 8 or fewer to a 9-digit CMND.
 */
export function cellIdNumber(value: CellValue): string | null {
  const v = plainValue(value);
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) {
    const digits = BigInt(v).toString();
    if (digits.length === 10 || digits.length === 11) return digits.padStart(12, '0');
    if (digits.length <= 8) return digits.padStart(9, '0');
    return digits;
  }
  const text = cellText(v);
  return text === null ? null : normalizeIdNumber(text);
}
