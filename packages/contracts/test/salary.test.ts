import { describe, expect, it } from '@jest/globals';
import { annualPay, periodsPerYear, salaryPeriods, salaryPeriodSchema, yearlyTopPay } from '../src/index';

describe('annualPay', () => {
  it('brings every period to a full-time year of 52 weeks × 5 days × 8 hours', () => {
    expect(periodsPerYear).toEqual({ year: 1, month: 12, week: 52, day: 260, hour: 2_080 });
    expect(annualPay(50, 'hour')).toBe(104_000);
    expect(annualPay(400, 'day')).toBe(104_000);
    expect(annualPay(2_000, 'week')).toBe(104_000);
    expect(annualPay(8_000, 'month')).toBe(96_000);
    expect(annualPay(85_000, 'year')).toBe(85_000);
  });

  it('agrees with itself across periods: an hour, a day and a week of the same rate make the same year', () => {
    for (const rate of [17.5, 50, 120]) {
      expect(annualPay(rate * 8, 'day')).toBeCloseTo(annualPay(rate, 'hour'));
      expect(annualPay(rate * 40, 'week')).toBeCloseTo(annualPay(rate, 'hour'));
    }
  });

  it('reads an amount without a known period as yearly, as postings state salaries unless they say otherwise', () => {
    expect(annualPay(70_000, null)).toBe(70_000);
    expect(annualPay(70_000, undefined)).toBe(70_000);
    expect(annualPay(70_000, 'fortnight')).toBe(70_000);
  });
});

describe('yearlyTopPay', () => {
  it('is the top of the range a year, or the minimum when the posting states only that, in whole units', () => {
    expect(yearlyTopPay({ salaryMin: 5_000, salaryMax: 7_000, salaryPeriod: 'month' })).toBe(84_000);
    expect(yearlyTopPay({ salaryMin: 50, salaryMax: null, salaryPeriod: 'hour' })).toBe(104_000);
    expect(yearlyTopPay({ salaryMin: null, salaryMax: 62.5, salaryPeriod: 'hour' })).toBe(130_000);
    expect(yearlyTopPay({ salaryMin: 33.33, salaryMax: null, salaryPeriod: 'hour' })).toBe(69_326);
  });

  it('is null when the posting states no pay', () => {
    expect(yearlyTopPay({ salaryMin: null, salaryMax: null, salaryPeriod: 'year' })).toBeNull();
    expect(yearlyTopPay({ salaryMin: null, salaryMax: null, salaryPeriod: null })).toBeNull();
  });

  it('stays within a PostgreSQL integer whatever a board claims', () => {
    expect(yearlyTopPay({ salaryMin: null, salaryMax: 5_000_000, salaryPeriod: 'hour' })).toBe(2_147_483_647);
  });
});

describe('salary periods', () => {
  it('are the periods the factors cover, and nothing else', () => {
    expect([...salaryPeriods].sort()).toEqual(Object.keys(periodsPerYear).sort());
    expect(salaryPeriodSchema.safeParse('week').success).toBe(true);
    expect(salaryPeriodSchema.safeParse('fortnight').success).toBe(false);
  });
});
