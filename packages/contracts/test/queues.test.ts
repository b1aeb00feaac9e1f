import { describe, expect, it } from '@jest/globals';
import { ContractError, parseScrapeRunRequest, scrapeQueue } from '../src/index';

describe('scrape queue contract', () => {
  it('names the queue and accepts an on-demand or scheduled request', () => {
    expect(scrapeQueue.name).toBe('scrape-runs');
    const run_id = '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f';
    expect(parseScrapeRunRequest({ run_id })).toEqual({ run_id });
    expect(parseScrapeRunRequest({})).toEqual({});
  });

  it('rejects a bad run id and unknown fields', () => {
    expect(() => parseScrapeRunRequest({ run_id: 'x' })).toThrow(ContractError);
    expect(() => parseScrapeRunRequest({ runId: 'x' })).toThrow('runId');
  });
});
