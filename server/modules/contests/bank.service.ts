import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type {
  Category,
  CreateQuestionBody,
  QuestionContent,
  QuestionView,
} from './contests.contracts.ts';
import { MESSAGES } from './contests.contracts.ts';
import { authorizeOnUnit } from './contests.scope.ts';
import type { QuestionVersionRow } from './contests.table.ts';
import { questionCategories, questions, questionVersions } from './contests.table.ts';
import { clearPoolCache } from './pool.cache.ts';

type CategoryView = z.infer<typeof Category>;
type QuestionOut = z.infer<typeof QuestionView>;

const toCategory = (row: typeof questionCategories.$inferSelect): CategoryView => ({
  id: row.id,
  unitId: row.unitId,
  parentId: row.parentId,
  name: row.name,
});

export async function listCategories(deps: AppDeps, actor: Actor, unitId: string) {
  await authorizeOnUnit(deps, actor, unitId, 'read');
  const rows = await deps.db
    .select()
    .from(questionCategories)
    .where(eq(questionCategories.unitId, unitId))
    .orderBy(asc(questionCategories.name), asc(questionCategories.id));
  return rows.map(toCategory);
}

async function loadCategory(db: Db, id: string) {
  const [row] = await db.select().from(questionCategories).where(eq(questionCategories.id, id));
  if (!row) throw new AppError('not_found', MESSAGES.categoryMissing);
  return row;
}

export async function createCategory(
  deps: AppDeps,
  actor: Actor,
  input: { unitId: string; parentId?: string | null; name: string },
): Promise<CategoryView> {
  await authorizeOnUnit(deps, actor, input.unitId, 'write');
  return deps.db.transaction(async (tx) => {
    if (input.parentId) {
      const parent = await loadCategory(tx, input.parentId).catch(() => null);
      if (!parent || parent.unitId !== input.unitId) {
        throw new AppError('validation_failed', MESSAGES.categoryParent);
      }
    }
    const [row] = await tx
      .insert(questionCategories)
      .values({ unitId: input.unitId, parentId: input.parentId ?? null, name: input.name })
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest_category.create',
      entity: 'contest_category',
      entityId: row!.id,
      unitId: input.unitId,
      after: { name: row!.name, parentId: row!.parentId },
    });
    return toCategory(row!);
  });
}

export async function renameCategory(
  deps: AppDeps,
  actor: Actor,
  id: string,
  name: string,
): Promise<CategoryView> {
  const before = await loadCategory(deps.db, id);
  await authorizeOnUnit(deps, actor, before.unitId, 'write');
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(questionCategories)
      .set({ name })
      .where(eq(questionCategories.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest_category.rename',
      entity: 'contest_category',
      entityId: id,
      unitId: before.unitId,
      before: { name: before.name },
      after: { name },
    });
    return toCategory(row!);
  });
}

// --- Questions ------------------------------------------------------------------------------

const optionId = () => randomBytes(6).toString('base64url');

function versionValues(content: QuestionContent) {
  const options = content.options.map((o) => ({ id: optionId(), text: o.text }));
  return {
    kind: content.kind,
    text: content.text,
    options,
    correctOptionIds: options.filter((_, i) => content.options[i]!.correct).map((o) => o.id),
    explanation: content.explanation ?? null,
    difficulty: content.difficulty ?? 2,
    tags: content.tags ?? [],
    keepOptionOrder: content.keepOptionOrder ?? false,
  };
}

function toQuestion(
  question: typeof questions.$inferSelect,
  version: QuestionVersionRow,
): QuestionOut {
  const correct = new Set(version.correctOptionIds);
  return {
    id: question.id,
    categoryId: question.categoryId,
    archived: question.archived,
    versionId: version.id,
    version: version.version,
    locked: version.lockedAt !== null,
    kind: version.kind,
    text: version.text,
    options: version.options.map((o) => ({ id: o.id, text: o.text, correct: correct.has(o.id) })),
    explanation: version.explanation,
    difficulty: version.difficulty,
    tags: version.tags,
    keepOptionOrder: version.keepOptionOrder,
  };
}

async function loadQuestion(db: Db, id: string) {
  const [row] = await db
    .select({ question: questions, version: questionVersions })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(eq(questions.id, id));
  if (!row) throw new AppError('not_found', MESSAGES.questionMissing);
  return row;
}

