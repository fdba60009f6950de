import type { RoundView } from './contests.types.ts';

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant as Vietnam's wall clock: "dd/mm/yyyy HH:mm" (rounds open and close at local hours). */
export function formatDateTime(iso: string): string {
  const parts = Object.fromEntries(
    dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

export type RoundStatus = 'upcoming' | 'open' | 'over' | 'closed';

/** Where a round stands at `now` (the server decides; this only labels it). */
export function roundStatus(round: RoundView, now = Date.now()): RoundStatus {
  if (round.closedAt) return 'closed';
  if (now < Date.parse(round.opensAt)) return 'upcoming';
  if (now < Date.parse(round.closesAt)) return 'open';
  return 'over';
}

export const ROUND_STATUS_COLORS: Record<RoundStatus, string> = {
  upcoming: 'gray',
  open: 'xanh',
  over: 'orange',
  closed: 'blue',
};

/** 0.8234 → "82,3%". */
export function formatPercent(share: number): string {
  return new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

const index = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A discrimination index, two decimals: 0,35. */
export function formatIndex(value: number): string {
  return index.format(value);
}
