import { count, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { currentInstant } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import {
  addRound,
  clearPoolCache,
  createContest,
  getContest,
  getReadiness,
  publishContest,
  updateContest,
  updateRound,
} from '../contests/index.ts';
import type {
  AttachTestBody,
  CourseView,
  CreateCourseBody,
  UpdateCourseBody,
} from './courses.contracts.ts';
import { MESSAGES } from './courses.contracts.ts';
import { coursePolicy } from './courses.policy.ts';
import { toLesson, toSummary, toTest } from './courses.presenter.ts';
import { authorizeCourse, authorizeEditable, authorizeOnUnit, lessonsOf } from './courses.scope.ts';
import type { CourseRow } from './courses.table.ts';
import { courseLessons, courses } from './courses.table.ts';

/**
 * Courses: create and edit, attach the final test (a 'course_test' contest made through the
 * contests module's own services, inside this transaction), publish, close.
 */

export async function createCourse(deps: AppDeps, actor: Actor, input: CreateCourseBody) {
  await authorizeOnUnit(deps, actor, input.unitId, 'write');
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(courses)
      .values({
        unitId: input.unitId,
        title: input.title,
        description: input.description ?? '',
        topic: input.topic ?? 'other',
        audience: input.audience ?? 'public',
        passMark: input.passMark ?? 80,
        certificatePlace: input.certificatePlace ?? null,
      })
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course.create',
      entity: 'course',
      entityId: row!.id,
      unitId: input.unitId,
      after: input,
    });
    return toSummary(row!, 0);
  });
}

export async function listCourses(deps: AppDeps, actor: Actor, unitId: string) {
  await authorizeOnUnit(deps, actor, unitId, 'read');
  const rows = await deps.db
    .select()
    .from(courses)
    .where(eq(courses.unitId, unitId))
    .orderBy(desc(courses.createdAt));
  const counts =
    rows.length === 0
      ? []
      : await deps.db
          .select({ courseId: courseLessons.courseId, n: count() })
          .from(courseLessons)
          .where(
            inArray(
              courseLessons.courseId,
              rows.map((r) => r.id),
            ),
          )
          .groupBy(courseLessons.courseId);
  const countOf = new Map(counts.map((c) => [c.courseId, Number(c.n)]));
  return rows.map((r) => toSummary(r, countOf.get(r.id) ?? 0));
}

export async function courseView(
  deps: AppDeps,
  actor: Actor,
  course: CourseRow,
  unitPath: string,
): Promise<CourseView> {
  const lessons = await lessonsOf(deps.db, course.id);
  const test = course.contestId ? toTest(await getContest(deps, actor, course.contestId)) : null;
  return {
    ...toSummary(course, lessons.length),
    lessons: lessons.map(toLesson),
    test,
    abilities: {
      write: course.status !== 'closed' && coursePolicy.can(actor, 'write', unitPath),
      publish: course.status === 'draft' && coursePolicy.can(actor, 'publish', unitPath),
    },
  };
}

export async function getCourse(deps: AppDeps, actor: Actor, id: string): Promise<CourseView> {
  const { course, unit } = await authorizeCourse(deps, actor, id, 'read');
  return courseView(deps, actor, course, unit.path);
}

/** What decides completion (pass mark) or who may learn (audience) is fixed at publish. */
const STRUCTURAL: (keyof UpdateCourseBody)[] = ['passMark', 'audience'];

export async function updateCourse(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateCourseBody,
): Promise<CourseView> {
  const { course, unit } = await authorizeEditable(deps, actor, id);
  if (course.status !== 'draft' && STRUCTURAL.some((k) => input[k] !== undefined)) {
    throw new AppError('invalid_state', MESSAGES.notDraft);
  }
  const row = await deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    const [updated] = await tx
      .update(courses)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(courses.id, id))
      .returning();
    // The test's audience and title follow the course's.
    if (course.contestId && (input.audience !== undefined || input.title !== undefined)) {
      await updateContest(txDeps, actor, course.contestId, {
        ...(input.title !== undefined ? { title: testTitle(input.title) } : {}),
        ...(input.audience !== undefined ? { audience: input.audience } : {}),
      });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course.update',
      entity: 'course',
      entityId: id,
      unitId: course.unitId,
      before: Object.fromEntries(Object.keys(input).map((k) => [k, course[k as keyof CourseRow]])),
      after: input,
    });
    return updated!;
  });
  return courseView(deps, actor, row, unit.path);
}

