import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { UnitAsOf } from '../org/index.ts';
import { findLatestVersion } from '../org/index.ts';
import { MESSAGES } from './courses.contracts.ts';
import type { CourseAction } from './courses.policy.ts';
import { coursePolicy } from './courses.policy.ts';
import type { CourseRow, LessonRow } from './courses.table.ts';
import { courseLessons, courses } from './courses.table.ts';

/** The unit (its latest shape) after authorising `action` on it; 404 when missing or outside. */
export async function authorizeOnUnit(
  deps: AppDeps,
  actor: Actor,
  unitId: string,
  action: CourseAction,
): Promise<UnitAsOf> {
  const unit = await findLatestVersion(deps.db, unitId);
  if (!unit) throw new AppError('not_found');
  coursePolicy.authorize(actor, action, unit.path);
  return unit;
}

export async function loadCourse(db: Db, id: string): Promise<CourseRow> {
  const [row] = await db.select().from(courses).where(eq(courses.id, id));
  if (!row) throw new AppError('not_found', MESSAGES.courseMissing);
  return row;
}

/** The course after authorising `action` on its organiser (404 outside, 403 too weak). */
export async function authorizeCourse(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action: CourseAction,
): Promise<{ course: CourseRow; unit: UnitAsOf }> {
  const course = await loadCourse(deps.db, id);
  const unit = await authorizeOnUnit(deps, actor, course.unitId, action);
  return { course, unit };
}

/** A course that may still be edited (a closed course is an archive). */
export async function authorizeEditable(deps: AppDeps, actor: Actor, id: string) {
  const found = await authorizeCourse(deps, actor, id, 'write');
  if (found.course.status === 'closed') throw new AppError('invalid_state', MESSAGES.closed);
  return found;
}

export async function lessonsOf(db: Db, courseId: string): Promise<LessonRow[]> {
  return db
    .select()
    .from(courseLessons)
    .where(eq(courseLessons.courseId, courseId))
    .orderBy(asc(courseLessons.position));
}
