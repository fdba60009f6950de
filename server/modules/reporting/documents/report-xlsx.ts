import ExcelJS from 'exceljs';
import { formatDate } from '../../../../common/format.ts';
import type { IndicatorRow, ReportDetailResponse } from '../reporting.contracts.ts';
import { formatTarget, statusLabel } from './values.ts';

/**
 * A report's indicator tables in Excel: the unit's table, and the results by unit below (one row
 * per unit, one column per target). Numbers stay numbers with Vietnamese-readable formats
 * (thousands grouped, one decimal for percentages; Excel shows "1.234,5" in a Vietnamese locale).
 */

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const COUNT_FORMAT = '#,##0';
const DECIMAL_FORMAT = '#,##0.0';
const PROGRESS_FORMAT = '0.0%';

const formatOf = (row: IndicatorRow) => (row.unitLabel === '%' ? DECIMAL_FORMAT : COUNT_FORMAT);
const nameOf = (row: IndicatorRow) => row.label ?? row.indicatorName;

function title(sheet: ExcelJS.Worksheet, lines: string[]) {
  for (const line of lines) sheet.addRow([line]).font = { bold: true, name: 'Times New Roman' };
  sheet.addRow([]);
}

export async function renderReportXlsx(detail: ReportDetailResponse): Promise<Buffer> {
  const { report } = detail;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phủ Xanh';
  const heading = [
    report.unit.name,
    `${report.reportTypeName} — ${report.period.label}`,
    `Số liệu đến ngày ${formatDate(detail.indicatorsAsOf)}`,
  ];

  const own = workbook.addWorksheet('Chỉ tiêu');
  title(own, heading);
  const header = own.addRow([
    'TT',
    'Chỉ tiêu',
    'Kỳ',
    'Đơn vị tính',
    'Chỉ tiêu giao',
    'Kết quả',
    'Tử số',
    'Mẫu số',
    'Tỷ lệ hoàn thành',
    'Đánh giá',
  ]);
  header.font = { bold: true };
  detail.indicators.forEach((row, i) => {
    const r = own.addRow([
      i + 1,
      nameOf(row),
      row.period.label,
      row.unitLabel,
      formatTarget(row),
      row.actual.value,
      row.actual.numerator,
      row.actual.denominator,
      row.progress,
      row.unitsMeeting
        ? `${row.unitsMeeting.met}/${row.unitsMeeting.total} đơn vị đạt`
        : statusLabel(row.status),
    ]);
    r.getCell(6).numFmt = formatOf(row);
    r.getCell(7).numFmt = COUNT_FORMAT;
    r.getCell(8).numFmt = COUNT_FORMAT;
    r.getCell(9).numFmt = PROGRESS_FORMAT;
  });
  own.getColumn(2).width = 60;
  own.getColumn(5).width = 16;

  const byUnit = workbook.addWorksheet('Theo đơn vị');
  title(byUnit, heading);
  const withChildren = detail.indicators.filter((row) => row.children.length > 0);
  byUnit.addRow([
    'Đơn vị',
    ...withChildren.map((row) => `${nameOf(row)} (${row.unitLabel})`),
  ]).font = { bold: true };
  const units = new Map<string, string>();
  for (const row of withChildren) for (const c of row.children) units.set(c.id, c.name);
  for (const [id, name] of units) {
    const r = byUnit.addRow([
      name,
      ...withChildren.map((row) => row.children.find((c) => c.id === id)?.value ?? null),
    ]);
    withChildren.forEach((row, i) => {
      r.getCell(i + 2).numFmt = formatOf(row);
    });
  }
  byUnit.getColumn(1).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
