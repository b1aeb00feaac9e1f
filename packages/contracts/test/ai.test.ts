import { describe, expect, it } from '@jest/globals';
import { ContractError, parseCompanyInfo, parseMatchScore } from '../src/index';

const company = {
  size: '51-200 employees',
  culture: 'Remote-first, written communication, four-day on-call rotation.',
  funding: 'Series B (2025), led by Index Ventures',
  tech_stack: ['TypeScript', 'PostgreSQL', 'Kubernetes'],
  red_flags: [],
  green_flags: ['Publishes salary bands'],
  summary: 'Builds invoicing software for European SMEs.',
};

const match = {
  score: 86,
  analysis: {
    explanation: 'Senior TypeScript backend role, fully remote in the EU, product company of 120 people.',
    pros: ['TypeScript and PostgreSQL', 'Remote (EU)'],
    cons: ['On-call rotation'],
    recommendation: 'apply',
  },
};

describe('AI output contracts', () => {
  it('accept a complete company info and match score', () => {
    expect(parseCompanyInfo(company)).toEqual(company);
    expect(parseMatchScore(match)).toEqual(match);
  });

  it.each([
    [-1, 'score: '],
    [101, 'score: '],
    [72.5, 'score: '],
    ['80', 'score: '],
  ])('reject score %p', (score, reason) => {
    expect(() => parseMatchScore({ ...match, score })).toThrow(reason);
  });

  it('rejects a missing analysis field and an unknown recommendation, naming the path', () => {
    const { cons: _c, ...noCons } = match.analysis;
    expect(() => parseMatchScore({ ...match, analysis: noCons })).toThrow('analysis.cons: ');
    try {
      parseMatchScore({ ...match, analysis: { ...match.analysis, recommendation: 'YOLO' } });
      throw new Error('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).reason).toMatch(/^analysis\.recommendation: /);
    }
  });

  it('bounds what an LLM may return', () => {
    expect(() => parseCompanyInfo({ ...company, summary: 'x'.repeat(5_000) })).toThrow('summary: ');
    expect(() => parseCompanyInfo({ ...company, tech_stack: Array.from({ length: 100 }, (_, i) => `t${i}`) })).toThrow(
      'tech_stack: ',
    );
    expect(() => parseCompanyInfo({ ...company, summary: '   ' })).toThrow('summary: ');
  });
});
