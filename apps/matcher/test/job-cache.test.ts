import { describe, expect, it } from '@jest/globals';
import { JobCache, type CachedJob } from '../src/job-cache';

const job = (title: string): CachedJob => ({ job: { title, company: 'Acme', description: 'Build things.' }, company: null });

describe('JobCache', () => {
  it('loads a job once for concurrent and later pairs, and hands out the same object', async () => {
    const loads: string[] = [];
    const cache = new JobCache(async (id) => {
      loads.push(id);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return job(id);
    }, 10, 60_000);
    const [a, b] = await Promise.all([cache.get('j1'), cache.get('j1')]);
    const c = await cache.get('j1');
    expect(loads).toEqual(['j1']);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('does not keep a missing job or a failed load, and reloads after the TTL', async () => {
    let calls = 0;
    let fail = true;
    const cache = new JobCache(async (id) => {
      calls += 1;
      if (id === 'gone') return null;
      if (fail) throw new Error('database unavailable');
      return job(id);
    }, 10, 30);
    expect(await cache.get('gone')).toBeNull();
    expect(await cache.get('gone')).toBeNull();
    await expect(cache.get('j2')).rejects.toThrow('database unavailable');
    fail = false;
    expect(await cache.get('j2')).toEqual(job('j2'));
    expect(calls).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await cache.get('j2');
    expect(calls).toBe(5);
  });

  it('keeps at most `size` jobs', async () => {
    const loads: string[] = [];
    const cache = new JobCache(async (id) => (loads.push(id), job(id)), 2, 60_000);
    for (const id of ['a', 'b', 'c', 'a']) await cache.get(id);
    expect(loads).toEqual(['a', 'b', 'c', 'a']);
  });
});
