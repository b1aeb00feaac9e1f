import { describe, expect, it } from '@jest/globals';
import { Batcher } from '../src/batcher';

describe('Batcher', () => {
  it('coalesces the calls of one tick into one batch and answers each caller with its own value', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher(async (keys: number[]) => {
      batches.push(keys);
      return keys.map((k) => k * 10);
    }, 3);
    const results = await Promise.all([1, 2, 3, 4, 5].map((k) => batcher.load(k)));
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2, 3], [4, 5]]); // flushed at maxBatch, then at the end of the tick
    expect(await batcher.load(6)).toBe(60);
    expect(batches).toHaveLength(3);
  });

  it('rejects every caller of a failed batch, and later batches run normally', async () => {
    let fail = true;
    const batcher = new Batcher(async (keys: string[]) => {
      if (fail) throw new Error('database unavailable');
      return keys.map((k) => k.toUpperCase());
    });
    const failed = await Promise.allSettled([batcher.load('a'), batcher.load('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.load('c')).toBe('C');
  });
});
