import type { T } from './i18n.ts';

const VIETNAM_OFFSET_MS = 7 * 3600_000; // UTC+7 all year, no daylight saving
const two = (n: number) => String(n).padStart(2, '0');

/** '2026-11-22T03:00:00Z' → '22/11/2026 10:00', in Vietnam time whatever the phone's zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(
    d.getUTCHours(),
  )}:${two(d.getUTCMinutes())}`;
}

/** 125_000 ms → '2 phút 5 giây'; 300_000 ms → '5 phút'. */
export function formatDuration(t: T, ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  if (m === 0) return t('seconds', { s: total });
  return total % 60 === 0 ? t('wholeMinutes', { m }) : t('minutes', { m, s: total % 60 });
}

/** A countdown: '09:05', or '1:02:03' past an hour. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
