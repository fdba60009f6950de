import type { Paragraph, Table } from 'docx';
import { formatDate, formatNumber } from '../../../../common/format.ts';
import { REPORT_SECTION_LABELS, REPORT_SECTIONS } from '../../../../common/reporting.ts';
import { todayInVietnam } from '../../../kernel/clock.ts';
import type { ReportDetailResponse } from '../reporting.contracts.ts';
import {
  blocks,
  closingBlock,
  grid,
  headerBlock,
  packDocument,
  para,
  sectionHeading,
  text,
  titleBlock,
} from './docx-layout.ts';
import { formatAmount, formatProgress, formatTarget, statusLabel } from './values.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

/** The indicator table: target, what was set, the result, progress and status. */
function indicatorTable(detail: ReportDetailResponse) {
  return grid(
    ['TT', 'Chỉ tiêu', 'Chỉ tiêu giao', 'Kết quả', 'Tỷ lệ hoàn thành', 'Đánh giá'],
    detail.indicators.map((row, i) => [
      String(i + 1),
      `${row.label ?? row.indicatorName} (${row.period.label})`,
      formatTarget(row),
      formatAmount(row.actual.value, row.unitLabel),
      formatProgress(row.progress),
      row.unitsMeeting
        ? `${row.unitsMeeting.met}/${row.unitsMeeting.total} đơn vị đạt`
        : statusLabel(row.status),
    ]),
    [6, 40, 14, 14, 12, 14],
  );
}

/**
 * Rows of the by-unit appendix a Word report still carries. A province's consolidated report
 * has a few hundred units below it and dozens of targets: tens of thousands of rows, which no
 * one reads in Word and which took the renderer tens of seconds. Past this many, the report
 * refers to the XLSX export instead (its "Theo đơn vị" sheet holds every row), as Union offices
 * attach large tables as a spreadsheet.
 */
export const DOCX_ANNEX_MAX_ROWS = 300;

/** The appendix: every unit below, target by target — or, when too long, where to find it. */
export function byUnitAnnex(detail: ReportDetailResponse): (Paragraph | Table)[] {
  const count = detail.indicators.reduce((sum, row) => sum + row.children.length, 0);
  if (count === 0) return [];
  const heading = sectionHeading('PHỤ LỤC: KẾT QUẢ THEO ĐƠN VỊ TRỰC THUỘC');
  if (count > DOCX_ANNEX_MAX_ROWS) {
    const units = new Set(detail.indicators.flatMap((row) => row.children.map((c) => c.name)));
    return [
      heading,
      para([
        text(
          `Kết quả của ${formatNumber(units.size)} đơn vị trực thuộc theo từng chỉ tiêu ` +
            `(${formatNumber(count)} dòng) được trình bày trong tệp Excel xuất kèm báo cáo, ` +
            'trang “Theo đơn vị”.',
          { italics: true },
        ),
      ]),
    ];
  }
  return [heading, byUnitTable(detail)];
}

/** The results of each unit below, target by target. */
function byUnitTable(detail: ReportDetailResponse) {
  const rows = detail.indicators.flatMap((row, i) =>
    row.children.map((c) => [
      String(i + 1),
      row.label ?? row.indicatorName,
      c.name,
      formatAmount(c.value, row.unitLabel),
      statusLabel(c.status),
    ]),
  );
  return grid(['TT', 'Chỉ tiêu', 'Đơn vị', 'Kết quả', 'Đánh giá'], rows, [6, 40, 26, 14, 14]);
}

/** A report as the Union files it: DOCX in the administrative layout. */
export async function renderReportDocx(detail: ReportDetailResponse): Promise<Buffer> {
  const { report } = detail;
  const submitted = report.firstSubmittedAt
    ? todayInVietnam(new Date(report.firstSubmittedAt))
    : null;
  const document = { ...report.document, date: report.document.date ?? submitted };
  const body = report.body;
  const sections = REPORT_SECTIONS.flatMap((key, i) => {
    const content = [
      sectionHeading(`${ROMAN[i]}. ${REPORT_SECTION_LABELS[key].toLocaleUpperCase('vi')}`),
      ...blocks(body[key]),
    ];
    if (key !== 'results' || detail.indicators.length === 0) return content;
    return [
      ...content,
      para([
        text(
          `Kết quả thực hiện các chỉ tiêu (số liệu đến ngày ${formatDate(detail.indicatorsAsOf)}):`,
          {
            italics: true,
          },
        ),
      ]),
      indicatorTable(detail),
    ];
  });
  return packDocument([
    headerBlock(document, 'BC'),
    ...titleBlock('BÁO CÁO', report.title),
    ...sections,
    ...byUnitAnnex(detail),
    closingBlock(document),
  ]);
}
