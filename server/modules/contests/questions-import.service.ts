import { randomUUID } from 'node:crypto';
import { foldForSearch } from '../../../common/text.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { insertQuestion } from './bank.service.ts';
import type { CreateQuestionBody } from './contests.contracts.ts';
import { CONTEST_LIMITS, MESSAGES } from './contests.contracts.ts';
import { authorizeOnUnit } from './contests.scope.ts';
import { clearPoolCache } from './pool.cache.ts';
import type { ColumnKey, ImportProblem, SheetRow } from './questions.sheet.ts';
import {
  EXAMPLE_TEXT,
  HEADER,
  KIND_LABELS,
  OPTION_LETTERS,
  importFailed,
  optionHeader,
  readQuestionSheet,
} from './questions.sheet.ts';
import { loadCategoryPaths } from './questions.xlsx.ts';

const KINDS = new Map<string, 'single' | 'multiple'>([
  [foldForSearch(KIND_LABELS.single), 'single'],
  ['single', 'single'],
  ['mot', 'single'],
  [foldForSearch(KIND_LABELS.multiple), 'multiple'],
  ['multiple', 'multiple'],
  ['nhieu', 'multiple'],
]);

/** "Lịch sử Đoàn>Giai đoạn 1" and "lich su doan > giai doan 1" name the same category. */
const foldPath = (path: string) =>
  path
    .split('>')
    .map((part) => foldForSearch(part))
    .join('>');

const vn = (n: number) => n.toLocaleString('vi-VN');

type Draft = { row: number; input: CreateQuestionBody };

/** Checks one row; pushes its problems (column = the template's header) and returns the draft. */
function checkRow(
  sheetRow: SheetRow,
  categories: Map<string, string | null>,
  problems: ImportProblem[],
): CreateQuestionBody | null {
  const { row, cells } = sheetRow;
  const before = problems.length;
  const fail = (key: ColumnKey | null, message: string, column?: string) =>
    problems.push({ row, column: column ?? (key ? HEADER[key] : null), message });

  if (cells.text && foldForSearch(cells.text) === foldForSearch(EXAMPLE_TEXT)) {
    fail('text', 'Đây là dòng ví dụ của biểu mẫu; hãy xóa dòng này trước khi nhập.');
    return null;
  }

  let categoryId: string | null = null;
  if (!cells.category) fail('category', 'Thiếu chủ đề.');
  else {
    const found = categories.get(foldPath(cells.category));
    if (found === undefined)
      fail(
        'category',
        `Không có chủ đề "${cells.category}" trong ngân hàng câu hỏi của đơn vị. Các cấp chủ đề cách nhau bởi dấu ">".`,
      );
    else if (found === null)
      fail('category', `Có nhiều chủ đề cùng tên "${cells.category}"; hãy đổi tên cho khác nhau.`);
    else categoryId = found;
  }

  const kind = cells.kind ? KINDS.get(foldForSearch(cells.kind)) : undefined;
  if (!cells.kind) fail('kind', 'Thiếu loại câu hỏi.');
  else if (!kind)
    fail('kind', `Loại phải là "${KIND_LABELS.single}" hoặc "${KIND_LABELS.multiple}".`);

  if (!cells.text) fail('text', 'Thiếu nội dung câu hỏi.');
  else if (cells.text.length > CONTEST_LIMITS.questionText)
    fail('text', `Câu hỏi dài tối đa ${vn(CONTEST_LIMITS.questionText)} ký tự.`);

  // Options: filled from A without gaps; letters map to positions for the key.
  const options: string[] = [];
  let gapAt: string | null = null;
  for (const letter of OPTION_LETTERS) {
    const text = cells[`option${letter}`];
    if (!text) {
      gapAt ??= letter;
      continue;
    }
    if (gapAt) {
      fail(
        null,
        `Phương án ${gapAt} để trống trong khi phương án ${letter} có nội dung; hãy điền liên tiếp từ A.`,
        optionHeader(gapAt),
      );
      gapAt = null;
    }
    if (text.length > CONTEST_LIMITS.optionText)
      fail(null, `Phương án dài tối đa ${CONTEST_LIMITS.optionText} ký tự.`, optionHeader(letter));
    const same = options.findIndex((o) => foldForSearch(o) === foldForSearch(text));
    if (same >= 0)
      fail(
        null,
        `Phương án ${letter} trùng với phương án ${OPTION_LETTERS[same]}.`,
        optionHeader(letter),
      );
    options.push(text);
  }
  if (sheetRow.extraOptions.length > 0) {
    fail(
      null,
      `${MESSAGES.options} Dòng này có ${options.length + sheetRow.extraOptions.length} phương án.`,
      optionHeader('G'),
    );
  } else if (options.length < 2) {
    fail(
      null,
      `${MESSAGES.options} Dòng này có ${options.length} phương án.`,
      optionHeader(options.length === 0 ? 'A' : 'B'),
    );
  }

  const correct = new Set<number>();
  if (!cells.correct)
    fail('correct', 'Thiếu đáp án đúng: ghi chữ cái của phương án đúng (ví dụ: B).');
  else {
    const letters = cells.correct
      .toUpperCase()
      .split(/[\s,;/]+|(?<=[A-Z])(?=[A-Z])/)
      .filter(Boolean);
    for (const letter of letters) {
      const index = OPTION_LETTERS.indexOf(letter as (typeof OPTION_LETTERS)[number]);
      if (index < 0 || index >= options.length) {
        fail('correct', `Đáp án "${letter}" không khớp với phương án nào có nội dung.`);
      } else correct.add(index);
    }
    if (kind === 'single' && correct.size > 1)
      fail(
        'correct',
        `${MESSAGES.singleKey} Dòng này ghi ${correct.size} đáp án; nếu đúng như vậy, hãy chọn loại "${KIND_LABELS.multiple}".`,
      );
    if (letters.length === 0) fail('correct', 'Thiếu đáp án đúng.');
  }

  const explanation = cells.explanation ?? null;
  if (explanation && explanation.length > CONTEST_LIMITS.explanation)
    fail('explanation', `Giải thích dài tối đa ${vn(CONTEST_LIMITS.explanation)} ký tự.`);

  let difficulty = 2;
  if (cells.difficulty) {
    difficulty = Number(cells.difficulty.replace(',', '.'));
    if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > 5)
      fail('difficulty', 'Độ khó là số nguyên từ 1 đến 5.');
  }

  const tags = [
    ...new Set(
      (cells.tags ?? '')
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.length > CONTEST_LIMITS.tags) fail('tags', `Tối đa ${CONTEST_LIMITS.tags} thẻ.`);
  if (tags.some((t) => t.length > CONTEST_LIMITS.tag))
    fail('tags', `Mỗi thẻ dài tối đa ${CONTEST_LIMITS.tag} ký tự.`);

  if (problems.length > before || !categoryId || !kind || !cells.text) return null;
  return {
    categoryId,
    kind,
    text: cells.text,
    options: options.map((text, i) => ({ text, correct: correct.has(i) })),
    explanation,
    difficulty,
    tags,
  };
}

