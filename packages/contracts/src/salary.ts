import { z } from 'zod';

/**
 * Pay brought to a year: the one rule every part of JobPing uses to compare a posting's pay
 * with a yearly figure (the `min_salary` filters of jobs-api and fan-out, through the stored
 * `jobs.salary_top_yearly`; the local AI provider's salary signals).
 *
 * A full-time year is 52 weeks of 5 days of 8 hours: 2,080 hours, 260 days. It is the
 * convention job boards and payroll use to annualise hourly and daily pay, and it keeps the
 * periods consistent with each other (€50 an hour, €400 a day and €2,000 a week are the same
 * year). A contractor's rate is not discounted for holidays: the figure says what the rate
 * comes to over a full-time year, which is what a minimum yearly salary is compared with.
 *
 * Currencies are not converted. A yearly figure is in the posting's own currency
 * (`salary_currency`), and a minimum salary, which users state without a currency, is
 * compared with it as a number. JobPing keeps no exchange rates for filtering; once a minimum
 * carries a currency, compare it only with postings in that currency.
 */
export const salaryPeriods = ['year', 'month', 'week', 'day', 'hour'] as const;
export type SalaryPeriod = (typeof salaryPeriods)[number];
export const salaryPeriodSchema = z.enum(salaryPeriods, { error: `one of ${salaryPeriods.join(', ')}` });

export const WEEKS_PER_YEAR = 52;
export const WORK_DAYS_PER_WEEK = 5;
export const WORK_HOURS_PER_DAY = 8;

/** How many of each period make a year. */
export const periodsPerYear: Readonly<Record<SalaryPeriod, number>> = {
  year: 1,
  month: 12,
  week: WEEKS_PER_YEAR,
  day: WEEKS_PER_YEAR * WORK_DAYS_PER_WEEK,
  hour: WEEKS_PER_YEAR * WORK_DAYS_PER_WEEK * WORK_HOURS_PER_DAY,
};

export function isSalaryPeriod(value: unknown): value is SalaryPeriod {
  return typeof value === 'string' && (salaryPeriods as readonly string[]).includes(value);
}

/**
 * `amount` paid per `period`, as a yearly amount in the same currency. No period, or one
 * JobPing does not know, counts as a year: postings state yearly salaries unless they say otherwise.
 */
export function annualPay(amount: number, period: string | null | undefined): number {
  return amount * (isSalaryPeriod(period) ? periodsPerYear[period] : 1);
}

/** The largest value of a PostgreSQL `integer`, the type of `jobs.salary_top_yearly`. */
const LARGEST_STORED = 2_147_483_647;

/**
 * The most a posting pays in a year: the top of its range (or its minimum when it states only
 * that), annualised, in whole units of its currency; null when it states no pay. This is what
 * `jobs.salary_top_yearly` stores and what both `min_salary` filters compare with. A figure
 * beyond what the column holds is stored as its largest value (no real salary comes near).
 */
export function yearlyTopPay(salary: { salaryMin: number | null; salaryMax: number | null; salaryPeriod: string | null }): number | null {
  const top = salary.salaryMax ?? salary.salaryMin;
  if (top === null) return null;
  return Math.min(Math.round(annualPay(top, salary.salaryPeriod)), LARGEST_STORED);
}
