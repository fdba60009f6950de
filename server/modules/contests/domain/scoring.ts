import type { CountedAnswer } from './timing.ts';

/**
 * Scoring an attempt from the answers that counted (see timing.ts) and the answer key, which
 * stays on the server.
 *
 * Contract:
 * - Single choice: correct when exactly the one correct option was chosen.
 * - Multiple choice: correct when every correct option and no wrong one was chosen. By default
 *   that is all or nothing; the `proportional` policy gives (right chosen − wrong chosen) ÷
 *   correct options of the question's points, never below 0, so guessing everything earns
 *   nothing.
 * - An unanswered question earns 0. The score is the sum of points (1 per question unless the
 *   key says otherwise), rounded to 0.001 so that equal scores compare equal whatever order the
 *   questions were summed in — the ranking compares scores exactly.
 * - `isAllCorrect` (every question of the attempt fully correct) is what the prediction question
 *   counts: "how many people will answer every question correctly?".
 */

export type QuestionKind = 'single' | 'multiple';

export type AnswerKey = {
  questionId: string;
  kind: QuestionKind;
  correctOptionIds: readonly string[];
  /** Points for a fully correct answer; 1 when absent. */
  points?: number;
};

export type PartialCredit = 'none' | 'proportional';
export type ScoringPolicy = { partialCredit: PartialCredit };

export const DEFAULT_SCORING_POLICY: ScoringPolicy = { partialCredit: 'none' };

export type QuestionScore = { questionId: string; points: number; isCorrect: boolean };

export type AttemptScore = {
  score: number;
  maxScore: number;
  correctCount: number;
  questionCount: number;
  isAllCorrect: boolean;
  /** Per question, in the key's order — for review and item statistics, never for the public. */
  questions: QuestionScore[];
};

const roundScore = (value: number) => Math.round(value * 1000) / 1000;

/** Fully correct: the chosen set equals the correct set (and is one option for single choice). */
export function isAnswerCorrect(key: AnswerKey, optionIds: readonly string[]): boolean {
  if (key.correctOptionIds.length === 0) return false;
  const chosen = new Set(optionIds);
  if (key.kind === 'single' && chosen.size !== 1) return false;
  if (chosen.size !== new Set(key.correctOptionIds).size) return false;
  for (const option of key.correctOptionIds) if (!chosen.has(option)) return false;
  return true;
}

function creditFor(key: AnswerKey, optionIds: readonly string[], policy: ScoringPolicy): number {
  if (isAnswerCorrect(key, optionIds)) return 1;
  if (key.kind === 'single' || policy.partialCredit === 'none') return 0;
  const correct = new Set(key.correctOptionIds);
  let right = 0;
  let wrong = 0;
  for (const option of new Set(optionIds)) {
    if (correct.has(option)) right++;
    else wrong++;
  }
  return correct.size === 0 ? 0 : Math.max(0, (right - wrong) / correct.size);
}

/**
 * The score of one attempt. `keys` are the attempt's questions (its drawn order); answers to
 * questions outside them are ignored.
 */
export function scoreAttempt(
  keys: readonly AnswerKey[],
  answers: readonly CountedAnswer[],
  policy: ScoringPolicy = DEFAULT_SCORING_POLICY,
): AttemptScore {
  const byQuestion = new Map<string, readonly string[]>();
  for (const answer of answers) byQuestion.set(answer.questionId, answer.optionIds);
  let score = 0;
  let maxScore = 0;
  let correctCount = 0;
  const questions: QuestionScore[] = keys.map((key) => {
    const weight = key.points ?? 1;
    const chosen = byQuestion.get(key.questionId);
    const credit = chosen === undefined ? 0 : creditFor(key, chosen, policy);
    const points = roundScore(weight * credit);
    const isCorrect = credit === 1;
    score += points;
    maxScore += weight;
    if (isCorrect) correctCount++;
    return { questionId: key.questionId, points, isCorrect };
  });
  return {
    score: roundScore(score),
    maxScore: roundScore(maxScore),
    correctCount,
    questionCount: keys.length,
    isAllCorrect: keys.length > 0 && correctCount === keys.length,
    questions,
  };
}
