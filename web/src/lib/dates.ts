import { isRealIsoDate } from '../../../common/format.ts';

/** Today's date in Vietnam as 'YYYY-MM-DD' (the server's default as-of date). */
export { todayInVietnam } from '../../../common/clock.ts';

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
