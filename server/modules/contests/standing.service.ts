import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { foldForSearch } from '../../../common/text.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { currentInstant } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { isPastDeadline, participantOf, publishedPool, showsScore } from './attempt.service.ts';
import type { PublicUnitsResponse, StandingResponse } from './contests.contracts.ts';
import { MESSAGES } from './contests.contracts.ts';
import {
  findAncestorsAsOf,
  findLatestVersion,
  inSubtree,
  searchUnitsAsOf,
} from './contests.paths.ts';
import { contestAttempts } from './contests.table.ts';

/**
 * What the public page needs to pick up where the participant left off (a reload, another tab):
 * who they are, the attempt still running, and per round the attempts used and — only when the
 * review policy shows scores — the best result.
 */
export async function participantStanding(
  deps: AppDeps,
  contestId: string,
  token: string | undefined,
): Promise<z.infer<typeof StandingResponse>> {
  const participant = await participantOf(deps, contestId, token);
  const pool = await publishedPool(deps, contestId);
  const now = currentInstant(deps).getTime();
  const attempts = await deps.db
    .select()
    .from(contestAttempts)
    .where(eq(contestAttempts.participantId, participant.id));
  const active = attempts.find((a) => a.status === 'active' && !isPastDeadline(a, now));
  const limit = pool.contest.attemptsPerRound;
  return {
    participant: {
      fullName: participant.fullName,
      phone: participant.phone,
      isMember: participant.personId !== null,
    },
    activeAttemptId: active?.id ?? null,
    rounds: pool.rounds.map((round) => {
      const mine = attempts.filter((a) => a.roundId === round.id);
      const finished = mine.filter((a) => a.status !== 'active' && a.score !== null);
      // Best as the ranking sees it: higher score, then the shorter time.
      const best = finished.sort(
        (a, b) => b.score! - a.score! || (a.durationMs ?? 0) - (b.durationMs ?? 0),
      )[0];
      return {
        roundId: round.id,
        attemptsUsed: mine.length,
        attemptsLeft: limit === null ? null : Math.max(0, limit - mine.length),
        best:
          best && showsScore(pool, round.id)
            ? { score: best.score!, maxScore: best.maxScore ?? 0, durationMs: best.durationMs ?? 0 }
            : null,
      };
    }),
  };
}

const UNIT_HITS = 20;

/**
 * Units of the contest's audience subtree whose name matches `q` (accent-insensitive), for the
 * registration form's unit picker. Only names and their chain below the audience root: the
 * same facts the organisation publishes.
 */
export async function searchContestUnits(
  deps: AppDeps,
  contestId: string,
  q: string,
): Promise<z.infer<typeof PublicUnitsResponse>> {
  const { contest } = await publishedPool(deps, contestId);
  const root = await findLatestVersion(deps.db, contest.audienceUnitId ?? contest.unitId);
  if (!root) throw new AppError('not_found', MESSAGES.contestMissing);
  const folded = foldForSearch(q);
  if (folded.length === 0) return { items: [] };
  const asOf = deps.today();
  const rows = await searchUnitsAsOf(deps.db, folded, asOf, inSubtree(root.path), UNIT_HITS);
  const ancestors = await findAncestorsAsOf(
    deps.db,
    rows.map((r) => r.path),
    asOf,
  );
  const depth = root.path.split('.').length;
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      // The chain below the audience root down to the parent, nearest first: "Xã A · Huyện B".
      context: (ancestors.get(r.path) ?? [])
        .slice(depth)
        .map((a) => a.name)
        .reverse()
        .join(' · '),
    })),
  };
}
