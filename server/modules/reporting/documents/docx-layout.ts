import type { IParagraphOptions } from 'docx';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { PlanBody } from '../../planning/index.ts';
import type { ReportDocument } from '../reporting.contracts.ts';

/**
 * The Union's administrative layout (Hướng dẫn thể thức văn bản của Đoàn), shared by reports and
 * plans: A4, Times New Roman 14 pt (LibreOffice substitutes the metric-compatible Liberation
 * Serif), the header block — issuing body over "***" on the left, "ĐOÀN TNCS HỒ CHÍ MINH" on the
 * right —, "Số: …", the place and date line, the title, the body, "Nơi nhận:" and the signature.
 */

export const FONT = 'Times New Roman';
const CM = 567; // twips
type Runs = PlanBody['purpose'][number]['runs'];
type Block = PlanBody['purpose'][number];

export function text(
  value: string,
  options: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {},
) {
  return new TextRun({
    text: value,
    font: FONT,
    ...(options.bold ? { bold: true } : {}),
    ...(options.italics ? { italics: true } : {}),
    ...(options.underline ? { underline: {} } : {}),
    ...(options.size ? { size: options.size * 2 } : {}),
  });
}

export function para(
  children: TextRun[],
  options: Omit<IParagraphOptions, 'children'> = {},
): Paragraph {
  return new Paragraph({ spacing: { after: 60, line: 300 }, ...options, children });
}

const centered = (children: TextRun[], after = 0) =>
  para(children, { alignment: AlignmentType.CENTER, spacing: { after } });

function cell(children: (Paragraph | Table)[], widthPct: number, borders = false): TableCell {
  return new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.TOP,
    ...(borders ? {} : { borders: TableBorders.NONE }),
    children,
  });
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftPct = 45): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftPct), cell(right, 100 - leftPct)] })],
  });
}

/** "Tây Ninh, ngày 25 tháng 4 năm 2026" (the day padded, the month not, as the seeds write). */
export function placeAndDate(place: string, iso: string | null): string {
  if (!iso) return `${place}, ngày     tháng     năm     `;
  const [y, m, d] = iso.split('-');
  return `${place}, ngày ${d} tháng ${Number(m)} năm ${y}`;
}

/** The header block: issuer and number on the left, the Union's name and the date on the right. */
export function headerBlock(doc: ReportDocument, numberLabel: string): Table {
  const left = [
    ...(doc.superiorBody ? [centered([text(doc.superiorBody, { size: 13 })])] : []),
    centered([text(doc.issuingBody, { bold: true, size: 13 })]),
    centered([text('***', { size: 13 })], 120),
    centered([text(`Số: ${doc.number ?? `      -${numberLabel}`}`, { size: 13 })]),
  ];
  const right = [
    centered([text('ĐOÀN TNCS HỒ CHÍ MINH', { bold: true, underline: true, size: 14 })], 360),
    centered([text(placeAndDate(doc.place, doc.date), { italics: true, size: 13 })]),
  ];
  return twoColumns(left, right);
}

/** "BÁO CÁO" / "KẾ HOẠCH" and the subject, centred and bold. */
export function titleBlock(kind: string, subject: string): Paragraph[] {
  return [
    para([text(kind, { bold: true, size: 15 })], {
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 60 },
    }),
    centered([text(subject, { bold: true })], 60),
    centered([text('-----', { size: 13 })], 240),
  ];
}

export function sectionHeading(value: string): Paragraph {
  return para([text(value, { bold: true })], { spacing: { before: 180, after: 60 } });
}

function runsOf(runs: Runs, bold = false): TextRun[] {
  return runs.map((r) =>
    text(r.text, {
      ...(r.bold || bold ? { bold: true } : {}),
      ...(r.italic ? { italics: true } : {}),
    }),
  );
}

/** Structured text (decision 0004 §1): runs map to text runs one to one, nothing is markup. */
export function blocks(section: Block[]): Paragraph[] {
  return section.map((block) => {
    switch (block.type) {
      case 'heading':
        return para(
          runsOf(block.runs).map((r) => r),
          { spacing: { before: 120, after: 60 } },
        );
      case 'bullet':
        return para([text('- '), ...runsOf(block.runs)], {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: Math.round(1.27 * CM) },
        });
      case 'paragraph':
        return para(runsOf(block.runs), {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: Math.round(1.27 * CM) },
        });
    }
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const gridBorders = {
  top: thin,
  bottom: thin,
  left: thin,
  right: thin,
  insideHorizontal: thin,
  insideVertical: thin,
};

/** A bordered table; the first row is the header. Widths are percentages. */
export function grid(header: string[], rows: string[][], widths: number[]): Table {
  const row = (values: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: values.map((v, i) =>
        cell(
          [
            para([text(v, { size: 12, ...(bold ? { bold: true } : {}) })], {
              alignment: i === 1 || bold ? AlignmentType.CENTER : AlignmentType.LEFT,
              spacing: { after: 0 },
            }),
          ],
          widths[i] ?? 10,
          true,
        ),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: gridBorders,
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  });
}

/** "Nơi nhận:" on the left, the signature block on the right. */
export function closingBlock(doc: ReportDocument): Table {
  const left = [
    para([text('Nơi nhận:', { bold: true, italics: true, size: 12 })], {
      spacing: { before: 240, after: 0 },
    }),
    ...doc.recipients.map((r) => para([text(`- ${r}`, { size: 11 })], { spacing: { after: 0 } })),
  ];
  const right = [
    centered([text(doc.signature.onBehalfOf, { bold: true })], 0),
    centered([text(doc.signature.role, { bold: true })], 1200),
    centered([text(doc.signature.name, { bold: true })]),
  ];
  return twoColumns(left, [para([], { spacing: { before: 240 } }), ...right], 50);
}

/** A4 portrait with the margins of administrative documents (2 cm, 2 cm, 3 cm, 1.5 cm). */
export async function packDocument(children: (Paragraph | Table)[]): Promise<Buffer> {
  const document = new Document({
    creator: 'Phủ Xanh',
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: Math.round(1.5 * CM) },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
