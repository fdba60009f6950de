import { describe, expect, it } from 'vitest';
import { ContestRuleError } from './contest-errors.ts';
import type { AttemptClock, RecordedAnswer } from './timing.ts';
import {
  computeDeadline,
  computeQuestionWindow,
  isAttemptExpired,
  selectCountedAnswers,
} from './timing.ts';
import { parseVietnamTime } from './vietnam-time.ts';

const START = parseVietnamTime('2025-03-05 20:00');
const S = 1000;
const QUESTIONS = ['q1', 'q2', 'q3'].map((questionId) => ({ questionId }));

const perAttempt: AttemptClock = {
  startedAt: START,
  limit: { kind: 'per_attempt', seconds: 600 },
  graceMs: 5 * S,
  questionCount: 3,
};

const answer = (questionId: string, atSeconds: number, optionIds = ['a']): RecordedAnswer => ({
  questionId,
  optionIds,
  recordedAt: START + atSeconds * S,
});

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof ContestRuleError) return error.code;
    throw error;
  }
  return undefined;
}

describe('deadline', () => {
  it('is the start plus the limit plus the grace', () => {
    expect(computeDeadline(perAttempt)).toEqual({
      limitEndsAt: START + 600 * S,
      deadline: START + 605 * S,
    });
    expect(
      computeDeadline({ ...perAttempt, limit: { kind: 'per_question', seconds: 30 } }),
    ).toEqual({ limitEndsAt: START + 90 * S, deadline: START + 95 * S });
  });

  it('never runs past the round close', () => {
    const late = parseVietnamTime('2025-03-12 08:55');
    const close = parseVietnamTime('2025-03-12 09:00');
    expect(computeDeadline({ ...perAttempt, startedAt: late, roundClosesAt: close })).toEqual({
      limitEndsAt: close,
      deadline: close + 5 * S,
    });
    expect(
      computeDeadline({ ...perAttempt, limit: { kind: 'none' }, roundClosesAt: close }),
    ).toEqual({ limitEndsAt: close, deadline: close + 5 * S });
    expect(computeDeadline({ ...perAttempt, limit: { kind: 'none' } })).toEqual({
      limitEndsAt: null,
      deadline: null,
    });
  });

  it('expires only after the deadline', () => {
    const deadline = computeDeadline(perAttempt);
    expect(isAttemptExpired(deadline, START + 605 * S)).toBe(false);
    expect(isAttemptExpired(deadline, START + 605 * S + 1)).toBe(true);
    expect(isAttemptExpired({ limitEndsAt: null, deadline: null }, START + 10 ** 9)).toBe(false);
  });

  it('refuses limits that are not positive and negative graces', () => {
    expect(
      codeOf(() => computeDeadline({ ...perAttempt, limit: { kind: 'per_attempt', seconds: 0 } })),
    ).toBe('invalid_time_limit');
    expect(codeOf(() => computeDeadline({ ...perAttempt, graceMs: -1 }))).toBe(
      'invalid_time_limit',
    );
    expect(codeOf(() => computeDeadline({ ...perAttempt, questionCount: 0 }))).toBe(
      'invalid_time_limit',
    );
    expect(codeOf(() => computeQuestionWindow(perAttempt, START))).toBe('invalid_time_limit');
  });
});

