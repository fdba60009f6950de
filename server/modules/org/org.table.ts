import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ltree } from '../../kernel/db/ltree.ts';

/**
 * A unit's identity and its non-temporal attributes. Everything that restructuring changes
 * (name, kind, parent, place in the tree) lives in unit_versions, one row per interval.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Source of the unit's ltree label ('u' + seq); never reused. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    code: text('code').notNull(),
    wing: text('wing').notNull(),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    /** First day the unit exists. */
    establishedOn: date('established_on').notNull(),
    /** First day the unit no longer exists (merged, split or closed); null while it exists. */
    closedOn: date('closed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_code_uq').on(t.code), uniqueIndex('units_seq_uq').on(t.seq)],
);

/**
 * The effective-dated shape of the tree. A version holds for [valid_from, valid_to);
 * valid_to null means "until further notice". Restructuring closes open versions and opens
 * new ones; it never edits a closed version, so any past date reads back exactly.
 */
export const unitVersions = pgTable(
  'unit_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    parentId: uuid('parent_id').references(() => units.id),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    /** name, short name and code folded by common/text.ts foldForSearch. */
    searchName: text('search_name').notNull(),
    kind: text('kind').notNull(),
    path: ltree('path').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    eventId: uuid('event_id'),
  },
  (t) => [
    index('unit_versions_path_gist').using('gist', t.path),
    index('unit_versions_search_trgm').using('gin', t.searchName.op('gin_trgm_ops')),
    // Covers the as-of join (unit → version on a date → path, name) without visiting the heap.
    index('unit_versions_unit_idx').on(t.unitId, t.validFrom, t.validTo, t.path, t.name),
    index('unit_versions_parent_idx').on(t.parentId, t.validFrom),
    // Versions starting after a date: restructurings recorded ahead of time (org/province.ts).
    index('unit_versions_from_idx').on(t.validFrom),
    // Units of a few kinds on a date (a report type's reporters: the provinces, not 200,000 rows).
    index('unit_versions_kind_idx').on(t.kind, t.validFrom),
    check('unit_versions_interval_ck', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** A restructuring decision: merge, split, move, rename, close (and create). Append-only. */
export const restructureEvents = pgTable(
  'restructure_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    effectiveDate: date('effective_date').notNull(),
    reason: text('reason').notNull(),
    /** Unit ids taking part: { sources: [...], targets: [...] } and kind-specific details. */
    payload: jsonb('payload').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('restructure_events_date_idx').on(t.effectiveDate)],
);

/** Groupings outside the tree: schools, agencies, enterprises, armed forces. */
export const unitGroups = pgTable(
  'unit_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [uniqueIndex('unit_groups_code_uq').on(t.code)],
);

export const unitGroupMembers = pgTable(
  'unit_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => unitGroups.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.unitId] }),
    index('unit_group_members_unit_idx').on(t.unitId),
  ],
);
