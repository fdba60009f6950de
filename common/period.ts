import { formatDate, isRealIsoDate, parseVietnameseDate, quarterLabel } from './format.ts';
import { foldForSearch } from './text.ts';

/**
 * Reporting periods. On the wire a period is a key — '2023-06-30' (day), '2023-W07' (ISO week),
 * '2023-06' (month), '2023-Q2' (quarter), '2023-H1' (six months), '2023' (year), '2022-2027'
 * (several years) — and people read it as 'Quý II/2023', '6 tháng đầu năm 2023', … Every period
 * is a closed interval of calendar days [from, to], both ISO dates.
 */

export const PERIOD_TYPES = [
  'day',
  'week',
  'month',
  'quarter',
  'half_year',
  'year',
  'multi_year',
] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];
export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  day: 'Ngày',
  week: 'Tuần',
  month: 'Tháng',
  quarter: 'Quý',
  half_year: '6 tháng',
  year: 'Năm',
  multi_year: 'Giai đoạn',
};

export type Period = { type: PeriodType; key: string; from: string; to: string };

/** Years the platform accepts in periods and deadlines. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  return Date.parse(iso + 'T00:00:00Z');
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

function lastDayOfMonth(year: number, month: number): string {
  return fromUtc(Date.UTC(year, month, 0));
}

function isYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** Monday = 1 … Sunday = 7. */
function isoWeekday(iso: string): number {
  const day = new Date(toUtc(iso)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The ISO-8601 week of a date: the week belongs to the year of its Thursday. */
function isoWeekOf(iso: string): { year: number; week: number } {
  const thursday = addDays(iso, 4 - isoWeekday(iso));
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1 };
}

function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

function mondayOfIsoWeek(year: number, week: number): string {
  const jan4 = `${year}-01-04`;
  return addDays(jan4, 1 - isoWeekday(jan4) + (week - 1) * 7);
}

function period(type: PeriodType, key: string, from: string, to: string): Period {
  return { type, key, from, to };
}

/** The period a key names, or null when the key is malformed or names no real period. */
export function parsePeriodKey(key: string): Period | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key))) {
    return isRealIsoDate(key) && isYear(Number(m[1])) ? period('day', key, key, key) : null;
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    if (!isYear(year) || week < 1 || week > isoWeeksInYear(year)) return null;
    const from = mondayOfIsoWeek(year, week);
    return period('week', key, from, addDays(from, 6));
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(key))) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (!isYear(year) || month < 1 || month > 12) return null;
    return period('month', key, `${m[1]}-${m[2]}-01`, lastDayOfMonth(year, month));
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) {
    const [year, q] = [Number(m[1]), Number(m[2])];
    if (!isYear(year)) return null;
    return period('quarter', key, `${year}-${pad(q * 3 - 2)}-01`, lastDayOfMonth(year, q * 3));
  }
  if ((m = /^(\d{4})-H([12])$/.exec(key))) {
    const [year, h] = [Number(m[1]), Number(m[2])];
    if (!isYear(year)) return null;
    return h === 1
      ? period('half_year', key, `${year}-01-01`, `${year}-06-30`)
      : period('half_year', key, `${year}-07-01`, `${year}-12-31`);
  }
  if ((m = /^(\d{4})$/.exec(key))) {
    const year = Number(m[1]);
    return isYear(year) ? period('year', key, `${year}-01-01`, `${year}-12-31`) : null;
  }
  if ((m = /^(\d{4})-(\d{4})$/.exec(key))) {
    const [start, end] = [Number(m[1]), Number(m[2])];
    if (!isYear(start) || !isYear(end) || end <= start) return null;
    return period('multi_year', key, `${start}-01-01`, `${end}-12-31`);
  }
  return null;
}

/** The period of a type that contains a date (several years: the date's year alone is not one). */
export function periodContaining(type: Exclude<PeriodType, 'multi_year'>, iso: string): Period {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const key = ((): string => {
    switch (type) {
      case 'day':
        return iso;
      case 'week': {
        const w = isoWeekOf(iso);
        return `${w.year}-W${pad(w.week)}`;
      }
      case 'month':
        return iso.slice(0, 7);
      case 'quarter':
        return `${year}-Q${Math.ceil(month / 3)}`;
      case 'half_year':
        return `${year}-H${month <= 6 ? 1 : 2}`;
      case 'year':
        return String(year);
    }
  })();
  return parsePeriodKey(key)!;
}

const ROMAN_QUARTERS: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** How people write a period: 'Quý II/2023', 'Tháng 6/2023', '6 tháng đầu năm 2023', … */
export function formatPeriod(p: Period): string {
  const year = Number(p.from.slice(0, 4));
  switch (p.type) {
    case 'day':
      return formatDate(p.from);
    case 'week': {
      const [y, w] = p.key.split('-W');
      return `Tuần ${Number(w)}/${y}`;
    }
    case 'month':
      return `Tháng ${Number(p.from.slice(5, 7))}/${year}`;
    case 'quarter':
      return quarterLabel(year, Number(p.key.slice(-1)) as 1 | 2 | 3 | 4);
    case 'half_year':
      return `6 tháng ${p.key.endsWith('H1') ? 'đầu' : 'cuối'} năm ${year}`;
    case 'year':
      return `Năm ${year}`;
    case 'multi_year':
      return `Giai đoạn ${year} – ${p.to.slice(0, 4)}`;
  }
}

