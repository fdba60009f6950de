import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '../org/index.ts';

/**
 * Issued certificates. A certificate is a document: what it says (holder, title, result, issuer,
 * place, date, signer) is stored as printed and never follows later renames. `source_kind` and
 * `source_id` name what it was earned in (a contest round, a course); `holder_ref` is the
 * holder's stable id there, so one source never certifies the same person twice.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    downloadToken: text('download_token').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    holderRef: text('holder_ref').notNull(),
    holderName: text('holder_name').notNull(),
    title: text('title').notNull(),
    resultText: text('result_text').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The issuing unit's name on the issue date, as printed. */
    issuerName: text('issuer_name').notNull(),
    place: text('place').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    /** The batch job that issued it, if any. */
    jobId: uuid('job_id'),
    issuedBy: uuid('issued_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certificates_code_uq').on(t.code),
    uniqueIndex('certificates_source_holder_uq').on(t.sourceKind, t.sourceId, t.holderRef),
    index('certificates_unit_idx').on(t.unitId),
  ],
);

export type CertificateRow = typeof certificates.$inferSelect;
