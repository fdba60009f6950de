import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { findUnitAsOf } from '../org/index.ts';
import { generateCertificateCode, generateDownloadToken } from './certificate-code.ts';
import type {
  CertificateBatch,
  CertificateHolder,
  ParsedCertificateBatch,
} from './certificates.contracts.ts';
import {
  CERTIFICATE_LIMITS,
  CertificateBatch as BatchSchema,
  MESSAGES,
} from './certificates.contracts.ts';
import { certificates } from './certificates.table.ts';

/** Who issues: the user the calling module acted for (null for the system), and the batch job. */
export type Issuer = { userId: string | null; jobId?: string | null };

/** A holder's certificate, with the link that lets them download it without an account. */
export type IssuedCertificate = {
  holderRef: string;
  code: string;
  downloadPath: string;
  /** False when this source had already certified this holder (nothing new was written). */
  isNew: boolean;
};

/** The holder's download link (relative to the public address). */
export function certificateDownloadPath(code: string, downloadToken: string): string {
  return `/api/certificates/${code}/pdf?token=${downloadToken}`;
}

export function parseBatch(batch: CertificateBatch): ParsedCertificateBatch {
  const parsed = BatchSchema.safeParse(batch);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new AppError(
      'validation_failed',
      first.code === 'custom' ? first.message : undefined,
      parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || null,
        message: issue.code === 'custom' ? issue.message : 'Giá trị không hợp lệ.',
      })),
    );
  }
  return parsed.data;
}

/** The issuing unit's name as printed: the name it bore on the issue date. */
export async function issuerNameOn(db: Db, batch: ParsedCertificateBatch): Promise<string | null> {
  return (await findUnitAsOf(db, batch.unitId, batch.issuedOn))?.name ?? null;
}

/**
 * Writes the certificates of some holders of a batch, skipping those the source has already
 * certified (so a retried job or a repeated call never issues twice), with one audit entry for
 * what it wrote. Runs in the caller's transaction.
 */
export async function issueHolders(
  tx: Db,
  batch: ParsedCertificateBatch,
  issuerName: string,
  holders: CertificateHolder[],
  issuer: Issuer,
): Promise<{ written: { holderRef: string; code: string; downloadToken: string }[] }> {
  const written = await tx
    .insert(certificates)
    .values(
      holders.map((holder) => ({
        code: generateCertificateCode(),
        downloadToken: generateDownloadToken(),
        sourceKind: batch.source.kind,
        sourceId: batch.source.id,
        holderRef: holder.ref,
        holderName: holder.name,
        title: batch.title,
        resultText: holder.result,
        unitId: batch.unitId,
        issuerName,
        place: batch.place,
        issuedOn: batch.issuedOn,
        signerTitle: batch.signer?.title ?? null,
        signerName: batch.signer?.name ?? null,
        jobId: issuer.jobId ?? null,
        issuedBy: issuer.userId,
      })),
    )
    // Only the (source, holder) key: a code collision (60 random bits) must fail loudly, not skip.
    .onConflictDoNothing({
      target: [certificates.sourceKind, certificates.sourceId, certificates.holderRef],
    })
    .returning({
      holderRef: certificates.holderRef,
      code: certificates.code,
      downloadToken: certificates.downloadToken,
    });
  if (written.length > 0) {
    await recordAudit(tx, {
      actorId: issuer.userId,
      action: 'certificate.issue',
      entity: 'certificate_source',
      entityId: `${batch.source.kind}:${batch.source.id}`,
      unitId: batch.unitId,
      after: {
        jobId: issuer.jobId ?? null,
        count: written.length,
        codes: written.map((w) => w.code),
      },
    });
  }
  return { written };
}

/**
 * Issues certificates now, inside the caller's transaction (for a few holders: a course finished,
 * a round's prize winners). The caller has checked that its actor may issue for the unit
 * (`certificatePolicy`, action 'issue'). Returns every holder's certificate, new or not.
 */
export async function issueCertificates(
  tx: Db,
  batch: CertificateBatch,
  issuer: Issuer,
): Promise<IssuedCertificate[]> {
  const parsed = parseBatch(batch);
  if (parsed.holders.length > CERTIFICATE_LIMITS.directMax) {
    throw new AppError('validation_failed', MESSAGES.tooManyDirect);
  }
  const issuerName = await issuerNameOn(tx, parsed);
  if (!issuerName) throw new AppError('validation_failed', MESSAGES.issuerMissing);
  const { written } = await issueHolders(tx, parsed, issuerName, parsed.holders, issuer);
  const fresh = new Set(written.map((w) => w.holderRef));
  const all = await findCertificatesOf(
    tx,
    parsed.source,
    parsed.holders.map((h) => h.ref),
  );
  return all.map((c) => ({ ...c, isNew: fresh.has(c.holderRef) }));
}

/** A source's certificates (optionally only some holders'), with each holder's download link. */
export async function findCertificatesOf(
  db: Db,
  source: { kind: string; id: string },
  holderRefs?: string[],
): Promise<Omit<IssuedCertificate, 'isNew'>[]> {
  const rows = await db
    .select({
      holderRef: certificates.holderRef,
      code: certificates.code,
      downloadToken: certificates.downloadToken,
    })
    .from(certificates)
    .where(
      and(
        eq(certificates.sourceKind, source.kind),
        eq(certificates.sourceId, source.id),
        holderRefs ? inArray(certificates.holderRef, holderRefs) : undefined,
      ),
    )
    .orderBy(certificates.holderRef);
  return rows.map((row) => ({
    holderRef: row.holderRef,
    code: row.code,
    downloadPath: certificateDownloadPath(row.code, row.downloadToken),
  }));
}
