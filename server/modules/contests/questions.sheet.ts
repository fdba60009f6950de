import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import { foldForSearch } from '../../../common/text.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { CONTEST_LIMITS } from './contests.contracts.ts';

/**
 * The columns of the question sheet, shared by the template, the import and the export, so a
 * bank exported from one unit imports into another unchanged (docs/decisions/0012).
 */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const optionHeader = (letter: string) => `Phương án ${letter}`;

export const QUESTION_COLUMNS = [
  {
    key: 'category',
    header: 'Chủ đề*',
    width: 30,
    help: 'Bắt buộc. Đường dẫn chủ đề trong ngân hàng câu hỏi của đơn vị, các cấp cách nhau bởi dấu ">" (ví dụ: Lịch sử Đoàn > Giai đoạn 1931–1945). Chủ đề phải có sẵn; danh sách chủ đề hiện có ở cuối trang này.',
  },
  {
    key: 'kind',
    header: 'Loại*',
    width: 16,
    help: 'Bắt buộc. "Một lựa chọn" (đúng một đáp án đúng) hoặc "Nhiều lựa chọn" (một hoặc nhiều đáp án đúng).',
  },
  {
    key: 'text',
    header: 'Câu hỏi*',
    width: 50,
    help: `Bắt buộc. Nội dung câu hỏi, tối đa ${CONTEST_LIMITS.questionText.toLocaleString('vi-VN')} ký tự. Không được trùng với câu hỏi khác cùng chủ đề trong tệp.`,
  },
  ...OPTION_LETTERS.map((letter, i) => ({
    key: `option${letter}` as const,
    header: optionHeader(letter),
    width: 24,
    help:
      i < 2
        ? `Bắt buộc. Mỗi câu hỏi có từ 2 đến 6 phương án, điền liên tiếp từ A; tối đa ${CONTEST_LIMITS.optionText} ký tự mỗi phương án.`
        : 'Có thể để trống (không để trống xen giữa các phương án đã điền).',
  })),
  {
    key: 'correct',
    header: 'Đáp án đúng*',
    width: 14,
    help: 'Bắt buộc. Chữ cái của phương án đúng (ví dụ: B). Câu nhiều lựa chọn: các chữ cái cách nhau bởi dấu phẩy (ví dụ: A, C).',
  },
  {
    key: 'explanation',
    header: 'Giải thích',
    width: 40,
    help: `Có thể để trống. Hiện cho thí sinh khi xem lại bài (tùy quy định của cuộc thi); tối đa ${CONTEST_LIMITS.explanation.toLocaleString('vi-VN')} ký tự.`,
  },
  {
    key: 'difficulty',
    header: 'Độ khó',
    width: 9,
    help: 'Số nguyên từ 1 (dễ) đến 5 (khó); để trống là 2.',
  },
  {
    key: 'tags',
    header: 'Thẻ',
    width: 24,
    help: `Có thể để trống. Các thẻ cách nhau bởi dấu phẩy (ví dụ: tuần 1, pháp luật); tối đa ${CONTEST_LIMITS.tags} thẻ, mỗi thẻ tối đa ${CONTEST_LIMITS.tag} ký tự.`,
  },
] as const;

export type ColumnKey = (typeof QUESTION_COLUMNS)[number]['key'];
export const HEADER: Record<ColumnKey, string> = Object.fromEntries(
  QUESTION_COLUMNS.map((c) => [c.key, c.header]),
) as Record<ColumnKey, string>;
const REQUIRED: readonly ColumnKey[] = ['category', 'kind', 'text', 'correct'];

export const KIND_LABELS = { single: 'Một lựa chọn', multiple: 'Nhiều lựa chọn' } as const;
export const CATEGORY_SEPARATOR = ' > ';
export const MAIN_SHEET_NAME = 'Câu hỏi';
export const HELP_SHEET_NAME = 'Hướng dẫn';
/** Rows per file: each question is a few inserts, in one transaction. */
export const QUESTION_IMPORT_MAX_ROWS = 2000;

export const EXAMPLE_TEXT = 'Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập vào ngày nào?';