describe('answers that count, per-attempt limit', () => {
  it('counts answers up to the deadline, including those inside the grace', () => {
    const result = selectCountedAnswers({
      clock: perAttempt,
      questions: QUESTIONS,
      answers: [answer('q1', 100), answer('q2', 603), answer('q3', 605)],
      submittedAt: START + 605 * S,
    });
    expect(result.status).toBe('on_time');
    expect(result.counted.map((a) => a.questionId)).toEqual(['q1', 'q2', 'q3']);
    expect(result.ignoredCount).toBe(0);
    expect(result.effectiveSubmittedAt).toBe(START + 605 * S);
    expect(result.durationMs).toBe(605 * S);
  });

  it('ignores an answer one millisecond after the deadline', () => {
    const result = selectCountedAnswers({
      clock: perAttempt,
      questions: QUESTIONS,
      answers: [answer('q1', 100), { ...answer('q2', 605), recordedAt: START + 605 * S + 1 }],
      submittedAt: START + 700 * S,
    });
    expect(result.counted.map((a) => a.questionId)).toEqual(['q1']);
    expect(result.ignoredCount).toBe(1);
  });

  it('accepts a late submission but scores it on the answers given by the deadline', () => {
    const result = selectCountedAnswers({
      clock: perAttempt,
      questions: QUESTIONS,
      // The late request carries q2 and q3, recorded when it arrived.
      answers: [answer('q1', 300, ['b']), answer('q2', 900), answer('q3', 900)],
      submittedAt: START + 900 * S,
    });
    expect(result.status).toBe('late');
    expect(result.counted).toEqual([{ questionId: 'q1', optionIds: ['b'] }]);
    expect(result.ignoredCount).toBe(2);
    // A late submission ranks as if it ended at the deadline, never later or earlier.
    expect(result.effectiveSubmittedAt).toBe(START + 605 * S);
    expect(result.durationMs).toBe(605 * S);
  });

  it('treats a submission inside the grace as on time', () => {
    const result = selectCountedAnswers({
      clock: perAttempt,
      questions: QUESTIONS,
      answers: [answer('q1', 602), answer('q2', 602), answer('q3', 602)],
      submittedAt: START + 602 * S,
    });
    expect(result.status).toBe('on_time');
    expect(result.counted).toHaveLength(3);
    expect(result.effectiveSubmittedAt).toBe(START + 602 * S);
  });

  it('keeps the last answer that counted, not a change made too late', () => {
    const result = selectCountedAnswers({
      clock: perAttempt,
      questions: QUESTIONS,
      answers: [answer('q1', 10, ['a']), answer('q1', 20, ['c']), answer('q1', 610, ['d'])],
      submittedAt: START + 610 * S,
    });
    expect(result.counted).toEqual([{ questionId: 'q1', optionIds: ['c'] }]);
  });

  it('ignores answers after the submission, before the start, or to other questions', () => {
    const result = selectCountedAnswers({
      clock: perAttempt,
      questions: QUESTIONS,
      answers: [answer('q1', -1), answer('q2', 50), answer('q9', 60), answer('q3', 121)],
      submittedAt: START + 120 * S,
    });
    expect(result.counted.map((a) => a.questionId)).toEqual(['q2']);
    expect(result.ignoredCount).toBe(3);
    expect(result.durationMs).toBe(120 * S);
  });

  it('returns counted answers in the attempt order, whatever order they were recorded in', () => {
    const result = selectCountedAnswers({
      clock: perAttempt,
      questions: QUESTIONS,
      answers: [answer('q3', 10), answer('q1', 20), answer('q2', 30)],
      submittedAt: START + 40 * S,
    });
    expect(result.counted.map((a) => a.questionId)).toEqual(['q1', 'q2', 'q3']);
  });

  it('without a limit counts everything up to the submission', () => {
    const result = selectCountedAnswers({
      clock: { ...perAttempt, limit: { kind: 'none' } },
      questions: QUESTIONS,
      answers: [answer('q1', 5000), answer('q2', 9000)],
      submittedAt: START + 9000 * S,
    });
    expect(result.status).toBe('on_time');
    expect(result.deadline).toBeNull();
    expect(result.counted).toHaveLength(2);
    expect(result.durationMs).toBe(9000 * S);
  });
});

describe('answers that count, per-question limit', () => {
  const perQuestion: AttemptClock = {
    ...perAttempt,
    limit: { kind: 'per_question', seconds: 30 },
  };

  it('gives each question its own window from when it was served', () => {
    expect(computeQuestionWindow(perQuestion, START + 20 * S)).toEqual({
      opensAt: START + 20 * S,
      limitEndsAt: START + 50 * S,
      deadline: START + 55 * S,
    });
    // Never past the attempt's own limit (3 × 30 s), plus grace.
    expect(computeQuestionWindow(perQuestion, START + 80 * S)).toEqual({
      opensAt: START + 80 * S,
      limitEndsAt: START + 90 * S,
      deadline: START + 95 * S,
    });
  });

  it('counts an answer only inside its own question window', () => {
    const questions = [
      { questionId: 'q1', servedAt: START },
      { questionId: 'q2', servedAt: START + 20 * S },
      { questionId: 'q3', servedAt: START + 50 * S },
    ];
    const result = selectCountedAnswers({
      clock: perQuestion,
      questions,
      answers: [
        answer('q1', 29),
        answer('q2', 56), // 36 s after it was served: past 30 s + 5 s grace
        answer('q3', 84), // 34 s after: inside the grace
      ],
      submittedAt: START + 85 * S,
    });
    expect(result.counted.map((a) => a.questionId)).toEqual(['q1', 'q3']);
    expect(result.ignoredCount).toBe(1);
    expect(result.status).toBe('on_time');
  });

  it('refuses an answer given before its question was served, or to one never served', () => {
    const result = selectCountedAnswers({
      clock: perQuestion,
      questions: [
        { questionId: 'q1', servedAt: START },
        { questionId: 'q2', servedAt: START + 40 * S },
        { questionId: 'q3' },
      ],
      answers: [answer('q1', 35), answer('q2', 39), answer('q3', 45)],
      submittedAt: START + 50 * S,
    });
    expect(result.counted.map((a) => a.questionId)).toEqual(['q1']);
    expect(result.ignoredCount).toBe(2);
  });

  it('caps a question served late by the attempt deadline', () => {
    const result = selectCountedAnswers({
      clock: perQuestion,
      questions: [
        { questionId: 'q1', servedAt: START },
        { questionId: 'q2', servedAt: START + 10 * S },
        { questionId: 'q3', servedAt: START + 80 * S },
      ],
      answers: [answer('q1', 5), answer('q2', 15), answer('q3', 96)],
      submittedAt: START + 96 * S,
    });
    expect(result.counted.map((a) => a.questionId)).toEqual(['q1', 'q2']);
    expect(result.status).toBe('late');
    expect(result.effectiveSubmittedAt).toBe(START + 95 * S);
  });
});
