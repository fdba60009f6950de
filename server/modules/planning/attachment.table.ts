import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../kernel/db/bytea.ts';
import { plans } from './planning.table.ts';

/**
 * The signed PDF or DOCX of a plan, stored in the database (docs/decisions/0005): written in the
 * same transaction as its audit entry, backed up with everything else, nothing to install.
 */
export const planAttachments = pgTable(
  'plan_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    fileName: text('file_name').notNull(),
    /** Sniffed from the bytes, never taken from the client. */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_attachments_plan_idx').on(t.planId, t.uploadedAt)],
);
