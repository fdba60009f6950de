import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '../org/index.ts';

/**
 * Contests and course final tests (docs/decisions/0008-contest-engine.md). One engine: a contest
 * of kind 'course_test' is a quiz with one round that a course module opens for its learners.
 *
 * The question bank belongs to a unit (the organiser). A question's text, options and key live in
 * immutable versions once used: attempts name the version they saw, so editing a question after
 * a round never changes what an old attempt was scored on.
 */

export const questionCategories = pgTable(
  'contest_question_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contest_question_categories_unit_idx').on(t.unitId)],
);

export const questions = pgTable(
  'contest_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => questionCategories.id),
    /** The version new attempts draw. */
    currentVersionId: uuid('current_version_id'),
    archived: boolean('archived').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contest_questions_category_idx').on(t.categoryId)],
);

export type QuestionOption = { id: string; text: string };

export const questionVersions = pgTable(
  'contest_question_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id),
    version: integer('version').notNull(),
    kind: text('kind').$type<'single' | 'multiple'>().notNull(),
    text: text('text').notNull(),
    options: jsonb('options').$type<QuestionOption[]>().notNull(),
    correctOptionIds: jsonb('correct_option_ids').$type<string[]>().notNull(),
    explanation: text('explanation'),
    difficulty: smallint('difficulty').notNull().default(2),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    keepOptionOrder: boolean('keep_option_order').notNull().default(false),
    /** Set when the version first enters a question pool; a locked version is never edited. */
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contest_question_versions_uq').on(t.questionId, t.version)],
);

export type CategoryQuotaRow = { categoryId: string; count: number };
export type PrizeTierRow = { prize: string; count: number };

export const contests = pgTable(
  'contests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<'contest' | 'course_test'>().notNull().default('contest'),
    title: text('title').notNull(),
    rules: text('rules').notNull().default(''),
    audience: text('audience').$type<'public' | 'members'>().notNull().default('public'),
    /** For audience 'members': the subtree whose members may take part (default the organiser). */
    audienceUnitId: uuid('audience_unit_id').references(() => units.id),
    reviewPolicy: text('review_policy')
      .$type<'after_round' | 'score_after_submit' | 'full_after_submit'>()
      .notNull()
      .default('after_round'),
    timeLimitKind: text('time_limit_kind')
      .$type<'none' | 'per_attempt' | 'per_question'>()
      .notNull()
      .default('per_attempt'),
    timeLimitSeconds: integer('time_limit_seconds'),
    graceMs: integer('grace_ms').notNull().default(5000),
    /** null = unlimited. */
    attemptsPerRound: integer('attempts_per_round'),
    timeMode: text('time_mode')
      .$type<'since_round_start' | 'duration'>()
      .notNull()
      .default('duration'),
    partialCredit: text('partial_credit')
      .$type<'none' | 'proportional'>()
      .notNull()
      .default('none'),
    quotas: jsonb('quotas').$type<CategoryQuotaRow[]>().notNull().default([]),
    prizeLadder: jsonb('prize_ladder').$type<PrizeTierRow[]>().notNull().default([]),
    hasPrediction: boolean('has_prediction').notNull().default(false),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contests_unit_idx').on(t.unitId)],
);

export const contestRounds = pgTable(
  'contest_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    number: integer('number').notNull(),
    topic: text('topic').notNull().default(''),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Frozen at close: people whose best attempt has every answer right. */
    trueCount: integer('true_count'),
    participantCount: integer('participant_count'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('contest_rounds_number_uq').on(t.contestId, t.number)],
);

export const contestParticipants = pgTable(
  'contest_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    fullName: text('full_name').notNull(),
    /** Normalised: 10 digits starting with 0. */
    phone: text('phone').notNull(),
    birthYear: integer('birth_year').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    unitText: text('unit_text'),
    idNumber: text('id_number'),
    /** The member record matched by phone or ID number at registration. */
    personId: uuid('person_id'),
    tokenHash: text('token_hash').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    uniqueIndex('contest_participants_phone_uq').on(t.contestId, t.phone),
    uniqueIndex('contest_participants_token_uq').on(t.tokenHash),
    index('contest_participants_person_idx').on(t.personId),
  ],
);

/** One drawn question of an attempt: the version and the option order it was shown in. */
export type AttemptQuestion = { v: string; o: string[] };
/** One recorded answer: question version, chosen options, server instant (epoch ms). */
export type AttemptAnswer = { q: string; o: string[]; t: number };

export const contestAttempts = pgTable(
  'contest_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contestId: uuid('contest_id').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => contestRounds.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => contestParticipants.id),
    seed: integer('seed').notNull(),
    questions: jsonb('questions').$type<AttemptQuestion[]>().notNull(),
    answers: jsonb('answers').$type<AttemptAnswer[]>().notNull().default([]),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true, precision: 3 }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }),
    /** The instant that ranks: the submission, or the deadline when that came first. */
    effectiveSubmittedAt: timestamp('effective_submitted_at', { withTimezone: true, precision: 3 }),
    status: text('status').$type<'active' | 'on_time' | 'late' | 'expired'>().notNull(),
    score: doublePrecision('score'),
    maxScore: doublePrecision('max_score'),
    correctCount: integer('correct_count'),
    isAllCorrect: boolean('is_all_correct'),
    /** Per drawn question (in order): fully correct — for review and question statistics. */
    correct: jsonb('correct').$type<boolean[]>(),
    durationMs: integer('duration_ms'),
    prediction: integer('prediction'),
  },
  (t) => [
    index('contest_attempts_round_participant_idx').on(t.roundId, t.participantId),
    uniqueIndex('contest_attempts_one_active_uq')
      .on(t.participantId)
      .where(sql`status = 'active'`),
  ],
);

export const contestRoundResults = pgTable(
  'contest_round_results',
  {
    // No foreign keys: the rows are derived, written by closeRound in one statement from
    // participants and a round read in the same transaction, and neither is ever deleted.
    // Checking 2 × 400,000 references took about 40 % of ranking a national round.
    roundId: uuid('round_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    attemptId: uuid('attempt_id').notNull(),
    rank: integer('rank').notNull(),
    score: doublePrecision('score').notNull(),
    predictionDistance: doublePrecision('prediction_distance'),
    timeMs: integer('time_ms').notNull(),
    tiedWithPrevious: boolean('tied_with_previous').notNull(),
    prize: text('prize'),
  },
  (t) => [
    uniqueIndex('contest_round_results_uq').on(t.roundId, t.participantId),
    index('contest_round_results_rank_idx').on(t.roundId, t.rank),
  ],
);

export type ContestRow = typeof contests.$inferSelect;
export type RoundRow = typeof contestRounds.$inferSelect;
export type ParticipantRow = typeof contestParticipants.$inferSelect;
export type AttemptRow = typeof contestAttempts.$inferSelect;
export type QuestionVersionRow = typeof questionVersions.$inferSelect;
