import { describe, expect, it } from 'vitest';
import { ContestRuleError } from './contest-errors.ts';
import type { BankQuestion, CategoryQuota } from './draw.ts';
import { drawQuestions, findQuotaShortfalls, orderOptions, prepareQuestionBank } from './draw.ts';
import { MAX_SEED, createSeededRandom, generateAttemptSeed, isValidSeed } from './seeded-random.ts';

const CATEGORIES = ['c1', 'c2', 'c3', 'c4', 'c5'];

function buildBank(perCategory = 6): BankQuestion[] {
  const bank: BankQuestion[] = [];
  for (const categoryId of CATEGORIES) {
    for (let q = 1; q <= perCategory; q++) {
      const id = `${categoryId}-q${q}`;
      bank.push({ id, categoryId, optionIds: ['a', 'b', 'c', 'd'].map((o) => `${id}-${o}`) });
    }
  }
  return bank;
}

const TWO_EACH: CategoryQuota[] = CATEGORIES.map((categoryId) => ({ categoryId, count: 2 }));

function errorOf(action: () => unknown): ContestRuleError {
  try {
    action();
  } catch (error) {
    if (error instanceof ContestRuleError) return error;
    throw error;
  }
  throw new Error('expected a ContestRuleError');
}

describe('seeded generator', () => {
  it('is frozen: these outputs are part of every stored attempt', () => {
    const random = createSeededRandom(1);
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([
      792534090, 3215351813, 160231488,
    ]);
  });

  it('draws integers below a bound without bias', () => {
    const counts = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 20_000; seed++) counts[createSeededRandom(seed).nextBelow(10)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(1800);
    for (const count of counts) expect(count).toBeLessThan(2200);
  });

  it('accepts only 31-bit seeds, and makes such seeds', () => {
    expect(isValidSeed(0)).toBe(true);
    expect(isValidSeed(MAX_SEED)).toBe(true);
    expect(isValidSeed(MAX_SEED + 1)).toBe(false);
    expect(isValidSeed(-1)).toBe(false);
    expect(isValidSeed(1.5)).toBe(false);
    expect(errorOf(() => createSeededRandom(2 ** 31)).code).toBe('invalid_seed');
    for (let i = 0; i < 20; i++) expect(isValidSeed(generateAttemptSeed())).toBe(true);
  });
});

