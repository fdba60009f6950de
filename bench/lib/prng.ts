/**
 * A small seeded generator (sfc32), so the same seed builds the same organisation in every
 * database and on every run. Not for anything secret.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; `weights` align with `items`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  chance(p: number): boolean;
  /** A version-4-shaped UUID from the generator's stream. */
  uuid(): string;
  /** ISO date uniformly between two ISO dates, both included. */
  date(from: string, to: string): string;
};

export function createRng(seed: number): Rng {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 + seed;
  let c = 0xb7e15162 ^ (seed * 31);
  let d = 1;
  const u32 = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 16; i++) u32();
  const next = (): number => u32() / 4294967296;
  const DAY = 86_400_000;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items, weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i]!;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
    chance: (p) => next() < p,
    uuid: () => {
      const hex = (n: number) => n.toString(16).padStart(8, '0');
      const s = hex(u32()) + hex(u32()) + hex(u32()) + hex(u32());
      const variant = ((parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
    },
    date: (from, to) => {
      const a0 = Date.parse(from);
      const days = Math.round((Date.parse(to) - a0) / DAY);
      return new Date(a0 + Math.floor(next() * (days + 1)) * DAY).toISOString().slice(0, 10);
    },
  };
}
