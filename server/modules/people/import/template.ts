import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import { GENDER_LABELS, PERSON_CATEGORY_LABELS } from '../../../../common/enums.ts';
import { LIMITS } from '../../../../common/limits.ts';
import type { ColumnKey } from './columns.ts';
import {
  EXAMPLE_ROW,
  HELP_SHEET_NAME,
  MAIN_SHEET_NAME,
  NO,
  PEOPLE_COLUMNS,
  YES,
} from './columns.ts';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Columns typed as text, so Excel keeps leading zeros and never re-reads dd/mm as mm/dd. */
const TEXT_COLUMNS: readonly ColumnKey[] = [
  'unitCode',
  'birthDate',
  'joinDate',
  'phone',
  'idNumber',
];

/** Header row, widths and text formats shared by the template and the export. */
export function definePeopleColumns(sheet: Worksheet): void {
  sheet.columns = PEOPLE_COLUMNS.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    ...(TEXT_COLUMNS.includes(c.key) ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9EAD3' } };
  header.alignment = { vertical: 'middle' };
}

/** Sheet options shared by the template and the export (the streaming writer takes views only here). */
export const PEOPLE_SHEET_OPTIONS = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

function columnLetter(key: ColumnKey): string {
  return String.fromCharCode(65 + PEOPLE_COLUMNS.findIndex((c) => c.key === key));
}

function listValidation(values: string[], title: string): DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: `Chọn một trong: ${values.join(', ')}.`,
  };
}

/**
 * exceljs supports range data validations (one <dataValidation sqref="C2:C20001">) but its typings
 * only expose the per-cell form, which would create a cell for every row.
 */
function addRangeValidation(sheet: Worksheet, key: ColumnKey, validation: DataValidation): void {
  const col = columnLetter(key);
  const range = `${col}2:${col}${LIMITS.importRowsMax + 1}`;
  (
    sheet as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }
  ).dataValidations.add(range, validation);
}

/** The import template: the people sheet with one example row, and a "Hướng dẫn" sheet. */
export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phủ Xanh';
  const sheet = workbook.addWorksheet(MAIN_SHEET_NAME, PEOPLE_SHEET_OPTIONS);
  definePeopleColumns(sheet);
  const example = sheet.addRow(EXAMPLE_ROW);
  example.font = { italic: true, color: { argb: 'FF808080' } };

  addRangeValidation(
    sheet,
    'category',
    listValidation(Object.values(PERSON_CATEGORY_LABELS), 'Đối tượng'),
  );
  addRangeValidation(sheet, 'gender', listValidation(Object.values(GENDER_LABELS), 'Giới tính'));
  addRangeValidation(sheet, 'isFullTime', listValidation([YES, NO], 'Chuyên trách'));

  const help = workbook.addWorksheet(HELP_SHEET_NAME);
  help.columns = [
    { header: 'Cột', key: 'column', width: 18 },
    { header: 'Cách điền', key: 'help', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of PEOPLE_COLUMNS) help.addRow({ column: c.header, help: c.help });
  help.addRow({});
  for (const line of [
    'Dòng 1 là tiêu đề, giữ nguyên. Mỗi người một dòng, bắt đầu từ dòng 2. Cột có dấu * là bắt buộc.',
    'Dòng 2 là dòng ví dụ (chữ xám nghiêng): xóa dòng này trước khi nhập.',
    `Mỗi tệp tối đa ${LIMITS.importRowsMax.toLocaleString('vi-VN')} dòng. Tệp phải ở định dạng Excel (.xlsx).`,
    'Hệ thống kiểm tra tất cả các dòng trước khi nhập. Nếu có lỗi, không dòng nào được nhập và bạn nhận được danh sách lỗi theo dòng và cột để sửa.',
    'Người dưới 18 tuổi: số điện thoại, số CCCD và email chỉ hiển thị với người có quyền cập nhật đơn vị.',
  ]) {
    help.addRow({ help: line });
  }
  help.getColumn('help').alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
