import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, powDigest } from '../../../server/modules/contests/proof-of-work.ts';
import { sha256Words, solveChallenge } from './pow.ts';

const hex = (words: Uint32Array) => [...words].map((w) => w.toString(16).padStart(8, '0')).join('');

describe('the browser proof of work', () => {
  it('hashes like node:crypto, across block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 200]) {
      const text = 'a1.'.repeat(70).slice(0, length);
      expect(hex(sha256Words(text)), String(length)).toBe(
        createHash('sha256').update(text).digest('hex'),
      );
    }
  });

  it('finds a solution the server accepts', async () => {
    const challenge = '0b6f2c1e-1111-4222-8333-444455556666.1795000000000.nonceABC_-x.sig';
    const solution = await solveChallenge(challenge, 10);
    expect(leadingZeroBits(powDigest(challenge, solution))).toBeGreaterThanOrEqual(10);
  });
});
