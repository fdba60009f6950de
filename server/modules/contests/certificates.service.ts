import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { formatNumber } from '../../../common/format.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import {
  certificatePolicy,
  enqueueCertificateIssue,
  findCertificatesOf,
} from '../certificates/index.ts';
import { participantOf, publishedPool } from './attempt.service.ts';
import { authorizeContest } from './contest.service.ts';
import type { RoundCertificatesBody } from './contests.contracts.ts';
import { MESSAGES } from './contests.contracts.ts';
import { findLatestVersion } from './contests.paths.ts';
import { contestParticipants, contestRoundResults, contestRounds } from './contests.table.ts';

export const ROUND_SOURCE = 'contest_round';

/**
 * Certificates of a closed round, issued in the background by the certificates module's batch
 * job: prize winners ("Đạt giải Nhất") or everyone ranked ("Đã tham gia, đạt 8 điểm").
 */
export async function requestRoundCertificates(
  deps: AppDeps,
  actor: Actor,
  contestId: string,
  roundId: string,
  body: RoundCertificatesBody,
): Promise<{ jobId: string; holders: number }> {
  const contest = await authorizeContest(deps, actor, contestId, 'close');
  const unit = await findLatestVersion(deps.db, contest.unitId);
  if (!unit) throw new AppError('not_found');
  certificatePolicy.authorize(actor, 'issue', unit.path);
  const [round] = await deps.db
    .select()
    .from(contestRounds)
    .where(and(eq(contestRounds.id, roundId), eq(contestRounds.contestId, contestId)));
  if (!round) throw new AppError('not_found', MESSAGES.roundMissing);
  if (!round.closedAt) throw new AppError('invalid_state', MESSAGES.roundNotClosed);
  const rows = await deps.db
    .select({
      participantId: contestRoundResults.participantId,
      prize: contestRoundResults.prize,
      score: contestRoundResults.score,
      fullName: contestParticipants.fullName,
    })
    .from(contestRoundResults)
    .innerJoin(contestParticipants, eq(contestParticipants.id, contestRoundResults.participantId))
    .where(
      and(
        eq(contestRoundResults.roundId, roundId),
        body.scope === 'prize_winners' ? isNotNull(contestRoundResults.prize) : undefined,
      ),
    )
    .orderBy(asc(contestRoundResults.rank));
  if (rows.length === 0) throw new AppError('invalid_state', MESSAGES.noHolders);
  const holders = rows.map((r) => ({
    ref: r.participantId,
    name: r.fullName,
    result: r.prize ? `Đạt giải ${r.prize}` : `Đã tham gia, đạt ${formatNumber(r.score)} điểm`,
  }));
  const { jobId } = await deps.db.transaction((tx) =>
    enqueueCertificateIssue(
      tx,
      {
        source: { kind: ROUND_SOURCE, id: roundId },
        unitId: contest.unitId,
        title: `${contest.title} — Vòng ${round.number}${round.topic ? `: ${round.topic}` : ''}`,
        issuedOn: body.issuedOn,
        place: body.place,
        signer: body.signer ?? null,
        holders,
      },
      { userId: actor.userId },
    ),
  );
  return { jobId, holders: holders.length };
}

/** The participant's own certificates in this contest (one per round at most). */
export async function myCertificates(
  deps: AppDeps,
  contestId: string,
  token: string | undefined,
): Promise<{ items: { roundId: string; code: string; downloadPath: string }[] }> {
  const participant = await participantOf(deps, contestId, token);
  const pool = await publishedPool(deps, contestId);
  const items: { roundId: string; code: string; downloadPath: string }[] = [];
  for (const round of pool.rounds) {
    if (!round.closedAt) continue;
    const found = await findCertificatesOf(deps.db, { kind: ROUND_SOURCE, id: round.id }, [
      participant.id,
    ]);
    for (const c of found)
      items.push({ roundId: round.id, code: c.code, downloadPath: c.downloadPath });
  }
  return { items };
}
