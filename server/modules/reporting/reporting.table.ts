import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '../org/index.ts';
import { plans } from '../planning/index.ts';

/**
 * Reports owed on plans (docs/decisions/0005-report-model.md): a plan's report types say which
 * periods are reported, when they are due and which levels report; a report is one unit's for
 * one period, pre-filled from the live rollups and frozen when submitted.
 */

export const reportTypes = pgTable(
  'report_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Recurring types: 'H1', 'H2' or 'year' of each plan year; null for a thematic report. */
    periodSlot: text('period_slot'),
    dueMonth: integer('due_month'),
    dueDay: integer('due_day'),
    dueYearOffset: integer('due_year_offset').notNull().default(0),
    /** Thematic reports: the one period and its due date. */
    periodKey: text('period_key'),
    dueDate: date('due_date'),
    /** Unit kinds below the plan's unit that report (the plan's unit always does). */
    reporterKinds: jsonb('reporter_kinds').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_types_plan_idx').on(t.planId),
    check(
      'report_types_schedule_ck',
      sql`(${t.periodSlot} is not null and ${t.dueMonth} is not null and ${t.dueDay} is not null)
        <> (${t.periodKey} is not null and ${t.dueDate} is not null)`,
    ),
  ],
);

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportTypeId: uuid('report_type_id')
      .notNull()
      .references(() => reportTypes.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    periodKey: text('period_key').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    /** Number, place, date, header lines, recipients, signature (report.contracts.ts). */
    document: jsonb('document').notNull(),
    /** { results, shortcomings, nextSteps, proposals }: blocks of runs, as plan bodies. */
    body: jsonb('body').notNull(),
    /** The indicator table frozen at submission; null while a draft (then computed live). */
    snapshot: jsonb('snapshot'),
    snapshotAsOf: date('snapshot_as_of'),
    /** Timeliness is judged on the first submission; a return does not make it late. */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnComment: text('return_comment'),
    waiverReason: text('waiver_reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_type_unit_period_uq').on(t.reportTypeId, t.unitId, t.periodKey),
    index('reports_type_period_idx').on(t.reportTypeId, t.periodKey),
    index('reports_unit_idx').on(t.unitId),
  ],
);

/** One reminder per unit, report and day: what makes reminders idempotent. */
export const reportReminders = pgTable(
  'report_reminders',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportTypeId: uuid('report_type_id')
      .notNull()
      .references(() => reportTypes.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    periodKey: text('period_key').notNull(),
    day: date('day').notNull(),
    reason: text('reason').notNull(),
    emailTo: text('email_to'),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_reminders_uq').on(t.reportTypeId, t.unitId, t.periodKey, t.day)],
);
