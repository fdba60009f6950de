import { ContestRuleError } from './contest-errors.ts';
import { MAX_SEED, createSeededRandom, shuffleInPlace } from './seeded-random.ts';

/**
 * Drawing an attempt's questions by category quota ("10 questions: 2 from each of 5 categories"),
 * then shuffling the questions and each question's options, all from the attempt's seed.
 *
 * Contract:
 * - Within a category every question is equally likely and none is drawn twice in an attempt.
 * - The draw is a function of the seed and the *set* of questions per quota category: the order
 *   in which the bank or the quotas are listed does not matter (both are put in id order first),
 *   so a database returning rows in another order cannot change an attempt. Adding or retiring a
 *   question does change what a seed draws, so the service stores the drawn question ids on the
 *   attempt; the seed then still rebuilds the option orders (`orderOptions`), which depend only on
 *   the seed, the position and the question's authored options.
 * - A category with fewer questions than its quota fails with `quota_not_met` listing every
 *   shortfall, rather than drawing a shorter quiz: participants in one round must face the same
 *   structure. `findQuotaShortfalls` gives the same facts without throwing, for the organiser.
 * - The bank's `categoryId` is the quota category a question counts toward: with a category tree
 *   the caller maps each question to the quota category whose subtree holds it. Questions of
 *   categories without a quota are never drawn.
 * - `prepareQuestionBank` does the grouping, sorting and checks once per contest and round, so
 *   starting an attempt (the round-start spike) costs only the draw itself.
 */

export type BankQuestion = {
  /** The question version the attempt will see. */
  id: string;
  categoryId: string;
  /** Option ids in their authored order. */
  optionIds: readonly string[];
  /** For options like "Cả A, B và C đều đúng" that must stay where they were written. */
  keepOptionOrder?: boolean;
};

export type CategoryQuota = { categoryId: string; count: number };

export type QuotaShortfall = { categoryId: string; required: number; available: number };

export type DrawnQuestion = {
  questionId: string;
  categoryId: string;
  /** The options in the order this attempt shows them. */
  optionIds: string[];
};

export type PreparedBank = {
  readonly groups: readonly {
    categoryId: string;
    count: number;
    questions: readonly BankQuestion[];
  }[];
  /** Questions per attempt: the sum of the quotas. */
  readonly questionCount: number;
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function checkQuotas(quotas: readonly CategoryQuota[]): CategoryQuota[] {
  if (quotas.length === 0) throw new ContestRuleError('invalid_quota', { problem: 'empty' });
  const seen = new Set<string>();
  for (const quota of quotas) {
    if (!quota.categoryId || !Number.isInteger(quota.count) || quota.count < 1) {
      throw new ContestRuleError('invalid_quota', { problem: 'bad_quota', quota });
    }
    if (seen.has(quota.categoryId)) {
      throw new ContestRuleError('invalid_quota', {
        problem: 'duplicate_category',
        categoryId: quota.categoryId,
      });
    }
    seen.add(quota.categoryId);
  }
  return [...quotas].sort((a, b) => byId(a.categoryId, b.categoryId));
}

function groupByCategory(bank: readonly BankQuestion[]): Map<string, BankQuestion[]> {
  const groups = new Map<string, BankQuestion[]>();
  const ids = new Set<string>();
  for (const question of bank) {
    if (ids.has(question.id) || question.optionIds.length < 2) {
      throw new ContestRuleError('invalid_question_bank', { questionId: question.id });
    }
    ids.add(question.id);
    const group = groups.get(question.categoryId);
    if (group) group.push(question);
    else groups.set(question.categoryId, [question]);
  }
  return groups;
}

function listShortfalls(
  groups: ReadonlyMap<string, readonly BankQuestion[]>,
  quotas: readonly CategoryQuota[],
): QuotaShortfall[] {
  const shortfalls: QuotaShortfall[] = [];
  for (const quota of quotas) {
    const available = groups.get(quota.categoryId)?.length ?? 0;
    if (available < quota.count) {
      shortfalls.push({ categoryId: quota.categoryId, required: quota.count, available });
    }
  }
  return shortfalls;
}

/**
 * Every quota category that holds fewer questions than its quota, in category id order — for the
 * organiser's screen before a contest is published. Throws on malformed quotas or bank, like
 * `prepareQuestionBank`.
 */
export function findQuotaShortfalls(
  bank: readonly BankQuestion[],
  quotas: readonly CategoryQuota[],
): QuotaShortfall[] {
  return listShortfalls(groupByCategory(bank), checkQuotas(quotas));
}

/**
 * Groups and orders the bank for drawing. Throws `invalid_quota` (no quota, a count that is not a
 * positive integer, a category twice), `invalid_question_bank` (a repeated question id, fewer
 * than two options) or `quota_not_met` with `details.shortfalls`.
 */
export function prepareQuestionBank(
  bank: readonly BankQuestion[],
  quotas: readonly CategoryQuota[],
): PreparedBank {
  const groups = groupByCategory(bank);
  const sorted = checkQuotas(quotas);
  const shortfalls = listShortfalls(groups, sorted);
  if (shortfalls.length > 0) throw new ContestRuleError('quota_not_met', { shortfalls });
  return {
    groups: sorted.map((quota) => ({
      categoryId: quota.categoryId,
      count: quota.count,
      questions: [...(groups.get(quota.categoryId) ?? [])].sort((a, b) => byId(a.id, b.id)),
    })),
    questionCount: sorted.reduce((sum, quota) => sum + quota.count, 0),
  };
}

/**
 * The option order of the question at `position` (0-based) in an attempt with `seed`. Options
 * marked `keepOptionOrder` stay in authored order. Throws `invalid_seed`.
 */
export function orderOptions(
  optionIds: readonly string[],
  seed: number,
  position: number,
  keepOptionOrder = false,
): string[] {
  const options = [...optionIds];
  if (keepOptionOrder) return options;
  // A separate stream per position: option orders do not depend on which questions were drawn.
  const derived = createSeededRandom(seed).nextUint32() ^ Math.imul(position + 1, 0x9e3779b1);
  return shuffleInPlace(options, createSeededRandom((derived >>> 0) & MAX_SEED));
}

/**
 * The questions of one attempt: `count` questions per quota category without repeats, shuffled
 * together, each with its options shuffled. Same prepared bank and seed → same result.
 * Throws `invalid_seed`.
 */
export function drawQuestions(bank: PreparedBank, seed: number): DrawnQuestion[] {
  const random = createSeededRandom(seed);
  const picked: BankQuestion[] = [];
  for (const group of bank.groups) {
    // Partial Fisher–Yates: the first `count` slots of a shuffled copy.
    const pool = [...group.questions];
    for (let i = 0; i < group.count; i++) {
      const j = i + random.nextBelow(pool.length - i);
      const chosen = pool[j]!;
      pool[j] = pool[i]!;
      pool[i] = chosen;
      picked.push(chosen);
    }
  }
  shuffleInPlace(picked, random);
  return picked.map((question, position) => ({
    questionId: question.id,
    categoryId: question.categoryId,
    optionIds: orderOptions(question.optionIds, seed, position, question.keepOptionOrder),
  }));
}
