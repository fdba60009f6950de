import { formatDate } from '../../../../common/format.ts';
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
  return rows.length
    ? grid(['TT', 'Chỉ tiêu', 'Đơn vị', 'Kết quả', 'Đánh giá'], rows, [6, 40, 26, 14, 14])
    : null;
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
  const byUnit = byUnitTable(detail);
  return packDocument([
    headerBlock(document, 'BC'),
    ...titleBlock('BÁO CÁO', report.title),
    ...sections,
    ...(byUnit ? [sectionHeading('PHỤ LỤC: KẾT QUẢ THEO ĐƠN VỊ TRỰC THUỘC'), byUnit] : []),
    closingBlock(document),
  ]);
}