/** A task's deadline: a period (a date is a one-day period) or "thường xuyên" (recurring). */
export type Deadline = { kind: 'recurring' } | { kind: 'period'; period: Period };

export const RECURRING_KEY = 'recurring';

/**
 * Reads a deadline as the plans write it: 'Quý II/2023', 'Hoàn thành trong tháng 3/2023',
 * '30/06/2023', 'năm 2023', '6 tháng đầu năm 2023', 'Thực hiện thường xuyên' — or as a period key
 * ('2023-Q2') or 'recurring'. Null when it is none of these (e.g. two quarters at once).
 */
export function parseDeadline(text: string): Deadline | null {
  const trimmed = text.trim();
  if (trimmed === RECURRING_KEY) return { kind: 'recurring' };
  const asKey = parsePeriodKey(trimmed.toUpperCase());
  if (asKey && asKey.type !== 'multi_year') return { kind: 'period', period: asKey };
  const folded = foldForSearch(trimmed)
    .replace(/[().]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(hoan thanh|thuc hien|trien khai)\s*/, '')
    .replace(/^(trong|truoc|vao|den)\s*/, '')
    .trim();
  if (folded === 'thuong xuyen' || folded === 'hang ngay thuong xuyen') {
    return { kind: 'recurring' };
  }
  const found = ((): string | null => {
    let m: RegExpExecArray | null;
    if ((m = /^quy (i|ii|iii|iv|[1-4]) ?(?:\/|nam) ?(\d{4})$/.exec(folded))) {
      const q = ROMAN_QUARTERS[m[1]!] ?? Number(m[1]);
      return `${m[2]}-Q${q}`;
    }
    if ((m = /^(?:thang )?(\d{1,2}) ?(?:\/|nam) ?(\d{4})$/.exec(folded))) {
      return `${m[2]}-${pad(Number(m[1]))}`;
    }
    if ((m = /^6 thang (dau|cuoi) nam (\d{4})$/.exec(folded))) {
      return `${m[2]}-H${m[1] === 'dau' ? 1 : 2}`;
    }
    if ((m = /^(?:nam )?(\d{4})$/.exec(folded))) return m[1]!;
    const day = parseVietnameseDate(folded.replace(/^ngay /, ''));
    return day;
  })();
  const parsed = found ? parsePeriodKey(found) : null;
  return parsed ? { kind: 'period', period: parsed } : null;
}

/** The key a deadline is stored under: a period key, or 'recurring'. */
export function deadlineKey(deadline: Deadline): string {
  return deadline.kind === 'recurring' ? RECURRING_KEY : deadline.period.key;
}

/** The last day a deadline allows; null for recurring work, which is never overdue. */
export function deadlineDueDate(deadline: Deadline): string | null {
  return deadline.kind === 'recurring' ? null : deadline.period.to;
}

export function formatDeadline(deadline: Deadline): string {
  return deadline.kind === 'recurring' ? 'Thường xuyên' : formatPeriod(deadline.period);
}

/** Unfinished work whose due date has passed (the due day itself is still on time). */
export function isOverdue(dueDate: string | null, isDone: boolean, today: string): boolean {
  return !isDone && dueDate !== null && today > dueDate;
}

/**
 * The share of a window [from, to] that has elapsed on `asOf`, counting `asOf` itself:
 * 0 before the window, 1 from its last day on.
 */
export function elapsedFraction(window: { from: string; to: string }, asOf: string): number {
  if (asOf < window.from) return 0;
  if (asOf >= window.to) return 1;
  return (daysBetween(window.from, asOf) + 1) / (daysBetween(window.from, window.to) + 1);
}

/** Calendar months covered by [from, to], each month counted by the share of its days covered. */
function monthsBetween(from: string, to: string): number {
  let total = 0;
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const first = `${year}-${pad(month)}-01`;
    if (first > to) return total;
    const last = lastDayOfMonth(year, month);
    const start = from > first ? from : first;
    const end = to < last ? to : last;
    total += (daysBetween(start, end) + 1) / Number(last.slice(8));
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/**
 * How many periods of `type` the elapsed part of a window spans (at least 1), for rates such as
 * "02 bài viết/tuần": the count so far divided by this is the rate so far.
 */
export function periodsElapsed(
  type: PeriodType,
  window: { from: string; to: string },
  asOf: string,
): number {
  const end = asOf < window.to ? asOf : window.to;
  if (end < window.from) return 1;
  const days = daysBetween(window.from, end) + 1;
  const months = monthsBetween(window.from, end);
  const n = ((): number => {
    switch (type) {
      case 'day':
        return days;
      case 'week':
        return days / 7;
      case 'month':
        return months;
      case 'quarter':
        return months / 3;
      case 'half_year':
        return months / 6;
      case 'year':
        return months / 12;
      case 'multi_year':
        return 1;
    }
  })();
  return Math.max(1, n);
}
