import { ContestRuleError } from './contest-errors.ts';

/**
 * The seeded generator behind question draws and shuffles. An attempt stores its seed; feeding the
 * same seed and the same bank back in reproduces the same questions in the same order with the
 * same option order, so the order shown to a participant can be rebuilt at submit, on review and
 * in a dispute, without storing it in every request.
 *
 * The algorithm (sfc32, its state filled by splitmix32 from the seed) is part of the stored data:
 * changing it changes every past attempt's order. Do not change it; if it must change, add an
 * algorithm version to the attempt. It is not a cryptographic generator: the seed itself comes
 * from `generateAttemptSeed` (crypto) and never reaches the browser, so the order of a new
 * attempt cannot be predicted from outside.
 */

/** Seeds are non-negative 31-bit integers, so they fit a PostgreSQL `integer` column. */
export const MAX_SEED = 0x7fffffff;

export type SeededRandom = {
  /** Next uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, bound), without modulo bias. `bound` is 1…2^32. */
  nextBelow(bound: number): number;
};

export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/** A fresh seed for a new attempt, from the platform's cryptographic generator. */
export function generateAttemptSeed(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return buffer[0]! & MAX_SEED;
}

/** The generator for `seed`. Throws `invalid_seed` unless 0 ≤ seed ≤ MAX_SEED is an integer. */
export function createSeededRandom(seed: number): SeededRandom {
  if (!isValidSeed(seed)) throw new ContestRuleError('invalid_seed', { seed });
  let mix = seed | 0;
  const splitmix32 = (): number => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = 1;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();
  const nextBelow = (bound: number): number => {
    // Reject the top slice of the 32-bit range that would make small values more likely.
    const limit = 0x100000000 - (0x100000000 % bound);
    let value = nextUint32();
    while (value >= limit) value = nextUint32();
    return value % bound;
  };
  return { nextUint32, nextBelow };
}

/** Fisher–Yates: every permutation equally likely for a given generator state. Mutates `items`. */
export function shuffleInPlace<T>(items: T[], random: SeededRandom): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.nextBelow(i + 1);
    const held = items[i]!;
    items[i] = items[j]!;
    items[j] = held;
  }
  return items;
}
