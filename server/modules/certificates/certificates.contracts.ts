import { z } from 'zod';
import { isRealIsoDate } from '../../../common/format.ts';
import { LIMITS } from '../../../common/limits.ts';

export const CERTIFICATE_LIMITS = {
  title: 300,
  result: 200,
  place: 80,
  signer: 160,
  sourceKind: 40,
  sourceId: 100,
  holderRef: 100,
  /** Holders issued inside the caller's own transaction; more go through the batch job. */
  directMax: 500,
  /** Holders in one batch job (the payload is stored with the job). */
  batchMax: 50_000,
} as const;

export const MESSAGES = {
  duplicateHolder: 'Một người xuất hiện hai lần trong danh sách cấp giấy chứng nhận.',
  tooManyDirect: `Mỗi lần cấp trực tiếp tối đa ${CERTIFICATE_LIMITS.directMax} giấy; hãy cấp theo lô.`,
  issuerMissing: 'Đơn vị cấp giấy chứng nhận không tồn tại vào ngày cấp.',
  badCode: 'Mã xác thực không đúng định dạng (12 ký tự, ví dụ 7KQ2-M9XD-4PRT).',
  notFound: 'Không tìm thấy giấy chứng nhận có mã này. Vui lòng kiểm tra lại mã in trên giấy.',
  badToken: 'Liên kết tải giấy chứng nhận không đúng hoặc đã bị thay đổi.',
  date: 'Ngày không hợp lệ.',
};

/** Text as printed: NFC (a name typed on a phone may come decomposed), trimmed, single spaces. */
const printed = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1).max(max));

export const CertificateHolder = z.strictObject({
  /** The holder's stable id in the source (participant id, person id…). */
  ref: z.string().trim().min(1).max(CERTIFICATE_LIMITS.holderRef),
  name: printed(LIMITS.personName),
  /** What they achieved, as printed: "Đạt giải Nhất", "Đã hoàn thành". */
  result: printed(CERTIFICATE_LIMITS.result),
});
export type CertificateHolder = z.infer<typeof CertificateHolder>;

/** One source's certificates, issued by one unit on one date. */
export const CertificateBatch = z
  .strictObject({
    source: z.strictObject({
      kind: z
        .string()
        .regex(/^[a-z][a-z0-9_]*$/)
        .max(CERTIFICATE_LIMITS.sourceKind),
      id: z.string().trim().min(1).max(CERTIFICATE_LIMITS.sourceId),
    }),
    unitId: z.uuid(),
    /** The contest or course (and round), as printed. */
    title: printed(CERTIFICATE_LIMITS.title),
    issuedOn: z.string().refine(isRealIsoDate, { message: MESSAGES.date }),
    /** The place of the date line: "Tây Ninh, ngày … tháng … năm …". */
    place: printed(CERTIFICATE_LIMITS.place),
    signer: z
      .strictObject({
        title: printed(CERTIFICATE_LIMITS.signer),
        name: printed(LIMITS.personName),
      })
      .nullable()
      .optional(),
    holders: z.array(CertificateHolder).min(1).max(CERTIFICATE_LIMITS.batchMax),
  })
  .superRefine((batch, ctx) => {
    const seen = new Set<string>();
    batch.holders.forEach((holder, index) => {
      if (seen.has(holder.ref)) {
        ctx.addIssue({
          code: 'custom',
          path: ['holders', index, 'ref'],
          message: MESSAGES.duplicateHolder,
        });
      }
      seen.add(holder.ref);
    });
  });
export type CertificateBatch = z.input<typeof CertificateBatch>;
export type ParsedCertificateBatch = z.output<typeof CertificateBatch>;

export const CodeParams = z.strictObject({ code: z.string().min(1).max(40) });

export const PdfQuery = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/)
    .optional(),
});

/** All the public may learn from a code: a masked name, the title and the date. */
export const PublicCertificate = z.object({
  code: z.string(),
  holderName: z.string(),
  title: z.string(),
  issuedOn: z.string(),
});
export const PublicCertificateResponse = z.object({ certificate: PublicCertificate });
export type PublicCertificateResponse = z.infer<typeof PublicCertificateResponse>;
