import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { authorizeOnUnit } from './contests.scope.ts';
import { questionCategories, questions, questionVersions } from './contests.table.ts';
import type { ColumnKey } from './questions.sheet.ts';
import {
  CATEGORY_SEPARATOR,
  EXAMPLE_TEXT,
  HELP_SHEET_NAME,
  KIND_LABELS,
  MAIN_SHEET_NAME,
  OPTION_LETTERS,
  QUESTION_COLUMNS,
  QUESTION_IMPORT_MAX_ROWS,
} from './questions.sheet.ts';

/** Every category of a unit's bank with its full path ("Lịch sử Đoàn > Giai đoạn 1931–1945"). */
export async function loadCategoryPaths(db: Db, unitId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({
      id: questionCategories.id,
      parentId: questionCategories.parentId,
      name: questionCategories.name,
    })
    .from(questionCategories)
    .where(eq(questionCategories.unitId, unitId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const paths = new Map<string, string>();
  for (const row of rows) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let c: typeof row | undefined = row;
      c && !seen.has(c.id);
      c = byId.get(c.parentId ?? '')
    ) {
      seen.add(c.id); // a cycle (never written by the API) cannot loop forever
      names.unshift(c.name);
    }
    paths.set(row.id, names.join(CATEGORY_SEPARATOR));
  }
  return paths;
}

function defineColumns(sheet: Worksheet): void {
  sheet.columns = QUESTION_COLUMNS.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9EAD3' } };
}

function newBook(): { book: ExcelJS.Workbook; sheet: Worksheet } {
  const book = new ExcelJS.Workbook();
  book.creator = 'Phủ Xanh';
  const sheet = book.addWorksheet(MAIN_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  defineColumns(sheet);
  return { book, sheet };
}

/** The kind column offers the two labels as a drop-down on every data row. */
function addKindValidation(sheet: Worksheet): void {
  const col = String.fromCharCode(65 + QUESTION_COLUMNS.findIndex((c) => c.key === 'kind'));
  const labels = Object.values(KIND_LABELS);
  // exceljs writes range validations, but its typings expose only the per-cell form.
  (
    sheet as unknown as {
      dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
    }
  ).dataValidations.add(`${col}2:${col}${QUESTION_IMPORT_MAX_ROWS + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${labels.join(',')}"`],
    showErrorMessage: true,
    errorTitle: 'Loại',
    error: `Chọn một trong: ${labels.join(', ')}.`,
  });
}

/** The template: header, one grey example row, and a "Hướng dẫn" sheet listing the unit's categories. */
export async function buildQuestionTemplate(
  deps: AppDeps,
  actor: Actor,
  unitId: string,
): Promise<Buffer> {
  await authorizeOnUnit(deps, actor, unitId, 'write');
  const paths = [...(await loadCategoryPaths(deps.db, unitId)).values()].sort((a, b) =>
    a.localeCompare(b, 'vi'),
  );
  const { book, sheet } = newBook();
  const example: Partial<Record<ColumnKey, string | number>> = {
    category: paths[0] ?? 'Lịch sử Đoàn',
    kind: KIND_LABELS.single,
    text: EXAMPLE_TEXT,
    optionA: '26/3/1930',
    optionB: '26/3/1931',
    optionC: '19/5/1931',
    optionD: '2/9/1945',
    correct: 'B',
    explanation: 'Ngày 26/3/1931 là ngày thành lập Đoàn.',
    difficulty: '1',
    tags: 'lịch sử, tuần 1',
  };
  sheet.addRow(example).font = { italic: true, color: { argb: 'FF808080' } };
  addKindValidation(sheet);

  const help = book.addWorksheet(HELP_SHEET_NAME);
  help.columns = [
    { header: 'Cột', key: 'column', width: 18 },
    { header: 'Cách điền', key: 'help', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of QUESTION_COLUMNS) help.addRow({ column: c.header, help: c.help });
  help.addRow({});
  for (const line of [
    'Dòng 1 là tiêu đề, giữ nguyên. Mỗi câu hỏi một dòng, từ dòng 2. Cột có dấu * là bắt buộc.',
    'Dòng 2 là dòng ví dụ (chữ xám nghiêng): xóa dòng này trước khi nhập.',
    `Mỗi tệp tối đa ${QUESTION_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} câu hỏi, định dạng Excel (.xlsx).`,
    'Hệ thống kiểm tra mọi dòng trước khi nhập. Nếu có lỗi, không câu hỏi nào được nhập và bạn nhận danh sách lỗi theo dòng và cột để sửa.',
  ]) {
    help.addRow({ help: line });
  }
  help.addRow({});
  help.addRow({ column: 'Chủ đề hiện có' }).font = { bold: true };
  if (paths.length === 0)
    help.addRow({ help: 'Chưa có chủ đề nào: hãy tạo chủ đề trước khi nhập.' });
  for (const path of paths) help.addRow({ help: path });
  help.getColumn('help').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The bank's questions (current versions, archived left out) in the template's layout. */
export async function exportQuestionsXlsx(
  deps: AppDeps,
  actor: Actor,
  unitId: string,
): Promise<Buffer> {
  await authorizeOnUnit(deps, actor, unitId, 'read');
  const paths = await loadCategoryPaths(deps.db, unitId);
  const rows = await deps.db
    .select({ categoryId: questions.categoryId, version: questionVersions })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(and(eq(questions.unitId, unitId), eq(questions.archived, false)))
    .orderBy(asc(questions.createdAt), asc(questions.id));
  const { book, sheet } = newBook();
  for (const { categoryId, version } of rows) {
    const letterOf = new Map(version.options.map((o, i) => [o.id, OPTION_LETTERS[i]!]));
    const row: Partial<Record<ColumnKey, string>> = {
      category: paths.get(categoryId) ?? '',
      kind: KIND_LABELS[version.kind],
      text: version.text,
      correct: version.correctOptionIds.map((id) => letterOf.get(id)).join(', '),
      explanation: version.explanation ?? '',
      difficulty: String(version.difficulty),
      tags: version.tags.join(', '),
    };
    version.options.forEach((o, i) => {
      row[`option${OPTION_LETTERS[i]!}`] = o.text;
    });
    sheet.addRow(row);
  }
  addKindValidation(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}
