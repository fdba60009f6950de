/**
 * The platform's notion of "today": a calendar date in Vietnam's time zone (UTC+7, no DST),
 * as an ISO string 'YYYY-MM-DD'. Effective dates and as-of queries compare against it.
 */
export type IsoDate = string;

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}
