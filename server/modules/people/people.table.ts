import {
  bigint,
  boolean,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '../org/index.ts';

/** Cadres, members, youth, teenagers and children; each belongs to exactly one unit. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /**
     * The province-level unit of the person's unit (its level-2 ancestor in the unit's latest
     * version; org's findProvinceIds), kept right by every write of people and by restructuring,
     * so a scoped search narrows to the scope's provinces in the index (decision 0009).
     */
    provinceId: uuid('province_id').notNull(),
    fullName: text('full_name').notNull(),
    /** fullName folded by common/text.ts foldForSearch: lower case, no diacritics, đ → d. */
    searchName: text('search_name').notNull(),
    category: text('category').notNull(),
    /** Cadres only: full-time (chuyên trách) or not. */
    isFullTime: boolean('is_full_time'),
    gender: text('gender'),
    birthDate: date('birth_date'),
    /** Members only: date of admission, to count new members. */
    joinDate: date('join_date'),
    phone: text('phone'),
    idNumber: text('id_number'),
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_unit_idx').on(t.unitId),
    index('people_search_trgm').using('gin', t.searchName.op('gin_trgm_ops')),
    /** A scoped name search: the scope's provinces and the trigrams in one index (btree_gin). */
    index('people_province_trgm').using('gin', t.provinceId, t.searchName.op('gin_trgm_ops')),
    /** A page of one province's people in list order (no term, a phone prefix, a common term). */
    index('people_province_order_idx').on(t.provinceId, t.searchName, t.id),
    /** Lists are ordered by (search_name, id): this index lets a page be read in order (see people.search.ts). */
    index('people_search_order_idx').on(t.searchName, t.id),
    uniqueIndex('people_phone_uq').on(t.phone),
    uniqueIndex('people_id_number_uq').on(t.idNumber),
  ],
);

/**
 * People counted by province (people.province_id), category and gender, kept by statement-level
 * triggers on people in the writing transaction (migration 0009); the planning module's people
 * counts read it for the whole country (docs/decisions/0010-dashboard-rollups.md). Gender is ''
 * for none.
 */
export const peopleCounts = pgTable(
  'people_counts',
  {
    provinceId: uuid('province_id').notNull(),
    category: text('category').notNull(),
    gender: text('gender').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
    /**
     * Bumped by every statement that changes the row; rows are kept at n = 0 (migration 0013),
     * so the sum over the table grows with every write to people: the people revision under
     * which rollups remember per-unit counts (planning rollup.cache.ts).
     */
    revision: bigint('revision', { mode: 'number' }).notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.category, t.gender] })],
);

/**
 * People counted by unit (and province, category, gender), kept by the same triggers (migration
 * 0013): a province's people counts and the people of units changed since a tree date read a
 * few rows per unit instead of every person (docs/decisions/0014-province-rollups.md).
 */
export const peopleUnitCounts = pgTable(
  'people_unit_counts',
  {
    unitId: uuid('unit_id').notNull(),
    provinceId: uuid('province_id').notNull(),
    category: text('category').notNull(),
    gender: text('gender').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.provinceId, t.category, t.gender] })],
);
