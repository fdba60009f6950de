import type { AttemptRow, ParticipantRow } from './contests.table.ts';

/**
 * What this process remembers between the requests of one attempt, so that the round-start
 * spike costs one statement per request (docs/decisions/0008):
 *
 * - Participants by token hash. A participant row is never updated or deleted once registered,
 *   so a remembered row is exact in every process.
 * - Attempts this process started or read, while active. Another process may have appended
 *   answers or finished the attempt since, so a remembered attempt is only a guess that every
 *   write checks: submission updates `where status = 'active'` and the number of recorded
 *   answers is still the remembered one, and re-reads the row when the guess was wrong.
 *
 * Both are bounded: past the cap they are forgotten all at once.
 */

const CAP = 200_000;
const participants = new Map<string, ParticipantRow>();
const attempts = new Map<string, AttemptRow>();

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= CAP && !map.has(key)) map.clear();
  map.set(key, value);
}

export const knownParticipant = (tokenHash: string) => participants.get(tokenHash);

export function rememberParticipant(row: ParticipantRow): void {
  remember(participants, row.tokenHash, row);
}

export const knownAttempt = (attemptId: string) => attempts.get(attemptId);

/** Remembers an active attempt; a finished one is forgotten (the database has the result). */
export function rememberAttempt(row: AttemptRow): void {
  if (row.status === 'active') remember(attempts, row.id, row);
  else attempts.delete(row.id);
}

export function forgetAttempt(attemptId: string): void {
  attempts.delete(attemptId);
}
