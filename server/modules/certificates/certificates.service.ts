import { eq } from 'drizzle-orm';
import { maskName } from '../../../common/masking.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Db } from '../../kernel/db/client.ts';
import { findLatestVersion } from '../org/index.ts';
import { isSameToken, normalizeCertificateCode } from './certificate-code.ts';
import type { PublicCertificateResponse } from './certificates.contracts.ts';
import { MESSAGES } from './certificates.contracts.ts';
import { certificatePolicy } from './certificates.policy.ts';
import type { CertificateRow } from './certificates.table.ts';
import { certificates } from './certificates.table.ts';
import { renderCertificatePdf } from './pdf/certificate-pdf.ts';

async function findByCode(db: Db, rawCode: string): Promise<CertificateRow> {
  const code = normalizeCertificateCode(rawCode);
  if (!code) throw new AppError('validation_failed', MESSAGES.badCode);
  const [row] = await db.select().from(certificates).where(eq(certificates.code, code));
  if (!row) throw notFound(MESSAGES.notFound);
  return row;
}

/** What anyone holding the paper (or its QR code) may check: masked name, title, date. */
export async function verifyCertificate(
  db: Db,
  rawCode: string,
): Promise<PublicCertificateResponse> {
  const row = await findByCode(db, rawCode);
  return {
    certificate: {
      code: row.code,
      holderName: maskName(row.holderName),
      title: row.title,
      issuedOn: row.issuedOn,
    },
  };
}

/**
 * The PDF, for the holder (the token of their download link) or an editor of the issuing unit
 * (its latest shape: a merged unit's certificates stay with those who covered it). A token, when
 * given, decides alone: a wrong one is 403, whoever is logged in.
 */
export async function certificatePdf(
  deps: AppDeps,
  actor: Actor | null,
  rawCode: string,
  token: string | undefined,
): Promise<{ code: string; pdf: Buffer }> {
  const row = await findByCode(deps.db, rawCode);
  if (token !== undefined) {
    if (!isSameToken(token, row.downloadToken)) throw new AppError('forbidden', MESSAGES.badToken);
  } else {
    if (!actor) throw new AppError('unauthenticated');
    const unit = await findLatestVersion(deps.db, row.unitId);
    if (!unit) throw notFound(MESSAGES.notFound);
    certificatePolicy.authorize(actor, 'download', unit.path);
  }
  return { code: row.code, pdf: await renderCertificatePdf(row, deps.config.publicUrl) };
}
