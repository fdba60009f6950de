/**
 * When a learner has completed a course: some finished attempt of its final test scored at least
 * the pass mark, a percent of that attempt's maximum. The SQL of completion.service.ts and
 * courses.indicators.ts states the same rule as `score * 100 >= pass_mark * max_score`.
 */
export type FinishedAttempt = { score: number; maxScore: number; finishedAt: Date };

export function percentOf(a: Pick<FinishedAttempt, 'score' | 'maxScore'>): number {
  return a.maxScore > 0 ? (a.score / a.maxScore) * 100 : 0;
}

export function passes(a: Pick<FinishedAttempt, 'score' | 'maxScore'>, passMark: number): boolean {
  return a.maxScore > 0 && a.score * 100 >= passMark * a.maxScore;
}

/** The best percent, and the first instant the learner passed (null: not completed). */
export function completionOf(
  attempts: FinishedAttempt[],
  passMark: number,
): { bestPercent: number | null; completedAt: Date | null } {
  if (attempts.length === 0) return { bestPercent: null, completedAt: null };
  const bestPercent = Math.max(...attempts.map(percentOf));
  const passing = attempts.filter((a) => passes(a, passMark)).map((a) => a.finishedAt.getTime());
  return {
    bestPercent,
    completedAt: passing.length > 0 ? new Date(Math.min(...passing)) : null,
  };
}