const testTitle = (title: string) => `Bài kiểm tra cuối khoá: ${title}`.slice(0, 300);

/**
 * Creates the course's final test, or replaces its settings while both are drafts. Scores show
 * right after submission (the learner must know whether they passed); one round is the window.
 */
export async function attachTest(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: AttachTestBody,
): Promise<CourseView> {
  const { course, unit } = await authorizeEditable(deps, actor, id);
  if (course.status !== 'draft') throw new AppError('invalid_state', MESSAGES.notDraft);
  if (new Date(input.closesAt) <= new Date(input.opensAt)) {
    throw new AppError('validation_failed', MESSAGES.testWindow);
  }
  const settings = {
    title: testTitle(course.title),
    audience: course.audience,
    reviewPolicy: 'score_after_submit',
    timeLimitKind: input.timeLimitSeconds ? 'per_attempt' : 'none',
    timeLimitSeconds: input.timeLimitSeconds ?? null,
    attemptsPerRound: input.attemptsAllowed === undefined ? 3 : input.attemptsAllowed,
    partialCredit: 'none',
    quotas: input.quotas,
  } as const;
  const round = {
    number: 1,
    topic: course.title.slice(0, 300),
    opensAt: input.opensAt,
    closesAt: input.closesAt,
  };
  const row = await deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    let contestId = course.contestId;
    if (contestId) {
      const existing = await getContest(txDeps, actor, contestId);
      if (existing.status !== 'draft') throw new AppError('invalid_state', MESSAGES.testLocked);
      await updateContest(txDeps, actor, contestId, settings);
      const first = existing.rounds[0];
      if (first) await updateRound(txDeps, actor, contestId, first.id, round);
      else await addRound(txDeps, actor, contestId, round);
    } else {
      const created = await createContest(txDeps, actor, {
        unitId: course.unitId,
        kind: 'course_test',
        ...settings,
      });
      contestId = created.id;
      await addRound(txDeps, actor, contestId, round);
    }
    const [updated] = await tx
      .update(courses)
      .set({ contestId, updatedAt: new Date() })
      .where(eq(courses.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course.attach_test',
      entity: 'course',
      entityId: id,
      unitId: course.unitId,
      after: { contestId, ...input },
    });
    return updated!;
  });
  return courseView(deps, actor, row, unit.path);
}

/** Publishes the test (its readiness decides) and the course together, or neither. */
export async function publishCourse(deps: AppDeps, actor: Actor, id: string): Promise<CourseView> {
  const { course, unit } = await authorizeCourse(deps, actor, id, 'publish');
  if (course.status !== 'draft') throw new AppError('invalid_state', MESSAGES.notDraft);
  if ((await lessonsOf(deps.db, id)).length === 0) {
    throw new AppError('invalid_state', MESSAGES.noLessons);
  }
  if (!course.contestId) throw new AppError('invalid_state', MESSAGES.noTest);
  const readiness = await getReadiness(deps, actor, course.contestId);
  if (!readiness.ready) {
    throw new AppError('invalid_state', MESSAGES.testNotReady, { problems: readiness.problems });
  }
  const row = await deps.db.transaction(async (tx) => {
    const contest = await getContest({ ...deps, db: tx }, actor, course.contestId!);
    if (contest.status === 'draft') await publishContest({ ...deps, db: tx }, actor, contest.id);
    const now = currentInstant(deps);
    const [updated] = await tx
      .update(courses)
      .set({ status: 'published', publishedAt: now, updatedAt: now })
      .where(eq(courses.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course.publish',
      entity: 'course',
      entityId: id,
      unitId: course.unitId,
    });
    return updated!;
  });
  // The contests module cleared its cache inside this transaction; a request in between may
  // have cached the test as unpublished.
  clearPoolCache();
  return courseView(deps, actor, row, unit.path);
}

/** Closing hides the course from learners; completions already earned stay (they are attempts). */
export async function closeCourse(deps: AppDeps, actor: Actor, id: string): Promise<CourseView> {
  const { course, unit } = await authorizeCourse(deps, actor, id, 'publish');
  if (course.status !== 'published') throw new AppError('invalid_state', MESSAGES.notPublished);
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(courses)
      .set({ status: 'closed', updatedAt: new Date() })
      .where(eq(courses.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course.close',
      entity: 'course',
      entityId: id,
      unitId: course.unitId,
    });
    return updated!;
  });
  return courseView(deps, actor, row, unit.path);
}
