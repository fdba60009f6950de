import { ContestRuleError } from './contest-errors.ts';

/**
 * Vietnam time for contest rules. Instants in the contest domain are epoch milliseconds (UTC):
 * they sort as numbers, fit typed arrays, and convert from a `timestamptz` column without loss.
 * Rules, however, are written in the wall-clock time of Vietnam ("thứ Tư 10:00"), which is UTC+7
 * all year — Vietnam has no daylight saving — so a fixed offset is exact and no time-zone
 * database is needed.
 */

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** ISO weekday: 1 = Monday (thứ Hai) … 7 = Sunday (Chủ nhật). Wednesday (thứ Tư) is 3. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The instant of a Vietnam wall-clock time: '2025-03-05 10:00' (or '2025-03-05T10:00:30.250')
 * → epoch ms. Throws `invalid_instant` on anything that is not a real calendar date and time, so
 * a typo in a contest's settings cannot silently shift a round.
 */
export function parseVietnamTime(text: string): number {
  const match = LOCAL_PATTERN.exec(text.trim());
  if (!match) throw new ContestRuleError('invalid_instant', { value: text });
  const [, y, mo, d, h, mi, s, ms] = match;
  const parts = [y, mo, d, h, mi, s ?? '0', (ms ?? '0').padEnd(3, '0')].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second, milli] = parts;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, milli);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new ContestRuleError('invalid_instant', { value: text });
  }
  return utc - VIETNAM_OFFSET_MS;
}

/** An instant as Vietnam wall-clock time, 'YYYY-MM-DD HH:MM' (seconds shown only when not 0). */
export function formatVietnamTime(instant: number): string {
  const iso = new Date(instant + VIETNAM_OFFSET_MS).toISOString();
  const seconds = iso.slice(17, 23);
  return iso.slice(0, 10) + ' ' + iso.slice(11, 16) + (seconds === '00.000' ? '' : ':' + seconds);
}

/** The ISO weekday of an instant in Vietnam. 1970-01-01 (day 0) was a Thursday. */
export function getVietnamWeekday(instant: number): IsoWeekday {
  const day = Math.floor((instant + VIETNAM_OFFSET_MS) / DAY_MS);
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/**
 * Minutes after midnight of a wall-clock time 'HH:MM' (00:00–23:59), or null when the text is
 * not one. '24:00' is refused: a window that ends at midnight ends at 00:00 of the next day.
 */
export function parseClockTime(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return hour * 60 + minute;
}