/** Every row checked; rows repeating an earlier question (same category and text) are named. */
export function validateQuestionRows(
  rows: SheetRow[],
  categoryPaths: Map<string, string>,
): { drafts: Draft[]; problems: ImportProblem[] } {
  // Folded path → id; null when two categories fold to the same path (ambiguous).
  const categories = new Map<string, string | null>();
  for (const [id, path] of categoryPaths) {
    const key = foldPath(path);
    categories.set(key, categories.has(key) ? null : id);
  }
  const problems: ImportProblem[] = [];
  const drafts: Draft[] = [];
  const firstRowOf = new Map<string, number>();
  for (const sheetRow of rows) {
    const input = checkRow(sheetRow, categories, problems);
    if (sheetRow.cells.category && sheetRow.cells.text) {
      const key = `${foldPath(sheetRow.cells.category)}|${foldForSearch(sheetRow.cells.text)}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        problems.push({
          row: sheetRow.row,
          column: HEADER.text,
          message: `Câu hỏi bị trùng ở dòng ${first} và dòng ${sheetRow.row} (cùng chủ đề, cùng nội dung).`,
        });
        continue;
      }
      firstRowOf.set(key, sheetRow.row);
    }
    if (input) drafts.push({ row: sheetRow.row, input });
  }
  return { drafts, problems };
}

/**
 * Imports a question sheet into a unit's bank: every row or none (one transaction). Problems
 * are reported as 422 import_failed with details.errors = [{ row, column, message }].
 */
export async function importQuestions(
  deps: AppDeps,
  actor: Actor,
  unitId: string,
  readUpload: () => Promise<Buffer>,
): Promise<{ imported: number }> {
  // Authorised before the upload is read into memory.
  await authorizeOnUnit(deps, actor, unitId, 'write');
  const rows = await readQuestionSheet(await readUpload());
  const paths = await loadCategoryPaths(deps.db, unitId);
  const { drafts, problems } = validateQuestionRows(rows, paths);
  if (problems.length > 0) throw importFailed(problems);
  await deps.db.transaction(async (tx) => {
    for (const draft of drafts) await insertQuestion(tx, actor.userId, unitId, draft.input);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest_question.import',
      entity: 'contest_question_import',
      entityId: randomUUID(),
      unitId,
      after: { count: drafts.length },
    });
  });
  clearPoolCache();
  return { imported: drafts.length };
}
