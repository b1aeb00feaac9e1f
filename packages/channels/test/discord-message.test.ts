import { describe, expect, it } from '@jest/globals';
import { buildMessage, totalEmbedCharacters } from '@jobping/discord';
import { colorForScore, formatSalary, notificationMessage } from '../src/discord-message';

const base = {
  jobTitle: 'Senior Backend Engineer',
  company: 'Ledgerly',
  jobUrl: 'https://jobs.example/1',
  location: 'Remote (EU)',
  remote: true,
  salaryMin: 85_000,
  salaryMax: 105_000,
  salaryCurrency: 'EUR',
  salaryPeriod: 'year',
  score: 91,
  analysis: { explanation: 'Fits.', pros: ['a', 'b'], cons: [], recommendation: 'apply' as const },
};

describe('notificationMessage', () => {
  it('colours by score', () => {
    expect(colorForScore(95)).not.toBe(colorForScore(75));
    expect(colorForScore(75)).not.toBe(colorForScore(55));
    expect(colorForScore(55)).not.toBe(colorForScore(20));
  });

  it('formats salaries', () => {
    expect(formatSalary(base)).toBe('€85,000–€105,000 per year');
    expect(formatSalary({ ...base, salaryMin: null, salaryCurrency: 'USD', salaryPeriod: 'hour', salaryMax: 90 })).toBe('US$90 per hour');
    expect(formatSalary({ ...base, salaryMin: null, salaryMax: null })).toBeNull();
    expect(formatSalary({ ...base, salaryCurrency: null, salaryPeriod: null })).toBe('85,000–105,000');
  });

  it('leaves out empty sections and stays within Discord limits with huge input', () => {
    const huge = 'x'.repeat(3_000);
    const message = notificationMessage({
      ...base,
      jobTitle: huge,
      analysis: { explanation: huge + huge, pros: Array(10).fill(huge.slice(0, 300)), cons: Array(10).fill(huge.slice(0, 300)), recommendation: 'consider' },
    });
    const payload = buildMessage(message);
    const embed = payload.embeds![0]!;
    expect(embed.title!.length).toBeLessThanOrEqual(256);
    expect(totalEmbedCharacters(payload)).toBeLessThanOrEqual(6_000);
    expect(payload.allowed_mentions).toEqual({ parse: [] });

    const plain = notificationMessage({ ...base, salaryMin: null, salaryMax: null, location: null, remote: false });
    expect(plain.embeds![0]!.fields!.map((f) => f.name)).toEqual(['Score', 'Recommendation', 'Pros']);
    expect(plain.embeds![0]!.title).toBe('Senior Backend Engineer at Ledgerly');
  });
});
