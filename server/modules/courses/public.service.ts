import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { findCertificatesOf, issueCertificates } from '../certificates/index.ts';
import { contestRounds, loadContest, participantOf } from '../contests/index.ts';
import { formatNumber } from '../../../common/format.ts';
import { learnersOf } from './completion.service.ts';
import type { CompletionStatus, PublicCourseResponse } from './courses.contracts.ts';
import { MESSAGES } from './courses.contracts.ts';
import { toLesson } from './courses.presenter.ts';
import { findLatestVersion } from './courses.paths.ts';
import { lessonsOf } from './courses.scope.ts';
import type { CourseRow } from './courses.table.ts';
import { courses } from './courses.table.ts';

/** The learner's side: a published course, their completion, their certificate. No account. */

export const COURSE_SOURCE = 'course';

export async function publicCourse(
  deps: AppDeps,
  courseId: string,
): Promise<z.infer<typeof PublicCourseResponse>> {
  const [course] = await deps.db
    .select()
    .from(courses)
    .where(and(eq(courses.id, courseId), eq(courses.status, 'published')));
  // A draft or closed course is as unknown as a missing one.
  if (!course) throw new AppError('not_found', MESSAGES.courseMissing);
  const lessons = await lessonsOf(deps.db, courseId);
  const organiser = await findLatestVersion(deps.db, course.unitId);
  let test: z.infer<typeof PublicCourseResponse>['course']['test'] = null;
  if (course.contestId) {
    const contest = await loadContest(deps.db, course.contestId);
    const [round] = await deps.db
      .select()
      .from(contestRounds)
      .where(eq(contestRounds.contestId, contest.id));
    test = {
      contestId: contest.id,
      questionCount: contest.quotas.reduce((sum, q) => sum + q.count, 0),
      timeLimitSeconds: contest.timeLimitSeconds,
      opensAt: round?.opensAt.toISOString() ?? null,
      closesAt: round?.closesAt.toISOString() ?? null,
    };
  }
  return {
    course: {
      id: course.id,
      title: course.title,
      description: course.description,
      organiser: organiser?.name ?? '',
      audience: course.audience,
      passMark: course.passMark,
      issuesCertificates: course.certificatePlace !== null,
      lessons: lessons.map(toLesson),
      test,
    },
  };
}

/** The course whose final test this contest is (published or closed: completions stay). */
async function courseOfTest(deps: AppDeps, contestId: string): Promise<CourseRow> {
  const [course] = await deps.db.select().from(courses).where(eq(courses.contestId, contestId));
  if (!course || course.status === 'draft') {
    throw new AppError('not_found', MESSAGES.notCourseTest);
  }
  return course;
}

/** Read with the test's participant cookie; without one (or a stale one): not registered. */
export async function learnerStatus(
  deps: AppDeps,
  contestId: string,
  token: string | undefined,
): Promise<CompletionStatus> {
  const course = await courseOfTest(deps, contestId);
  const base = {
    courseId: course.id,
    passMark: course.passMark,
    registered: false,
    attempts: 0,
    bestPercent: null,
    completed: false,
    completedAt: null,
    certificate: null,
  };
  let participantId: string;
  try {
    participantId = (await participantOf(deps, contestId, token)).id;
  } catch {
    return base;
  }
  const [learner] = await learnersOf(deps.db, contestId, course.passMark, participantId);
  if (!learner) return { ...base, registered: true };
  const [certificate] = await findCertificatesOf(deps.db, { kind: COURSE_SOURCE, id: course.id }, [
    participantId,
  ]);
  const completedAt = learner.completed_at ? new Date(learner.completed_at) : null;
  return {
    ...base,
    registered: true,
    attempts: await attemptCount(deps, participantId),
    bestPercent: Number(learner.best_percent),
    completed: completedAt !== null,
    completedAt: completedAt?.toISOString() ?? null,
    certificate: certificate
      ? { code: certificate.code, downloadPath: certificate.downloadPath }
      : null,
  };
}

async function attemptCount(deps: AppDeps, participantId: string): Promise<number> {
  const result: unknown = await deps.db.execute(
    sql`select count(*)::int as n from contest_attempts
      where participant_id = ${participantId} and status <> 'active'`,
  );
  return Number((result as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

/** Vietnam's date of an instant (certificates print the day the learner passed). */
const vietnamDate = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * The learner's certificate, issued on request once they completed (by the system, for the
 * organiser unit); asking again returns the same certificate.
 */
export async function issueLearnerCertificate(
  deps: AppDeps,
  contestId: string,
  token: string | undefined,
) {
  const course = await courseOfTest(deps, contestId);
  const participant = await participantOf(deps, contestId, token);
  if (!course.certificatePlace) throw new AppError('invalid_state', MESSAGES.noCertificate);
  const [learner] = await learnersOf(deps.db, contestId, course.passMark, participant.id);
  if (!learner?.completed_at) throw new AppError('invalid_state', MESSAGES.notCompleted);
  const [issued] = await deps.db.transaction((tx) =>
    issueCertificates(
      tx,
      {
        source: { kind: COURSE_SOURCE, id: course.id },
        unitId: course.unitId,
        title: course.title,
        issuedOn: vietnamDate(new Date(learner.completed_at!)),
        place: course.certificatePlace!,
        holders: [
          {
            ref: participant.id,
            name: participant.fullName,
            result: `Hoàn thành khoá học, đạt ${formatNumber(Math.round(Number(learner.best_percent) * 10) / 10)}%`,
          },
        ],
      },
      { userId: null },
    ),
  );
  return { certificate: issued! };
}
