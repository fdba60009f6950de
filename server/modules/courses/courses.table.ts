import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { contests } from '../contests/index.ts';
import { units } from '../org/index.ts';
import type { PlanBlockType } from '../../../common/planning.ts';

/**
 * Online courses (docs/decisions/0013-courses.md): ordered lessons and a final test that is a
 * contest of kind 'course_test' with one round. Completion is not stored: it is read from the
 * test's attempts (score ≥ pass mark), so it can never disagree with them.
 */

export type CourseTopic = 'political_theory' | 'other';
export type CourseStatus = 'draft' | 'published' | 'closed';
export type LessonImage = { url: string; alt: string };
/** A block of formatted text, as in plans' body sections (docs/decisions/0004). */
export type LessonBlock = {
  type: PlanBlockType;
  runs: { text: string; bold?: boolean; italic?: boolean }[];
};

export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organiser: its editors manage the course; its subtree is the members' audience. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** 'political_theory' courses feed the new-members indicator (seed 001, target 3). */
    topic: text('topic').$type<CourseTopic>().notNull().default('other'),
    audience: text('audience').$type<'public' | 'members'>().notNull().default('public'),
    status: text('status').$type<CourseStatus>().notNull().default('draft'),
    /** Percent of the test's maximum score a learner needs to complete the course. */
    passMark: doublePrecision('pass_mark').notNull().default(80),
    /** The place printed on certificates ("Hà Nội"); null: the course issues none. */
    certificatePlace: text('certificate_place'),
    contestId: uuid('contest_id').references(() => contests.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('courses_unit_idx').on(t.unitId), index('courses_contest_idx').on(t.contestId)],
);

export const courseLessons = pgTable(
  'course_lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    /** 1, 2, 3… without gaps; rewritten whole on reorder and delete. */
    position: integer('position').notNull(),
    title: text('title').notNull(),
    body: jsonb('body').$type<LessonBlock[]>().notNull().default([]),
    images: jsonb('images').$type<LessonImage[]>().notNull().default([]),
    videoUrl: text('video_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('course_lessons_course_idx').on(t.courseId, t.position)],
);

export type CourseRow = typeof courses.$inferSelect;
export type LessonRow = typeof courseLessons.$inferSelect;
