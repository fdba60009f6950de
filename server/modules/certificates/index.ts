/** The certificates module's public surface; contests and courses call it from here. */
import type { AnyJobDefinition } from '../../kernel/jobs/index.ts';
import { issueCertificatesJob } from './issue.job.ts';

export { certificates } from './certificates.table.ts';
export { certificateRoutes } from './certificates.routes.ts';
export type { CertificateAction } from './certificates.policy.ts';
export { certificatePolicy } from './certificates.policy.ts';
export type { CertificateBatch, CertificateHolder } from './certificates.contracts.ts';
export { CERTIFICATE_LIMITS } from './certificates.contracts.ts';
export type { IssuedCertificate, Issuer } from './issue.service.ts';
export { certificateDownloadPath, findCertificatesOf, issueCertificates } from './issue.service.ts';
export type { IssueJobResult } from './issue.job.ts';
export { enqueueCertificateIssue, issueCertificatesJob } from './issue.job.ts';
export { verificationUrl } from './pdf/certificate-pdf.ts';

/** The job kinds this module runs (registered by server/app.ts). */
export const certificateJobs: AnyJobDefinition[] = [issueCertificatesJob];
