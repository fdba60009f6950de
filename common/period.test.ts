import { describe, expect, it } from 'vitest';
import {
  deadlineDueDate,
  deadlineKey,
  elapsedFraction,
  formatDeadline,
  formatPeriod,
  isOverdue,
  parseDeadline,
  parsePeriodKey,
  periodContaining,
  periodsElapsed,
} from './period.ts';

describe('period keys', () => {
  it.each([
    ['2023-06-30', 'day', '2023-06-30', '2023-06-30', '30/06/2023'],
    ['2023-W07', 'week', '2023-02-13', '2023-02-19', 'Tuần 7/2023'],
    ['2021-W01', 'week', '2021-01-04', '2021-01-10', 'Tuần 1/2021'],
    ['2020-W53', 'week', '2020-12-28', '2021-01-03', 'Tuần 53/2020'],
    ['2023-06', 'month', '2023-06-01', '2023-06-30', 'Tháng 6/2023'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29', 'Tháng 2/2024'],
    ['2023-Q2', 'quarter', '2023-04-01', '2023-06-30', 'Quý II/2023'],
    ['2023-Q4', 'quarter', '2023-10-01', '2023-12-31', 'Quý IV/2023'],
    ['2023-H1', 'half_year', '2023-01-01', '2023-06-30', '6 tháng đầu năm 2023'],
    ['2023-H2', 'half_year', '2023-07-01', '2023-12-31', '6 tháng cuối năm 2023'],
    ['2023', 'year', '2023-01-01', '2023-12-31', 'Năm 2023'],
    ['2022-2027', 'multi_year', '2022-01-01', '2027-12-31', 'Giai đoạn 2022 – 2027'],
  ])('%s is a %s from %s to %s, read "%s"', (key, type, from, to, label) => {
    const p = parsePeriodKey(key);
    expect(p).toEqual({ type, key, from, to });
    expect(formatPeriod(p!)).toBe(label);
  });

  it.each([
    '2023-02-30',
    '2023-13',
    '2023-00',
    '2023-Q5',
    '2023-H3',
    '2021-W53',
    '2023-W00',
    '2027-2022',
    '2023-2023',
    '1800',
    '23-Q1',
    'Quý II/2023',
    '',
  ])('rejects %j', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });

  it('finds the period of each type that contains a date', () => {
    expect(periodContaining('week', '2023-01-01').key).toBe('2022-W52');
    expect(periodContaining('week', '2024-12-30').key).toBe('2025-W01');
    expect(periodContaining('month', '2023-03-20').key).toBe('2023-03');
    expect(periodContaining('quarter', '2023-03-31').key).toBe('2023-Q1');
    expect(periodContaining('quarter', '2023-04-01').key).toBe('2023-Q2');
    expect(periodContaining('half_year', '2023-07-01').key).toBe('2023-H2');
    expect(periodContaining('year', '2023-07-01').key).toBe('2023');
    expect(periodContaining('day', '2023-07-01').key).toBe('2023-07-01');
  });
});

describe('deadlines as the plans write them', () => {
  it.each([
    ['Quý II/2023', '2023-Q2', '2023-06-30', 'Quý II/2023'],
    ['Hoàn thành trong Quý II/2023', '2023-Q2', '2023-06-30', 'Quý II/2023'],
    ['(Hoàn thành trong quý III/2023)', '2023-Q3', '2023-09-30', 'Quý III/2023'],
    ['quy 4/2023', '2023-Q4', '2023-12-31', 'Quý IV/2023'],
    ['Quý I năm 2024', '2024-Q1', '2024-03-31', 'Quý I/2024'],
    ['Hoàn thành trong tháng 3/2023', '2023-03', '2023-03-31', 'Tháng 3/2023'],
    ['tháng 06 năm 2023', '2023-06', '2023-06-30', 'Tháng 6/2023'],
    ['4/2023', '2023-04', '2023-04-30', 'Tháng 4/2023'],
    ['25/4/2023', '2023-04-25', '2023-04-25', '25/04/2023'],
    ['trước ngày 20/9/2023', '2023-09-20', '2023-09-20', '20/09/2023'],
    ['năm 2025', '2025', '2025-12-31', 'Năm 2025'],
    ['6 tháng đầu năm 2023', '2023-H1', '2023-06-30', '6 tháng đầu năm 2023'],
    ['2023-Q2', '2023-Q2', '2023-06-30', 'Quý II/2023'],
    ['2023-q2', '2023-Q2', '2023-06-30', 'Quý II/2023'],
  ])('%j → %s, due %s', (text, key, due, label) => {
    const deadline = parseDeadline(text);
    expect(deadline).not.toBeNull();
    expect(deadlineKey(deadline!)).toBe(key);
    expect(deadlineDueDate(deadline!)).toBe(due);
    expect(formatDeadline(deadline!)).toBe(label);
  });

  it.each(['Thực hiện thường xuyên', 'thường xuyên', 'THUONG XUYEN', 'recurring'])(
    '%j is recurring, with no due date',
    (text) => {
      const deadline = parseDeadline(text)!;
      expect(deadline).toEqual({ kind: 'recurring' });
      expect(deadlineKey(deadline)).toBe('recurring');
      expect(deadlineDueDate(deadline)).toBeNull();
      expect(formatDeadline(deadline)).toBe('Thường xuyên');
    },
  );

  it.each([
    'Quý II và Quý III/2023',
    'Quý V/2023',
    'tháng 13/2023',
    '31/02/2023',
    'sớm',
    '2022-2027',
    '',
  ])('rejects %j', (text) => {
    expect(parseDeadline(text)).toBeNull();
  });

  it('is overdue only after the due day, and never when done or recurring', () => {
    expect(isOverdue('2023-06-30', false, '2023-06-30')).toBe(false);
    expect(isOverdue('2023-06-30', false, '2023-07-01')).toBe(true);
    expect(isOverdue('2023-06-30', true, '2023-07-01')).toBe(false);
    expect(isOverdue(null, false, '2099-01-01')).toBe(false);
  });
});

describe('time elapsed in a window', () => {
  const year = { from: '2023-01-01', to: '2023-12-31' };
  it('counts the asOf day itself and is clamped to [0, 1]', () => {
    expect(elapsedFraction(year, '2022-12-31')).toBe(0);
    expect(elapsedFraction(year, '2023-01-01')).toBeCloseTo(1 / 365);
    expect(elapsedFraction(year, '2023-07-02')).toBeCloseTo(183 / 365);
    expect(elapsedFraction(year, '2023-12-31')).toBe(1);
    expect(elapsedFraction(year, '2024-05-01')).toBe(1);
  });

  it('counts periods elapsed for rates, at least one', () => {
    const q1 = { from: '2024-01-01', to: '2024-03-31' };
    expect(periodsElapsed('week', q1, '2024-12-31')).toBeCloseTo(13);
    expect(periodsElapsed('week', q1, '2024-01-14')).toBeCloseTo(2);
    expect(periodsElapsed('week', q1, '2024-01-02')).toBe(1);
    expect(periodsElapsed('month', q1, '2024-12-31')).toBeCloseTo(3);
    expect(periodsElapsed('month', year, '2023-06-30')).toBeCloseTo(6);
    expect(periodsElapsed('quarter', year, '2024-01-01')).toBeCloseTo(4);
    expect(
      periodsElapsed('year', { from: '2023-01-01', to: '2025-12-31' }, '2026-01-01'),
    ).toBeCloseTo(3);
    expect(periodsElapsed('day', q1, '2024-01-10')).toBe(10);
  });
});
