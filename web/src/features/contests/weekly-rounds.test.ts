import { describe, expect, it } from 'vitest';
import { weeklyRounds } from './weekly-rounds.ts';

describe('weekly rounds', () => {
  it('opens each Wednesday 10:00 and closes the next Wednesday 09:00, Vietnam time', () => {
    const rounds = weeklyRounds({
      firstDate: '2026-12-02',
      opensAt: '10:00',
      closesAt: '09:00',
      topics: [' Lịch sử Đoàn ', 'Pháp luật'],
      firstNumber: 1,
    });
    expect(rounds).toEqual([
      {
        number: 1,
        topic: 'Lịch sử Đoàn',
        opensAt: '2026-12-02T03:00:00.000Z',
        closesAt: '2026-12-09T02:00:00.000Z',
      },
      {
        number: 2,
        topic: 'Pháp luật',
        opensAt: '2026-12-09T03:00:00.000Z',
        closesAt: '2026-12-16T02:00:00.000Z',
      },
    ]);
  });

  it('numbers after the rounds already stored and crosses month and year ends', () => {
    const [round] = weeklyRounds({
      firstDate: '2026-12-30',
      opensAt: '00:30',
      closesAt: '00:00',
      topics: ['Tết'],
      firstNumber: 5,
    });
    expect(round).toEqual({
      number: 5,
      topic: 'Tết',
      opensAt: '2026-12-29T17:30:00.000Z',
      closesAt: '2027-01-05T17:00:00.000Z',
    });
  });
});