export async function listQuestions(
  deps: AppDeps,
  actor: Actor,
  query: { unitId: string; categoryId?: string },
): Promise<QuestionOut[]> {
  await authorizeOnUnit(deps, actor, query.unitId, 'read');
  const rows = await deps.db
    .select({ question: questions, version: questionVersions })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(
      and(
        eq(questions.unitId, query.unitId),
        query.categoryId ? eq(questions.categoryId, query.categoryId) : undefined,
      ),
    )
    .orderBy(asc(questions.createdAt), asc(questions.id));
  return rows.map((r) => toQuestion(r.question, r.version));
}

export async function getQuestion(deps: AppDeps, actor: Actor, id: string): Promise<QuestionOut> {
  const row = await loadQuestion(deps.db, id);
  await authorizeOnUnit(deps, actor, row.question.unitId, 'read');
  return toQuestion(row.question, row.version);
}

/** Inside the caller's transaction (the XLSX import writes many). */
export async function insertQuestion(
  tx: Db,
  actorId: string | null,
  unitId: string,
  input: CreateQuestionBody,
): Promise<QuestionOut> {
  const [question] = await tx
    .insert(questions)
    .values({ unitId, categoryId: input.categoryId })
    .returning();
  const [version] = await tx
    .insert(questionVersions)
    .values({ questionId: question!.id, version: 1, ...versionValues(input) })
    .returning();
  const [updated] = await tx
    .update(questions)
    .set({ currentVersionId: version!.id })
    .where(eq(questions.id, question!.id))
    .returning();
  await recordAudit(tx, {
    actorId,
    action: 'contest_question.create',
    entity: 'contest_question',
    entityId: question!.id,
    unitId,
    after: { versionId: version!.id, text: version!.text },
  });
  return toQuestion(updated!, version!);
}

async function checkCategoryOf(db: Db, categoryId: string, unitId: string): Promise<void> {
  const category = await loadCategory(db, categoryId).catch(() => null);
  if (!category || category.unitId !== unitId) {
    throw new AppError('validation_failed', MESSAGES.categoryMissing);
  }
}

export async function createQuestion(
  deps: AppDeps,
  actor: Actor,
  unitId: string,
  input: CreateQuestionBody,
): Promise<QuestionOut> {
  await authorizeOnUnit(deps, actor, unitId, 'write');
  await checkCategoryOf(deps.db, input.categoryId, unitId);
  const out = await deps.db.transaction((tx) => insertQuestion(tx, actor.userId, unitId, input));
  clearPoolCache();
  return out;
}

/**
 * Edits a question. A version that has entered a question pool is locked: the edit becomes a new
 * version (attempts keep the one they saw); an unused version is edited in place.
 */
export async function updateQuestion(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: CreateQuestionBody,
): Promise<QuestionOut> {
  const current = await loadQuestion(deps.db, id);
  const unitId = current.question.unitId;
  await authorizeOnUnit(deps, actor, unitId, 'write');
  await checkCategoryOf(deps.db, input.categoryId, unitId);
  const out = await deps.db.transaction(async (tx) => {
    const values = versionValues(input);
    // Atomic with the pool's lock: only a version still unlocked is edited in place.
    let [version] = await tx
      .update(questionVersions)
      .set(values)
      .where(and(eq(questionVersions.id, current.version.id), isNull(questionVersions.lockedAt)))
      .returning();
    if (!version) {
      [version] = await tx
        .insert(questionVersions)
        .values({
          questionId: id,
          version: sql`(select coalesce(max(version), 0) + 1 from contest_question_versions where question_id = ${id})`,
          ...values,
        })
        .returning();
    }
    const [question] = await tx
      .update(questions)
      .set({ currentVersionId: version!.id, categoryId: input.categoryId })
      .where(eq(questions.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest_question.update',
      entity: 'contest_question',
      entityId: id,
      unitId,
      before: { versionId: current.version.id, text: current.version.text },
      after: { versionId: version!.id, text: version!.text, newVersion: version!.version },
    });
    return toQuestion(question!, version!);
  });
  clearPoolCache();
  return out;
}

export async function archiveQuestion(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<QuestionOut> {
  const current = await loadQuestion(deps.db, id);
  await authorizeOnUnit(deps, actor, current.question.unitId, 'write');
  const out = await deps.db.transaction(async (tx) => {
    const [question] = await tx
      .update(questions)
      .set({ archived: true })
      .where(eq(questions.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest_question.archive',
      entity: 'contest_question',
      entityId: id,
      unitId: current.question.unitId,
    });
    return toQuestion(question!, current.version);
  });
  clearPoolCache();
  return out;
}
