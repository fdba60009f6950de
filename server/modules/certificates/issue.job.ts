import type { Db } from '../../kernel/db/client.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { defineJob, enqueueJob, JobFailure } from '../../kernel/jobs/index.ts';
import type { CertificateBatch } from './certificates.contracts.ts';
import { CertificateBatch as BatchSchema, MESSAGES } from './certificates.contracts.ts';
import { issueHolders, issuerNameOn, parseBatch } from './issue.service.ts';

/** Holders written per transaction; progress is recorded after each chunk commits. */
export const ISSUE_CHUNK = 250;

export type IssueJobResult = { total: number; newlyIssued: number; alreadyIssued: number };

/**
 * Issues a batch in chunks, each in its own small transaction (PGlite serves other requests between
 * them). Idempotent: after a crash the job starts again and every holder already certified is
 * skipped, so nobody gets two certificates. `newlyIssued` counts this attempt's writes.
 */
export const issueCertificatesJob = defineJob({
  kind: 'certificates.issue',
  payload: BatchSchema,
  async run(ctx): Promise<IssueJobResult> {
    const batch = ctx.payload;
    const db = ctx.deps.db;
    const issuerName = await issuerNameOn(db, batch);
    if (!issuerName) throw new JobFailure(MESSAGES.issuerMissing);
    const total = batch.holders.length;
    let newlyIssued = 0;
    await ctx.reportProgress(0, total);
    for (let from = 0; from < total; from += ISSUE_CHUNK) {
      const chunk = batch.holders.slice(from, from + ISSUE_CHUNK);
      const { written } = await db.transaction((tx) =>
        issueHolders(tx, batch, issuerName, chunk, { userId: ctx.createdBy, jobId: ctx.jobId }),
      );
      newlyIssued += written.length;
      await ctx.reportProgress(from + chunk.length, total);
    }
    return { total, newlyIssued, alreadyIssued: total - newlyIssued };
  },
});

/**
 * Asks for a batch to be issued in the background, inside the caller's transaction; the returned
 * job id feeds `<JobProgress jobId>` on the web (GET /api/jobs/:id). A bad batch is refused here
 * (400, nothing written), not later in the job. The caller has authorised its actor.
 */
export async function enqueueCertificateIssue(
  tx: Db,
  batch: CertificateBatch,
  by: { userId: string | null },
): Promise<{ jobId: string }> {
  const parsed = parseBatch(batch);
  if (!(await issuerNameOn(tx, parsed))) {
    throw new AppError('validation_failed', MESSAGES.issuerMissing);
  }
  const { id } = await enqueueJob(tx, issueCertificatesJob, parsed, {
    createdBy: by.userId,
    unitId: parsed.unitId,
    total: parsed.holders.length,
  });
  await recordAudit(tx, {
    actorId: by.userId,
    action: 'certificate.issue_requested',
    entity: 'job',
    entityId: id,
    unitId: parsed.unitId,
    after: {
      source: parsed.source,
      title: parsed.title,
      issuedOn: parsed.issuedOn,
      holders: parsed.holders.length,
    },
  });
  return { jobId: id };
}
