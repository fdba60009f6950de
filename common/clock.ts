/**
 * "Today" as a calendar date in Vietnam's time zone (UTC+7, no DST), as 'YYYY-MM-DD'. Shared by
 * the server (effective dates, as-of queries) and the web (default dates), so both agree.
 */
export type IsoDate = string;

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The instant `real` would be if today were `day` in Vietnam: the same time of day, moved to that
 * date. Lets tests that pin "today" still get increasing, realistic timestamps.
 */
export function instantOnVietnamDay(day: IsoDate, real: Date = new Date()): Date {
  const timeOfDay = (real.getTime() + VN_OFFSET_MS) % 86_400_000;
  return new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS + timeOfDay);
}
