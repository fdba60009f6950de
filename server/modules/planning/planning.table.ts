import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '../org/index.ts';

/**
 * The programme backbone: plans with their targets and tasks, the indicator catalogue, what
 * units did (activities) and the indicator values they feed. Big fact tables (activities,
 * indicator_values) carry province_unit_id, the level-2 ancestor of their unit when written,
 * so they can later be distributed by province (docs/decisions/0004-planning-data-engine.md).
 */

/**
 * The catalogue. Definitions live in code (catalogue.ts and the computed-indicator registry);
 * ensureIndicatorCatalogue() upserts them at start-up so targets and values can reference codes.
 */
export const indicators = pgTable('indicators', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** Unit of measurement as written in plans: 'lớp', 'bài/tuần', '%'. */
  unitLabel: text('unit_label').notNull(),
  measure: text('measure').notNull(),
  periodType: text('period_type').notNull(),
  aggregation: text('aggregation').notNull(),
  accumulation: text('accumulation').notNull(),
  source: text('source').notNull(),
  byCategory: boolean('by_category').notNull(),
  bySex: boolean('by_sex').notNull(),
  numeratorLabel: text('numerator_label'),
  denominatorLabel: text('denominator_label'),
  /** Ratio whose denominator is another indicator's value (e.g. people counts). */
  denominatorIndicator: text('denominator_indicator'),
  /** share_of_units: { indicator, comparator, value, unitKinds }. */
  condition: jsonb('condition'),
  /** Which activities feed it: [{ kinds, count, when }]. */
  feed: jsonb('feed'),
  /** Where the indicator comes from (plan and article). */
  reference: text('reference'),
  sortOrder: integer('sort_order').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A plan or programme (Kế hoạch, Chương trình) issued by one unit. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    /** Official number and symbol, "20-KH/TĐTN-BTG"; required to issue. */
    number: text('number'),
    title: text('title').notNull(),
    issueDate: date('issue_date'),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    status: text('status').notNull(),
    /** { purpose, content, organisation }: blocks of runs (docs/decisions/0004). */
    body: jsonb('body').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_unit_idx').on(t.unitId, t.status),
    uniqueIndex('plans_unit_number_uq').on(t.unitId, t.number),
    check('plans_period_ck', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** "Căn cứ kế hoạch cấp trên": the plans a plan implements. */
export const planParents = pgTable(
  'plan_parents',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    parentPlanId: uuid('parent_plan_id')
      .notNull()
      .references(() => plans.id),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.parentPlanId] }),
    index('plan_parents_parent_idx').on(t.parentPlanId),
  ],
);

/** Chỉ tiêu: indicator, comparator and value over a period or up to a deadline. */
export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    comparator: text('comparator').notNull(),
    value: doublePrecision('value').notNull(),
    /** Person category the target is about; null for the whole population. */
    category: text('category'),
    /** A period key ('2023', '2023-Q2', '2023-2025'), or null when a deadline is given. */
    periodKey: text('period_key'),
    /** "Đến năm 2025": the window runs from the plan's first year to this date. */
    deadline: date('deadline'),
    appliesTo: text('applies_to').notNull(),
    /** each_of_kind: the unit kind. */
    appliesKind: text('applies_kind'),
    /** The parent plan's target this one derives from (may be stricter, never looser). */
    parentTargetId: uuid('parent_target_id'),
    /** The sentence as the plan words it. */
    label: text('label'),
    sortOrder: integer('sort_order').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('targets_plan_idx').on(t.planId, t.sortOrder),
    index('targets_parent_idx').on(t.parentTargetId),
    check('targets_period_ck', sql`(${t.periodKey} is null) <> (${t.deadline} is null)`),
  ],
);

/** Nhiệm vụ: work with a lead unit, a deadline (a period or "thường xuyên") and progress. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    /** A period key ('2023-Q2', '2023-03', '2023-06-30') or 'recurring'. */
    deadlineKey: text('deadline_key').notNull(),
    /** Last day of the deadline period; null for recurring work. */
    dueDate: date('due_date'),
    status: text('status').notNull(),
    evidence: text('evidence'),
    evidenceLinks: jsonb('evidence_links').notNull(),
    completedOn: date('completed_on'),
    parentTaskId: uuid('parent_task_id'),
    sortOrder: integer('sort_order').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_plan_idx').on(t.planId, t.sortOrder),
    index('tasks_lead_due_idx').on(t.leadUnitId, t.dueDate),
  ],
);

export const taskCooperators = pgTable(
  'task_cooperators',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] })],
);

/** What a unit did, with participants by category and sex, and evidence links. A fact table. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    provinceUnitId: uuid('province_unit_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    occurredOn: date('occurred_on').notNull(),
    /** [{ category, sex, count }]. */
    participants: jsonb('participants').notNull(),
    evidenceLinks: jsonb('evidence_links').notNull(),
    /** Indicators the unit says this activity serves (thematic ones count only when tagged). */
    indicatorCodes: jsonb('indicator_codes').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_unit_idx').on(t.unitId, t.occurredOn),
    index('activities_province_idx').on(t.provinceUnitId, t.occurredOn),
  ],
);

/**
 * Indicator values: entered directly by a unit for a period (activity_id null), or derived from
 * an activity in the same transaction (activity_id set). Rows are disjoint facts: a unit's value
 * is their sum (flow) or its latest period's rows (stock). A fact table.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    provinceUnitId: uuid('province_unit_id').notNull(),
    periodKey: text('period_key').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    category: text('category'),
    sex: text('sex'),
    value: doublePrecision('value').notNull(),
    denominator: doublePrecision('denominator'),
    /** Set for values derived from an activity (no foreign key: both tables get distributed). */
    activityId: uuid('activity_id'),
    enteredBy: uuid('entered_by'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('indicator_values_window_idx').on(t.indicatorCode, t.periodFrom, t.periodTo),
    // Covers a unit's facts (a province's rollup reads them unit by unit, rollup.facts.ts)
    // without visiting the heap, where one unit's rows lie on as many pages as it has rows.
    index('indicator_values_unit_idx').on(
      t.unitId,
      t.indicatorCode,
      t.periodTo,
      t.periodFrom,
      t.category,
      t.sex,
      t.value,
      t.denominator,
    ),
    index('indicator_values_province_idx').on(t.provinceUnitId, t.indicatorCode),
    index('indicator_values_activity_idx')
      .on(t.activityId)
      .where(sql`${t.activityId} is not null`),
    /** One direct entry per unit, indicator, period, category and sex. */
    uniqueIndex('indicator_values_direct_uq')
      .on(
        t.indicatorCode,
        t.unitId,
        t.periodKey,
        sql`coalesce(${t.category}, '')`,
        sql`coalesce(${t.sex}, '')`,
      )
      .where(sql`${t.activityId} is null`),
    check('indicator_values_period_ck', sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);
