import {
  bigint,
  doublePrecision,
  integer,
  date,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Partial aggregates of indicator_values by province, kept by statement-level triggers on
 * indicator_values in the writing transaction (migration 0009), so they are never stale: the
 * central dashboard sums ~40 rows per province instead of millions of facts
 * (docs/decisions/0010-dashboard-rollups.md, rollup.province.ts). The province is the value's
 * province_unit_id (its unit's level-2 ancestor when written). Category and sex are '' for none.
 */
export const indicatorSums = pgTable(
  'indicator_sums',
  {
    provinceUnitId: uuid('province_unit_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    category: text('category').notNull(),
    sex: text('sex').notNull(),
    value: doublePrecision('value').notNull(),
    /** Sum of the non-null denominators; `denominators` counts them (0: the sum is null). */
    denominator: doublePrecision('denominator').notNull(),
    denominators: integer('denominators').notNull(),
    rows: integer('rows').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.indicatorCode, t.periodFrom, t.periodTo, t.provinceUnitId, t.category, t.sex],
    }),
  ],
);

/** How many distinct units have values of an indicator for a period, per province. */
export const indicatorPeriodUnits = pgTable(
  'indicator_period_units',
  {
    provinceUnitId: uuid('province_unit_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    units: integer('units').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.provinceUnitId, t.periodFrom, t.periodTo] })],
);

/** How many distinct units have values of an indicator (any period), per province. */
export const indicatorProvinceUnits = pgTable(
  'indicator_province_units',
  {
    provinceUnitId: uuid('province_unit_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    units: integer('units').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.provinceUnitId] })],
);

/** The units having values stamped with a province (and how many rows): where they stand now. */
export const indicatorStampUnits = pgTable(
  'indicator_stamp_units',
  {
    provinceUnitId: uuid('province_unit_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    rows: integer('rows').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceUnitId, t.unitId] })],
);

/**
 * One row of counters that statement-level triggers bump when what rollups cache changes
 * (migration 0013): `tree` on any write to unit_versions, `stamps` when a unit gains or loses a
 * stamp in indicator_stamp_units. A request reads the row and reuses what this process computed
 * for the same counters (rollup.cache.ts), so a cache is exact across processes.
 */
export const rollupRevisions = pgTable('rollup_revisions', {
  id: integer('id').primaryKey(),
  tree: bigint('tree', { mode: 'number' }).notNull(),
  stamps: bigint('stamps', { mode: 'number' }).notNull(),
});
