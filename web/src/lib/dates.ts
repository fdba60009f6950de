import { isRealIsoDate } from '../../../common/format.ts';

const vietnamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Vietnam as 'YYYY-MM-DD' (the server's default as-of date). */
export function todayInVietnam(): string {
  return vietnamDay.format(new Date());
}

/** '2025-07-01' → '2025-06-30'. */
export function previousDay(iso: string): string {
  const date = new Date(iso + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The ISO date in a URL parameter, or null when it is missing or not a real date. */
export function readIsoParam(value: string | null): string | null {
  return value && isRealIsoDate(value) ? value : null;
}
