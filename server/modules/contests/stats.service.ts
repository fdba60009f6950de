import { and, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { authorizeContest } from './contest.service.ts';
import type { QuestionStatsResponse } from './contests.contracts.ts';
import { MESSAGES } from './contests.contracts.ts';
import { contestAttempts, contestRounds, questionVersions } from './contests.table.ts';

/** Share of attempts in the upper and lower groups (the classical 27 %). */
export const GROUP_SHARE = 0.27;

type Stat = {
  seen: number;
  right: number;
  upperSeen: number;
  upperRight: number;
  lowerSeen: number;
  lowerRight: number;
};

/**
 * Item statistics of a round, for the organiser (off the serving path: computed on request from
 * the finished attempts): facility = share of attempts that answered the question fully right;
 * discrimination = facility in the top 27 % of attempts by score minus facility in the bottom
 * 27 % (null when a group never saw the question).
 */
export async function questionStats(
  deps: AppDeps,
  actor: Actor,
  contestId: string,
  roundId: string,
): Promise<z.infer<typeof QuestionStatsResponse>> {
  await authorizeContest(deps, actor, contestId, 'read');
  const [round] = await deps.db
    .select({ id: contestRounds.id })
    .from(contestRounds)
    .where(and(eq(contestRounds.id, roundId), eq(contestRounds.contestId, contestId)));
  if (!round) throw new AppError('not_found', MESSAGES.roundMissing);
  const attempts = await deps.db
    .select({
      id: contestAttempts.id,
      score: contestAttempts.score,
      questions: contestAttempts.questions,
      correct: contestAttempts.correct,
    })
    .from(contestAttempts)
    .where(and(eq(contestAttempts.roundId, roundId), ne(contestAttempts.status, 'active')));
  const sorted = [...attempts].sort(
    (a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.id < b.id ? -1 : 1),
  );
  const groupSize = Math.floor(sorted.length * GROUP_SHARE);
  const stats = new Map<string, Stat>();
  sorted.forEach((attempt, index) => {
    const upper = index < groupSize;
    const lower = index >= sorted.length - groupSize;
    attempt.questions.forEach((q, i) => {
      const right = attempt.correct?.[i] === true ? 1 : 0;
      let s = stats.get(q.v);
      if (!s) {
        s = { seen: 0, right: 0, upperSeen: 0, upperRight: 0, lowerSeen: 0, lowerRight: 0 };
        stats.set(q.v, s);
      }
      s.seen++;
      s.right += right;
      if (upper) {
        s.upperSeen++;
        s.upperRight += right;
      }
      if (lower) {
        s.lowerSeen++;
        s.lowerRight += right;
      }
    });
  });
  const ids = [...stats.keys()];
  const versions =
    ids.length === 0
      ? []
      : await deps.db
          .select({
            id: questionVersions.id,
            questionId: questionVersions.questionId,
            text: questionVersions.text,
          })
          .from(questionVersions)
          .where(inArray(questionVersions.id, ids));
  const byId = new Map(versions.map((v) => [v.id, v]));
  const items = ids.map((id) => {
    const s = stats.get(id)!;
    const version = byId.get(id);
    return {
      versionId: id,
      questionId: version?.questionId ?? null,
      text: version?.text ?? '',
      attempts: s.seen,
      facility: s.right / s.seen,
      discrimination:
        s.upperSeen > 0 && s.lowerSeen > 0
          ? s.upperRight / s.upperSeen - s.lowerRight / s.lowerSeen
          : null,
    };
  });
  items.sort((a, b) => a.facility - b.facility || (a.versionId < b.versionId ? -1 : 1));
  return { attempts: attempts.length, items };
}
