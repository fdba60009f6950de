import type { RoundAttempt } from './ranking.ts';

/**
 * Each person's best attempt in a round: the highest score; between equal scores the earliest
 * submission (an equal score achieved again later never replaces the first), then the earliest
 * start, then the smaller attempt id — never the order in which rows happen to arrive.
 *
 * Scale: a national round has a million attempts from a few hundred thousand people, and the
 * cost is memory reads, not arithmetic: every attempt object and its id string must be read once.
 * Rows loaded in participant-id order (`ORDER BY participant_id`: PostgreSQL's order for uuid, or
 * text under the "C" collation — UTF-16 code-unit order, as `<` compares) are grouped by
 * comparing neighbours, with no hashing. Any other order costs one lookup per attempt in a
 * hash table of typed arrays. Checking the order stops at the first decrease, so unordered rows
 * pay nothing for the check.
 */

/** The rule between two attempts of one person. */
function isBetterAttempt(a: RoundAttempt, b: RoundAttempt): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt;
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt;
  return a.attemptId < b.attemptId;
}

function isOrderedByParticipant(attempts: readonly RoundAttempt[]): boolean {
  for (let i = 1; i < attempts.length; i++) {
    if (attempts[i]!.participantId < attempts[i - 1]!.participantId) return false;
  }
  return true;
}

/** Rows in participant order: the best of each run of equal ids. */
function pickBestOfRuns<T extends RoundAttempt>(attempts: readonly T[]): T[] {
  const bests: T[] = [];
  let current: T | undefined;
  for (let i = 0; i < attempts.length; i++) {
    const attempt = attempts[i]!;
    if (current === undefined || attempt.participantId !== current.participantId) {
      if (current !== undefined) bests.push(current);
      current = attempt;
    } else if (isBetterAttempt(attempt, current)) {
      current = attempt;
    }
  }
  if (current !== undefined) bests.push(current);
  return bests;
}

/** FNV-1a over UTF-16 code units. It only places ids in the table; ids are always compared. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Rows in any order: an open-addressing table in two typed arrays (hash, index of the person's
 * best attempt so far), at most half full. Compared with a Map it makes fewer dependent memory
 * reads and no garbage, and the ids are compared only when their hashes match.
 */
function pickBestWithTable<T extends RoundAttempt>(attempts: readonly T[]): T[] {
  const n = attempts.length;
  let capacity = 2;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const slotHash = new Uint32Array(capacity);
  const slotBest = new Int32Array(capacity).fill(-1);
  for (let i = 0; i < n; i++) {
    const attempt = attempts[i]!;
    const id = attempt.participantId;
    const hash = hashId(id);
    let slot = hash & mask;
    for (;;) {
      const best = slotBest[slot]!;
      if (best === -1) {
        slotBest[slot] = i;
        slotHash[slot] = hash;
        break;
      }
      if (slotHash[slot] === hash) {
        const current = attempts[best]!;
        if (current.participantId === id) {
          if (isBetterAttempt(attempt, current)) slotBest[slot] = i;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
  }
  const isChosen = new Uint8Array(n);
  for (let slot = 0; slot < capacity; slot++) {
    const best = slotBest[slot]!;
    if (best !== -1) isChosen[best] = 1;
  }
  const bests: T[] = [];
  for (let i = 0; i < n; i++) if (isChosen[i] === 1) bests.push(attempts[i]!);
  return bests;
}

/**
 * The best attempt of every participant, in the order the chosen attempts have in `attempts`.
 * Fields are read as they are; rankBestAttempts checks them.
 */
export function pickBestAttempts<T extends RoundAttempt>(attempts: readonly T[]): T[] {
  return isOrderedByParticipant(attempts) ? pickBestOfRuns(attempts) : pickBestWithTable(attempts);
}
