import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.ts';

/** A statement that takes a moment, recording the batches it was given. */
function recorder(fail?: (item: number) => boolean) {
  const batches: number[][] = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await new Promise((r) => setTimeout(r, 5));
    if (fail && items.some(fail)) throw new Error(`bad item in ${items.join(',')}`);
    return items.map((i) => i * 10);
  };
  return { batches, run };
}

describe('group commit (createBatcher)', () => {
  it('runs a lone call at once, and calls made meanwhile as one batch, each getting its own output', async () => {
    const { batches, run } = recorder();
    const send = createBatcher({ run, maxItems: 100, maxInFlight: 1 });
    const outputs = await Promise.all([1, 2, 3, 4, 5].map((i) => send(i)));
    expect(outputs).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('caps a batch and keeps items of one key apart', async () => {
    const { batches, run } = recorder();
    const send = createBatcher({ run, maxItems: 2, maxInFlight: 1, keyOf: (i) => String(i % 2) });
    await Promise.all([1, 2, 3, 4, 5].map((i) => send(i)));
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(2);
      expect(new Set(batch.map((i) => i % 2)).size).toBe(batch.length);
    }
    expect(batches.flat().sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('fails only the bad item of a failed batch', async () => {
    const { run } = recorder((i) => i === 3);
    const send = createBatcher({ run, maxItems: 100, maxInFlight: 1 });
    const settled = await Promise.allSettled([1, 2, 3, 4].map((i) => send(i)));
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((settled[3] as PromiseFulfilledResult<number>).value).toBe(40);
  });
});
