import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Certificate codes: 12 characters of Crockford's base32 (no I, L, O, U: nothing to misread on
 * paper), 60 random bits — unguessable, yet short enough to type from a printed page. Printed in
 * groups of four ("7KQ2-M9XD-4PRT"); read back case-insensitively, with or without dashes or
 * spaces, and with the usual misreadings (O for 0, I or L for 1) forgiven.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;
const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{12}$/;

export function generateCertificateCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

/** The canonical form of a typed or scanned code, or null when it cannot be one. */
export function normalizeCertificateCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return CODE_PATTERN.test(code) ? code : null;
}

/** "7KQ2M9XD4PRT" → "7KQ2-M9XD-4PRT", as printed. */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/**
 * The holder's download token: 128 random bits. Kept in clear (not hashed) because the issuing
 * module must be able to hand the same link to the holder again later; it grants nothing but
 * this one certificate's PDF, whose content is on the paper anyway (docs/API.md, Certificates).
 */
export function generateDownloadToken(): string {
  return randomBytes(16).toString('base64url');
}

export function isSameToken(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}
