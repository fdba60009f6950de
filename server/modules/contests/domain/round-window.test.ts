import { describe, expect, it } from 'vitest';
import { ContestRuleError } from './contest-errors.ts';
import type { WeeklyWindowRule } from './round-window.ts';
import {
  assertRoundWindows,
  buildRoundWindows,
  findFirstOpening,
  findNextRound,
  findOpenRound,
  isRoundClosed,
  isRoundOpen,
  measureWindowLength,
} from './round-window.ts';
import { formatVietnamTime, getVietnamWeekday, parseVietnamTime } from './vietnam-time.ts';

const vn = parseVietnamTime;
const WED_10_TO_WED_09: WeeklyWindowRule = {
  opensOn: 3,
  opensAt: '10:00',
  closesOn: 3,
  closesAt: '09:00',
};

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof ContestRuleError) return error.code;
    throw error;
  }
  return undefined;
}

describe('Vietnam time', () => {
  it('is UTC+7 all year', () => {
    expect(vn('2025-03-05 10:00')).toBe(Date.parse('2025-03-05T03:00:00Z'));
    expect(vn('2025-07-01T00:00')).toBe(Date.parse('2025-06-30T17:00:00Z'));
    expect(vn('2025-03-05 10:00:30.25')).toBe(Date.parse('2025-03-05T03:00:30.250Z'));
  });

  it('formats an instant back to the wall clock', () => {
    expect(formatVietnamTime(Date.parse('2025-03-04T20:00:00Z'))).toBe('2025-03-05 03:00');
    expect(formatVietnamTime(vn('2025-03-05 09:59:59.999'))).toBe('2025-03-05 09:59:59.999');
  });

  it('refuses times that do not exist', () => {
    expect(codeOf(() => vn('2025-02-29 10:00'))).toBe('invalid_instant');
    expect(codeOf(() => vn('2025-03-05 24:00'))).toBe('invalid_instant');
    expect(codeOf(() => vn('05/03/2025 10:00'))).toBe('invalid_instant');
  });

  it('gives the ISO weekday in Vietnam, not in UTC', () => {
    expect(getVietnamWeekday(vn('2025-03-05 10:00'))).toBe(3);
    // 23:30 UTC on Tuesday is already Wednesday 06:30 in Vietnam.
    expect(getVietnamWeekday(Date.parse('2025-03-04T23:30:00Z'))).toBe(3);
    expect(getVietnamWeekday(vn('2025-03-09 23:59'))).toBe(7);
    expect(getVietnamWeekday(vn('1969-12-29 12:00'))).toBe(1);
  });
});

