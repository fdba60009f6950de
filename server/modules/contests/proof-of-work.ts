import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A light proof of work on registration, with no outside service: the server issues a signed
 * challenge; the browser finds a `solution` such that sha256(challenge + ':' + solution) starts
 * with `bits` zero bits (2^bits hashes on average: a fraction of a second on a cheap phone at
 * 16 bits, a real cost for a script registering thousands). Challenges expire after
 * CHALLENGE_TTL_MS and each is accepted once per process.
 */
export const CHALLENGE_TTL_MS = 10 * 60_000;

const used = new Map<string, number>();

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function issueChallenge(secret: string, contestId: string, now: number): string {
  const payload = `${contestId}.${now + CHALLENGE_TTL_MS}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${sign(secret, payload)}`;
}

export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    bits += Math.clz32(byte) - 24;
    break;
  }
  return bits;
}

export function powDigest(challenge: string, solution: string): Buffer {
  return createHash('sha256').update(`${challenge}:${solution}`).digest();
}

/** For tests and the benchmark client: the first counter that solves the challenge. */
export function solveChallenge(challenge: string, bits: number): string {
  for (let n = 0; ; n++) {
    if (leadingZeroBits(powDigest(challenge, String(n))) >= bits) return String(n);
  }
}

/** True when the challenge is ours, for this contest, unexpired, unused and solved. */
export function acceptSolution(input: {
  secret: string;
  contestId: string;
  challenge: string;
  solution: string;
  bits: number;
  now: number;
}): boolean {
  const parts = input.challenge.split('.');
  if (parts.length !== 4) return false;
  const [contestId, expires, nonce, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(input.secret, `${contestId}.${expires}.${nonce}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const expiresAt = Number(expires);
  if (contestId !== input.contestId || !(expiresAt > input.now)) return false;
  if (used.has(input.challenge)) return false;
  if (leadingZeroBits(powDigest(input.challenge, input.solution)) < input.bits) return false;
  if (used.size > 10_000) for (const [key, at] of used) if (at <= input.now) used.delete(key);
  used.set(input.challenge, expiresAt);
  return true;
}