/** One data row: its Excel row number, the known cells, and any text in option columns past F. */
export type SheetRow = {
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
  extraOptions: string[];
};
export type ImportProblem = { row: number | null; column: string | null; message: string };

const NOT_XLSX = 'Tệp tải lên không phải tệp Excel (.xlsx). Vui lòng dùng biểu mẫu nhập câu hỏi.';

export function importFailed(errors: ImportProblem[]): AppError {
  return new AppError('import_failed', undefined, {
    errors: errors.slice(0, 1000),
    totalErrors: errors.length,
  });
}

/** Trimmed text of a cell (formulas, rich text, hyperlinks read as their text); null when blank. */
export function cellText(value: CellValue): string | null {
  let v: unknown = value;
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    if ('richText' in v) v = (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    else if ('result' in v) v = (v as ExcelJS.CellFormulaValue).result ?? null;
    else if ('text' in v) v = v.text;
    else v = null;
  }
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return null;
  const text = v.normalize('NFC').trim();
  return text === '' ? null : text;
}

const foldHeader = (text: string) => foldForSearch(text.replace(/\*/g, ''));
const EXTRA_OPTION = /^phuong an [g-z]$/;

/** Reads the question sheet into rows; file-level problems (not XLSX, headers, size) end here. */
export async function readQuestionSheet(file: Buffer): Promise<SheetRow[]> {
  // Every XLSX is a ZIP archive ("PK\x03\x04"); anything else is refused before parsing.
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
    throw importFailed([{ row: null, column: null, message: 'Tệp không có trang tính.' }]);
  const { columns, extra } = readHeader(sheet);

  const rows: SheetRow[] = [];
  let tooMany: number | null = null;
  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    if (rowNumber === 1 || tooMany !== null) return;
    const cells: SheetRow['cells'] = {};
    for (const [key, index] of columns) {
      const text = cellText(excelRow.getCell(index).value);
      if (text !== null) cells[key] = text;
    }
    const extraOptions = extra.flatMap((index) => {
      const text = cellText(excelRow.getCell(index).value);
      return text === null ? [] : [text];
    });
    if (Object.keys(cells).length === 0 && extraOptions.length === 0) return;
    if (rows.length === QUESTION_IMPORT_MAX_ROWS) {
      tooMany = rowNumber;
      return;
    }
    rows.push({ row: rowNumber, cells, extraOptions });
  });
  if (tooMany !== null) {
    const max = QUESTION_IMPORT_MAX_ROWS.toLocaleString('vi-VN');
    throw importFailed([
      { row: tooMany, column: null, message: `Mỗi tệp tối đa ${max} câu hỏi; hãy chia nhỏ tệp.` },
    ]);
  }
  if (rows.length === 0) {
    throw importFailed([
      { row: 2, column: null, message: 'Tệp không có câu hỏi nào (dữ liệu bắt đầu từ dòng 2).' },
    ]);
  }
  return rows;
}

/** Columns found by header text in row 1 (case, accents and '*' ignored; any order). */
function readHeader(sheet: Worksheet): { columns: Map<ColumnKey, number>; extra: number[] } {
  const byFolded = new Map<string, ColumnKey>(
    QUESTION_COLUMNS.map((c) => [foldHeader(c.header), c.key]),
  );
  const columns = new Map<ColumnKey, number>();
  const extra: number[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value);
    if (text === null) return;
    const folded = foldHeader(text);
    const key = byFolded.get(folded);
    if (key && !columns.has(key)) columns.set(key, col);
    else if (EXTRA_OPTION.test(folded)) extra.push(col);
  });
  const missing = [...REQUIRED, 'optionA' as const, 'optionB' as const].filter(
    (k) => !columns.has(k),
  );
  if (missing.length > 0) {
    throw importFailed(
      missing.map((k) => ({
        row: 1,
        column: HEADER[k],
        message: `Thiếu cột "${HEADER[k]}" ở dòng tiêu đề. Hãy dùng biểu mẫu nhập câu hỏi.`,
      })),
    );
  }
  return { columns, extra };
}
