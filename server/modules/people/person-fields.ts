import type { PersonCategory } from '../../../common/enums.ts';
import { ADULT_AGE, ageOn } from '../../../common/format.ts';

/**
 * Field rules shared by the API (create/update) and the Excel import, so both accept and store
 * exactly the same values. Pure functions; no database.
 */

/** Vietnamese mobile/landline numbers as stored: 10 digits starting with 0. */
export const PHONE_PATTERN = /^0\d{9}$/;
/** CCCD (12 digits) or the older CMND (9 digits). */
export const ID_NUMBER_PATTERN = /^(\d{12}|\d{9})$/;

export const MESSAGES = {
  phone: 'Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0.',
  idNumber: 'Số CCCD phải gồm 12 chữ số (hoặc CMND cũ 9 chữ số).',
  email: 'Địa chỉ email không hợp lệ.',
  date: 'Ngày không hợp lệ (dd/mm/yyyy).',
  birthDateFuture: 'Ngày sinh không được sau ngày hôm nay.',
  joinDateFuture: 'Ngày vào Đoàn không được sau ngày hôm nay.',
  joinBeforeBirth: 'Ngày vào Đoàn phải sau ngày sinh.',
  joinDateNotMember: 'Ngày vào Đoàn chỉ áp dụng cho Đoàn viên.',
  fullTimeNotCadre: 'Chuyên trách chỉ áp dụng cho Cán bộ.',
  phoneTaken: 'Số điện thoại đã được dùng cho một người khác.',
  idNumberTaken: 'Số CCCD đã được dùng cho một người khác.',
} as const;

/** Teenagers (Thiếu niên) and children (Nhi đồng) are minors by definition. */
const MINOR_CATEGORIES: readonly string[] = ['teen', 'child'] satisfies PersonCategory[];

/**
 * Minors get stricter privacy. With a birth date, age decides; without one, the category does
 * (a teenager with no birth date on file is still a minor).
 */
export function isMinorOn(
  person: { birthDate: string | null; category: string },
  today: string,
): boolean {
  if (person.birthDate) return ageOn(person.birthDate, today) < ADULT_AGE;
  return MINOR_CATEGORIES.includes(person.category);
}

/** The latest birth date of an adult on `today` (ISO), for SQL: born on or before it → adult. */
export function adultBornOnOrBefore(today: string): string {
  const [y, m, d] = today.split('-') as [string, string, string];
  const year = String(Number(y) - ADULT_AGE).padStart(4, '0');
  // 29 February minus 18 years does not exist; nobody is born between 28/02 and 01/03.
  return m === '02' && d === '29' ? `${year}-02-28` : `${year}-${m}-${d}`;
}

export { MINOR_CATEGORIES };

/** Collapses runs of whitespace and composes diacritics (NFC), so names compare and display alike. */
export function normalizeName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * '0912 345.678', '0912-345-678', '+84 912 345 678' → '0912345678'. Returns the cleaned text even
 * when it is not a valid number; the caller checks PHONE_PATTERN.
 */
export function normalizePhone(text: string): string {
  let digits = text.replace(/[\s.\-()]/g, '');
  if (/^\+84\d{9}$/.test(digits)) digits = '0' + digits.slice(3);
  else if (/^84\d{9}$/.test(digits)) digits = '0' + digits.slice(2);
  return digits;
}

/** Removes spaces and dots typed as separators in ID numbers. */
export function normalizeIdNumber(text: string): string {
  return text.replace(/[\s.]/g, '');
}

/** A rule broken by a person's fields taken together; `field` is the API field name. */
export type FieldProblem = { field: PersonField; message: string };
export type PersonField =
  | 'unitId'
  | 'fullName'
  | 'category'
  | 'isFullTime'
  | 'gender'
  | 'birthDate'
  | 'joinDate'
  | 'phone'
  | 'idNumber'
  | 'email';

/**
 * Rules that need several fields or today's date; per-field formats are checked before.
 * "Not full-time" on a non-cadre is harmless and stored as null (see storedFullTime).
 */
export function checkPersonRules(
  person: {
    category: string;
    isFullTime: boolean | null;
    birthDate: string | null;
    joinDate: string | null;
  },
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (person.birthDate && person.birthDate > today) {
    problems.push({ field: 'birthDate', message: MESSAGES.birthDateFuture });
  }
  if (person.joinDate) {
    if (person.category !== 'member') {
      problems.push({ field: 'joinDate', message: MESSAGES.joinDateNotMember });
    } else if (person.joinDate > today) {
      problems.push({ field: 'joinDate', message: MESSAGES.joinDateFuture });
    } else if (person.birthDate && person.joinDate <= person.birthDate) {
      problems.push({ field: 'joinDate', message: MESSAGES.joinBeforeBirth });
    }
  }
  if (person.isFullTime === true && person.category !== 'cadre') {
    problems.push({ field: 'isFullTime', message: MESSAGES.fullTimeNotCadre });
  }
  return problems;
}

/** isFullTime is only recorded for cadres. */
export function storedFullTime(category: string, isFullTime: boolean | null): boolean | null {
  return category === 'cadre' ? isFullTime : null;
}