describe('drawing questions by quota', () => {
  const prepared = prepareQuestionBank(buildBank(), TWO_EACH);

  it('draws 10 questions, 2 from each of 5 categories, none twice', () => {
    const drawn = drawQuestions(prepared, 7);
    expect(prepared.questionCount).toBe(10);
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn.map((q) => q.questionId)).size).toBe(10);
    for (const categoryId of CATEGORIES) {
      expect(drawn.filter((q) => q.categoryId === categoryId)).toHaveLength(2);
    }
    for (const question of drawn) {
      expect(question.questionId.startsWith(question.categoryId + '-')).toBe(true);
      expect([...question.optionIds].sort()).toEqual(
        ['a', 'b', 'c', 'd'].map((o) => `${question.questionId}-${o}`),
      );
    }
  });

  it('is fixed by the seed: this exact draw for seed 42', () => {
    const drawn = drawQuestions(prepared, 42);
    expect(drawn.map((q) => q.questionId)).toEqual([
      'c5-q1',
      'c2-q6',
      'c4-q1',
      'c1-q6',
      'c5-q4',
      'c1-q3',
      'c3-q3',
      'c3-q6',
      'c2-q2',
      'c4-q3',
    ]);
    expect(drawn.map((q) => q.optionIds.map((o) => o.slice(-1)).join(''))).toEqual([
      'cadb',
      'cabd',
      'cadb',
      'badc',
      'bacd',
      'cbda',
      'cdab',
      'acbd',
      'cadb',
      'bcad',
    ]);
  });

  it('reproduces the same attempt from the same seed, and differs across seeds', () => {
    expect(drawQuestions(prepared, 123_456)).toEqual(drawQuestions(prepared, 123_456));
    const orders = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      orders.add(
        drawQuestions(prepared, seed)
          .map((q) => q.questionId)
          .join(','),
      );
    }
    expect(orders.size).toBe(50);
    const optionOrders = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      optionOrders.add(
        drawQuestions(prepared, seed)[0]!
          .optionIds.map((o) => o.slice(-1))
          .join(''),
      );
    }
    expect(optionOrders.size).toBeGreaterThan(12);
  });

  it('does not depend on the order the bank and the quotas are listed in', () => {
    const reversed = prepareQuestionBank([...buildBank()].reverse(), [...TWO_EACH].reverse());
    expect(drawQuestions(reversed, 99)).toEqual(drawQuestions(prepared, 99));
  });

  it('rebuilds option orders from the seed and position alone', () => {
    const drawn = drawQuestions(prepared, 2024);
    drawn.forEach((question, position) => {
      const authored = ['a', 'b', 'c', 'd'].map((o) => `${question.questionId}-${o}`);
      expect(orderOptions(authored, 2024, position)).toEqual(question.optionIds);
    });
  });

  it('keeps the authored order of options that must not move', () => {
    const bank = buildBank().map((q) => ({ ...q, keepOptionOrder: q.categoryId === 'c1' }));
    for (const seed of [1, 2, 3, 4, 5]) {
      const drawn = drawQuestions(prepareQuestionBank(bank, TWO_EACH), seed);
      for (const question of drawn.filter((q) => q.categoryId === 'c1')) {
        expect(question.optionIds).toEqual(
          ['a', 'b', 'c', 'd'].map((o) => `${question.questionId}-${o}`),
        );
      }
    }
  });

  it('gives every question of a category the same chance', () => {
    const hits = new Map<string, number>();
    for (let seed = 0; seed < 3000; seed++) {
      for (const q of drawQuestions(prepared, seed)) {
        if (q.categoryId === 'c3') hits.set(q.questionId, (hits.get(q.questionId) ?? 0) + 1);
      }
    }
    // Each of 6 questions is drawn with probability 2/6: about 1,000 times in 3,000 attempts.
    expect(hits.size).toBe(6);
    for (const count of hits.values()) {
      expect(count).toBeGreaterThan(880);
      expect(count).toBeLessThan(1120);
    }
  });

  it('draws a whole category when the quota equals its size, and ignores categories without quota', () => {
    const exact = prepareQuestionBank(buildBank(2), [
      { categoryId: 'c1', count: 2 },
      { categoryId: 'c2', count: 1 },
    ]);
    const drawn = drawQuestions(exact, 5);
    expect(
      drawn
        .filter((q) => q.categoryId === 'c1')
        .map((q) => q.questionId)
        .sort(),
    ).toEqual(['c1-q1', 'c1-q2']);
    expect(drawn).toHaveLength(3);
    expect(drawn.every((q) => q.categoryId === 'c1' || q.categoryId === 'c2')).toBe(true);
  });

  it('fails with every shortfall when categories hold fewer questions than their quota', () => {
    const bank = buildBank().filter((q) => q.categoryId !== 'c5' && q.id !== 'c3-q2');
    const quotas = [...TWO_EACH.slice(0, 2), { categoryId: 'c3', count: 6 }, ...TWO_EACH.slice(3)];
    const error = errorOf(() => prepareQuestionBank(bank, quotas));
    expect(error.code).toBe('quota_not_met');
    expect(error.details).toEqual({
      shortfalls: [
        { categoryId: 'c3', required: 6, available: 5 },
        { categoryId: 'c5', required: 2, available: 0 },
      ],
    });
    expect(findQuotaShortfalls(bank, quotas)).toEqual([
      { categoryId: 'c3', required: 6, available: 5 },
      { categoryId: 'c5', required: 2, available: 0 },
    ]);
    expect(findQuotaShortfalls(buildBank(), TWO_EACH)).toEqual([]);
  });

  it('refuses malformed quotas, banks and seeds', () => {
    const bank = buildBank();
    expect(errorOf(() => prepareQuestionBank(bank, [])).code).toBe('invalid_quota');
    expect(errorOf(() => prepareQuestionBank(bank, [{ categoryId: 'c1', count: 0 }])).code).toBe(
      'invalid_quota',
    );
    expect(
      errorOf(() =>
        prepareQuestionBank(bank, [
          { categoryId: 'c1', count: 1 },
          { categoryId: 'c1', count: 1 },
        ]),
      ).code,
    ).toBe('invalid_quota');
    expect(errorOf(() => prepareQuestionBank([...bank, bank[0]!], TWO_EACH)).code).toBe(
      'invalid_question_bank',
    );
    expect(
      errorOf(() =>
        prepareQuestionBank(
          [{ id: 'x', categoryId: 'c1', optionIds: ['only'] }],
          [{ categoryId: 'c1', count: 1 }],
        ),
      ).code,
    ).toBe('invalid_question_bank');
    expect(errorOf(() => drawQuestions(prepared, -1)).code).toBe('invalid_seed');
  });
});
