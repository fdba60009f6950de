/**
 * Group commit for a hot statement: calls made while earlier ones are in flight are sent
 * together as one statement (one round trip, one commit) instead of one each. Under a spike of
 * concurrent requests the database does one write per batch, and every caller still hears back
 * only once its own row is committed. When nothing else is in flight a call goes at once, so a
 * quiet server adds no delay (no timer: a batch is whatever queued while the last one ran).
 *
 * A batch that fails is retried one item at a time, so a bad item fails alone.
 */

export type BatchOptions<I, O> = {
  /** Runs the items as one statement; returns one output per item, in order. */
  run: (items: I[]) => Promise<O[]>;
  maxItems: number;
  /** Batches in flight at once (each holds a database connection). */
  maxInFlight: number;
  /** Items with the same key never share a batch (the later waits for the next one). */
  keyOf?: (item: I) => string;
};

type Pending<I, O> = { item: I; resolve: (out: O) => void; reject: (error: unknown) => void };

export function createBatcher<I, O>(options: BatchOptions<I, O>): (item: I) => Promise<O> {
  const queue: Pending<I, O>[] = [];
  let inFlight = 0;

  function take(): Pending<I, O>[] {
    const batch: Pending<I, O>[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < queue.length && batch.length < options.maxItems;) {
      const key = options.keyOf?.(queue[i]!.item);
      if (key !== undefined && keys.has(key)) {
        i++;
        continue;
      }
      if (key !== undefined) keys.add(key);
      batch.push(queue.splice(i, 1)[0]!);
    }
    return batch;
  }

  async function runBatch(batch: Pending<I, O>[]): Promise<void> {
    try {
      const outputs = await options.run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(outputs[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const p of batch) {
        try {
          p.resolve((await options.run([p.item]))[0]!);
        } catch (single) {
          p.reject(single);
        }
      }
    }
  }

  function pump(): void {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = take();
      inFlight++;
      void runBatch(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}
