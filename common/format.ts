/** Vietnamese display formats: dd/mm/yyyy, "Quý II/2023", 1.234,5. */

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** '2025-07-01' → '01/07/2025'. Accepts an ISO date or timestamp string. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** '01/07/2025' → '2025-07-01', or null when the text is not a real calendar date. */
export function parseVietnameseDate(text: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, d, m, y] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : null;
}

export function isRealIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** Quarter label: quarterLabel(2023, 2) → 'Quý II/2023'. */
export function quarterLabel(year: number, quarter: 1 | 2 | 3 | 4): string {
  return `Quý ${ROMAN[quarter - 1]}/${year}`;
}

/** Whole years between birth date and a reference date (both ISO). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const ADULT_AGE = 18;
