import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { LessonBody, LessonView, UpdateLessonBody } from './courses.contracts.ts';
import { COURSE_LIMITS, MESSAGES } from './courses.contracts.ts';
import { toLesson } from './courses.presenter.ts';
import { authorizeEditable, lessonsOf } from './courses.scope.ts';
import { courseLessons, courses } from './courses.table.ts';

/**
 * Lessons of a course, in order. Positions are 1…n without gaps: adding appends, deleting and
 * reordering rewrite them in the same transaction (a course has at most 100 lessons). Lessons of
 * a published course stay editable: correcting a text changes nobody's completion.
 */

type LessonOut = z.infer<typeof LessonView>;

async function touch(tx: Db, courseId: string) {
  await tx.update(courses).set({ updatedAt: new Date() }).where(eq(courses.id, courseId));
}

async function renumber(tx: Db, ids: string[]) {
  for (const [i, id] of ids.entries()) {
    await tx
      .update(courseLessons)
      .set({ position: i + 1 })
      .where(eq(courseLessons.id, id));
  }
}

export async function addLesson(
  deps: AppDeps,
  actor: Actor,
  courseId: string,
  input: LessonBody,
): Promise<LessonOut> {
  const { course } = await authorizeEditable(deps, actor, courseId);
  return deps.db.transaction(async (tx) => {
    const existing = await lessonsOf(tx, courseId);
    if (existing.length >= COURSE_LIMITS.lessons) {
      throw new AppError('validation_failed', MESSAGES.tooManyLessons);
    }
    const [row] = await tx
      .insert(courseLessons)
      .values({
        courseId,
        position: existing.length + 1,
        title: input.title,
        body: input.body,
        images: input.images,
        videoUrl: input.videoUrl ?? null,
      })
      .returning();
    await touch(tx, courseId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course_lesson.create',
      entity: 'course_lesson',
      entityId: row!.id,
      unitId: course.unitId,
      after: toLesson(row!),
    });
    return toLesson(row!);
  });
}

async function findLesson(db: Db, courseId: string, lessonId: string) {
  const [row] = await db
    .select()
    .from(courseLessons)
    .where(and(eq(courseLessons.id, lessonId), eq(courseLessons.courseId, courseId)));
  if (!row) throw new AppError('not_found', MESSAGES.lessonMissing);
  return row;
}

export async function updateLesson(
  deps: AppDeps,
  actor: Actor,
  courseId: string,
  lessonId: string,
  input: UpdateLessonBody,
): Promise<LessonOut> {
  const { course } = await authorizeEditable(deps, actor, courseId);
  const before = await findLesson(deps.db, courseId, lessonId);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(courseLessons)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(courseLessons.id, lessonId))
      .returning();
    await touch(tx, courseId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course_lesson.update',
      entity: 'course_lesson',
      entityId: lessonId,
      unitId: course.unitId,
      before: toLesson(before),
      after: toLesson(row!),
    });
    return toLesson(row!);
  });
}

export async function deleteLesson(
  deps: AppDeps,
  actor: Actor,
  courseId: string,
  lessonId: string,
): Promise<void> {
  const { course } = await authorizeEditable(deps, actor, courseId);
  const before = await findLesson(deps.db, courseId, lessonId);
  await deps.db.transaction(async (tx) => {
    await tx.delete(courseLessons).where(eq(courseLessons.id, lessonId));
    const rest = await lessonsOf(tx, courseId);
    await renumber(
      tx,
      rest.map((l) => l.id),
    );
    await touch(tx, courseId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course_lesson.delete',
      entity: 'course_lesson',
      entityId: lessonId,
      unitId: course.unitId,
      before: toLesson(before),
    });
  });
}

/** The new order names every lesson of the course exactly once. */
export async function reorderLessons(
  deps: AppDeps,
  actor: Actor,
  courseId: string,
  lessonIds: string[],
): Promise<LessonOut[]> {
  const { course } = await authorizeEditable(deps, actor, courseId);
  const existing = await lessonsOf(deps.db, courseId);
  const known = new Set(existing.map((l) => l.id));
  const given = new Set(lessonIds);
  if (
    given.size !== lessonIds.length ||
    lessonIds.length !== existing.length ||
    lessonIds.some((id) => !known.has(id))
  ) {
    throw new AppError('validation_failed', MESSAGES.order);
  }
  return deps.db.transaction(async (tx) => {
    await renumber(tx, lessonIds);
    await touch(tx, courseId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course_lesson.reorder',
      entity: 'course',
      entityId: courseId,
      unitId: course.unitId,
      before: { lessonIds: existing.map((l) => l.id) },
      after: { lessonIds },
    });
    return (await lessonsOf(tx, courseId)).map(toLesson);
  });
}