describe('weekly rounds', () => {
  it('opens every Wednesday at 10:00 and closes the next Wednesday at 09:00', () => {
    const rounds = buildRoundWindows({
      start: vn('2025-03-03 00:00'),
      count: 3,
      rule: WED_10_TO_WED_09,
    });
    expect(
      rounds.map((round) => [
        round.number,
        formatVietnamTime(round.opensAt),
        formatVietnamTime(round.closesAt),
      ]),
    ).toEqual([
      [1, '2025-03-05 10:00', '2025-03-12 09:00'],
      [2, '2025-03-12 10:00', '2025-03-19 09:00'],
      [3, '2025-03-19 10:00', '2025-03-26 09:00'],
    ]);
    expect(measureWindowLength(WED_10_TO_WED_09)).toBe((6 * 24 + 23) * 3_600_000);
  });

  it('takes an opening exactly at the start, and the next week one minute after', () => {
    expect(findFirstOpening(vn('2025-03-05 10:00'), WED_10_TO_WED_09)).toBe(vn('2025-03-05 10:00'));
    expect(findFirstOpening(vn('2025-03-05 10:01'), WED_10_TO_WED_09)).toBe(vn('2025-03-12 10:00'));
    expect(findFirstOpening(vn('2025-03-05 09:59'), WED_10_TO_WED_09)).toBe(vn('2025-03-05 10:00'));
    // Late on Tuesday in UTC is Wednesday morning in Vietnam: the round opens that same day.
    expect(findFirstOpening(Date.parse('2025-03-04T20:00:00Z'), WED_10_TO_WED_09)).toBe(
      vn('2025-03-05 10:00'),
    );
  });

  it('is open exactly at 10:00 and closed exactly at 09:00 the next week', () => {
    const [first, second] = buildRoundWindows({
      start: vn('2025-03-05 10:00'),
      count: 2,
      rule: WED_10_TO_WED_09,
    });
    expect(isRoundOpen(first!, vn('2025-03-05 09:59:59.999'))).toBe(false);
    expect(isRoundOpen(first!, vn('2025-03-05 10:00'))).toBe(true);
    expect(isRoundOpen(first!, vn('2025-03-12 08:59:59.999'))).toBe(true);
    expect(isRoundOpen(first!, vn('2025-03-12 09:00'))).toBe(false);
    expect(isRoundClosed(first!, vn('2025-03-12 08:59:59.999'))).toBe(false);
    expect(isRoundClosed(first!, vn('2025-03-12 09:00'))).toBe(true);
    expect(isRoundClosed(second!, vn('2025-03-12 09:00'))).toBe(false);
  });

  it('finds the open round, none in the hour between rounds, and the next one', () => {
    const rounds = buildRoundWindows({
      start: vn('2025-03-01 00:00'),
      count: 3,
      rule: WED_10_TO_WED_09,
    });
    expect(findOpenRound(rounds, vn('2025-03-05 10:00'))?.number).toBe(1);
    expect(findOpenRound(rounds, vn('2025-03-12 08:59'))?.number).toBe(1);
    expect(findOpenRound(rounds, vn('2025-03-12 09:30'))).toBeNull();
    expect(findNextRound(rounds, vn('2025-03-12 09:30'))?.number).toBe(2);
    expect(findOpenRound(rounds, vn('2025-03-12 10:00'))?.number).toBe(2);
    expect(findOpenRound(rounds, vn('2025-03-01 12:00'))).toBeNull();
    expect(findNextRound(rounds, vn('2025-03-01 12:00'))?.number).toBe(1);
    expect(findOpenRound(rounds, vn('2025-03-26 09:00'))).toBeNull();
    expect(findNextRound(rounds, vn('2025-03-26 09:00'))).toBeNull();
  });

  it('puts the instant where back-to-back windows touch in the later round', () => {
    const rounds = buildRoundWindows({
      start: vn('2025-03-05 00:00'),
      count: 2,
      rule: { opensOn: 1, opensAt: '00:00', closesOn: 1, closesAt: '00:00' },
    });
    expect(formatVietnamTime(rounds[0]!.opensAt)).toBe('2025-03-10 00:00');
    expect(rounds[0]!.closesAt).toBe(rounds[1]!.opensAt);
    expect(findOpenRound(rounds, rounds[0]!.closesAt)?.number).toBe(2);
  });

  it('supports short windows within the week', () => {
    const [round] = buildRoundWindows({
      start: vn('2025-03-05 00:00'),
      count: 1,
      rule: { opensOn: 6, opensAt: '20:00', closesOn: 7, closesAt: '22:00' },
    });
    expect(formatVietnamTime(round!.opensAt)).toBe('2025-03-08 20:00');
    expect(formatVietnamTime(round!.closesAt)).toBe('2025-03-09 22:00');
  });

  it('works on rounds an organiser moved (Tết), not on arithmetic', () => {
    const rounds = [
      { number: 1, opensAt: vn('2026-02-04 10:00'), closesAt: vn('2026-02-11 09:00') },
      { number: 2, opensAt: vn('2026-02-25 10:00'), closesAt: vn('2026-03-04 09:00') },
    ];
    assertRoundWindows(rounds);
    expect(findOpenRound(rounds, vn('2026-02-18 10:00'))).toBeNull();
    expect(findNextRound(rounds, vn('2026-02-18 10:00'))?.number).toBe(2);
  });

  it('refuses bad rules, counts and edited windows', () => {
    const bad = (rule: Partial<WeeklyWindowRule>) =>
      codeOf(() =>
        buildRoundWindows({ start: 0, count: 1, rule: { ...WED_10_TO_WED_09, ...rule } }),
      );
    expect(bad({ opensAt: '24:00' })).toBe('invalid_window_rule');
    expect(bad({ opensAt: '9:00' })).toBe('invalid_window_rule');
    expect(bad({ closesOn: 8 as 7 })).toBe('invalid_window_rule');
    expect(bad({ opensOn: 0 as 1 })).toBe('invalid_window_rule');
    expect(codeOf(() => buildRoundWindows({ start: 0, count: 0, rule: WED_10_TO_WED_09 }))).toBe(
      'invalid_round_count',
    );
    expect(codeOf(() => buildRoundWindows({ start: 0, count: 1.5, rule: WED_10_TO_WED_09 }))).toBe(
      'invalid_round_count',
    );
    expect(
      codeOf(() => buildRoundWindows({ start: Number.NaN, count: 1, rule: WED_10_TO_WED_09 })),
    ).toBe('invalid_instant');
    expect(
      codeOf(() =>
        assertRoundWindows([
          { opensAt: vn('2025-03-05 10:00'), closesAt: vn('2025-03-12 10:30') },
          { opensAt: vn('2025-03-12 10:00'), closesAt: vn('2025-03-19 09:00') },
        ]),
      ),
    ).toBe('invalid_window_rule');
    expect(
      codeOf(() =>
        assertRoundWindows([{ opensAt: vn('2025-03-05 10:00'), closesAt: vn('2025-03-05 10:00') }]),
      ),
    ).toBe('invalid_window_rule');
  });
});
