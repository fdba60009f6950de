import { describe, expect, it } from 'vitest';
import type { AnswerKey } from './scoring.ts';
import { isAnswerCorrect, scoreAttempt } from './scoring.ts';

const single: AnswerKey = { questionId: 's', kind: 'single', correctOptionIds: ['b'] };
const multiple: AnswerKey = {
  questionId: 'm',
  kind: 'multiple',
  correctOptionIds: ['a', 'c', 'd'],
};

describe('correctness of one answer', () => {
  it('single choice: exactly the correct option', () => {
    expect(isAnswerCorrect(single, ['b'])).toBe(true);
    expect(isAnswerCorrect(single, ['a'])).toBe(false);
    expect(isAnswerCorrect(single, ['b', 'a'])).toBe(false);
    expect(isAnswerCorrect(single, [])).toBe(false);
  });

  it('multiple choice: every correct option and no wrong one, in any order', () => {
    expect(isAnswerCorrect(multiple, ['d', 'a', 'c'])).toBe(true);
    expect(isAnswerCorrect(multiple, ['a', 'c', 'c', 'd'])).toBe(true);
    expect(isAnswerCorrect(multiple, ['a', 'c'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['a', 'b', 'c', 'd'])).toBe(false);
    expect(isAnswerCorrect(multiple, [])).toBe(false);
  });

  it('a key without a correct option is never satisfied', () => {
    expect(isAnswerCorrect({ questionId: 'x', kind: 'multiple', correctOptionIds: [] }, [])).toBe(
      false,
    );
  });
});

describe('scoring an attempt', () => {
  const keys: AnswerKey[] = [
    single,
    multiple,
    { questionId: 't', kind: 'single', correctOptionIds: ['x'] },
  ];

  it('counts correct questions, all or nothing by default', () => {
    const result = scoreAttempt(keys, [
      { questionId: 's', optionIds: ['b'] },
      { questionId: 'm', optionIds: ['a', 'c'] },
      { questionId: 't', optionIds: ['x'] },
    ]);
    expect(result.score).toBe(2);
    expect(result.maxScore).toBe(3);
    expect(result.correctCount).toBe(2);
    expect(result.isAllCorrect).toBe(false);
    expect(result.questions).toEqual([
      { questionId: 's', points: 1, isCorrect: true },
      { questionId: 'm', points: 0, isCorrect: false },
      { questionId: 't', points: 1, isCorrect: true },
    ]);
  });

  it('flags all correct only when every question of the attempt is right', () => {
    const all = scoreAttempt(keys, [
      { questionId: 's', optionIds: ['b'] },
      { questionId: 'm', optionIds: ['c', 'a', 'd'] },
      { questionId: 't', optionIds: ['x'] },
    ]);
    expect(all.isAllCorrect).toBe(true);
    expect(all.score).toBe(3);
    const unanswered = scoreAttempt(keys, [
      { questionId: 's', optionIds: ['b'] },
      { questionId: 'm', optionIds: ['a', 'c', 'd'] },
    ]);
    expect(unanswered.isAllCorrect).toBe(false);
    expect(unanswered.score).toBe(2);
    expect(scoreAttempt([], []).isAllCorrect).toBe(false);
  });

  it('gives proportional credit for multiple choice only when the policy says so', () => {
    const policy = { partialCredit: 'proportional' as const };
    const score = (optionIds: string[]) =>
      scoreAttempt([multiple], [{ questionId: 'm', optionIds }], policy).score;
    expect(score(['a', 'c', 'd'])).toBe(1);
    expect(score(['a', 'c'])).toBe(0.667);
    expect(score(['a', 'c', 'b'])).toBe(0.333);
    expect(score(['a', 'b', 'e'])).toBe(0);
    expect(score(['a', 'b', 'c', 'd', 'e'])).toBe(0.333);
    expect(scoreAttempt([multiple], [{ questionId: 'm', optionIds: ['a', 'c'] }]).score).toBe(0);
    // Single choice never earns partial credit, and partial credit is never "all correct".
    const mixed = scoreAttempt(
      [single, multiple],
      [
        { questionId: 's', optionIds: ['b', 'a'] },
        { questionId: 'm', optionIds: ['a', 'c'] },
      ],
      policy,
    );
    expect(mixed.score).toBe(0.667);
    expect(mixed.correctCount).toBe(0);
    expect(mixed.isAllCorrect).toBe(false);
  });

  it('sums points and rounds so equal scores compare equal', () => {
    const weighted: AnswerKey[] = [
      { questionId: 'p1', kind: 'single', correctOptionIds: ['a'], points: 0.1 },
      { questionId: 'p2', kind: 'single', correctOptionIds: ['a'], points: 0.2 },
      { questionId: 'p3', kind: 'single', correctOptionIds: ['a'], points: 5 },
    ];
    const answers = ['p1', 'p2'].map((questionId) => ({ questionId, optionIds: ['a'] }));
    const result = scoreAttempt(weighted, answers);
    expect(result.score).toBe(0.3);
    expect(result.maxScore).toBe(5.3);
    expect(scoreAttempt([...weighted].reverse(), answers).score).toBe(result.score);
  });

  it('ignores answers to questions outside the attempt', () => {
    const result = scoreAttempt(
      [single],
      [
        { questionId: 'other', optionIds: ['b'] },
        { questionId: 's', optionIds: ['b'] },
      ],
    );
    expect(result.score).toBe(1);
    expect(result.questionCount).toBe(1);
    expect(result.isAllCorrect).toBe(true);
  });
});
