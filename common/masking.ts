/**
 * Masking for public results pages and certificate verification (contests, certificates, the
 * web): enough for a winner to recognise themselves, not enough to identify or call them
 * (personal data protection law; many contestants are minors).
 *
 * Names: the family name (first word) stays, every other word becomes its initial:
 * "Nguyễn Văn An" → "Nguyễn V. A.", "Tôn Nữ Thị Ngọc Hà" → "Tôn N. T. N. H.". A one-word name
 * shows only its initial ("An" → "A."), since the word could be the whole given name. Spaces are
 * collapsed; text is put in NFC first so a decomposed "Ánh" still gives "Á." and not "A.";
 * initials are upper case in Vietnamese ("đức" → "Đ.").
 *
 * Phones: the first two digits and the last three stay: "0912345123" → "09xx xxx 123". Spaces,
 * dots, dashes and brackets are ignored and +84/84 becomes 0, so "+84 912 345 123" masks the same.
 * Fewer than 8 digits is not a phone we can mask safely: every digit is hidden.
 */

function initialOf(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  return first.toLocaleUpperCase('vi') + '.';
}

/** The public form of a person's name. */
export function maskName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1) return initialOf(words[0]!);
  return [words[0]!, ...words.slice(1).map(initialOf)].join(' ');
}

/** Digits of a Vietnamese phone number, +84/84 rewritten to a leading 0. */
export function normalizePhoneDigits(phone: string): string {
  const plus = phone.trim().startsWith('+');
  let digits = phone.replace(/\D/g, '');
  if ((plus || digits.length === 11) && digits.startsWith('84')) digits = '0' + digits.slice(2);
  return digits;
}

/** The public form of a phone number. */
export function maskPhone(phone: string): string {
  const digits = normalizePhoneDigits(phone);
  if (digits.length === 0) return '';
  if (digits.length < 8) return 'x'.repeat(digits.length);
  const hidden = digits.length - 5;
  return `${digits.slice(0, 2)}xx ${'x'.repeat(hidden - 2)} ${digits.slice(-3)}`;
}
