import { describe, expect, it } from '@jest/globals';
import { yearlyTopPay } from '@jobping/contracts';
import { parseInput, jobInputSchema } from '../../inputs';
import { toJobInput } from '../../job-row';
import { describeSalary, payFloorsFromPrompt, salaryFromText, toYearlyEur } from './salary';

describe('yearly pay in the local provider', () => {
  it('annualises as the min_salary filters do (yearlyTopPay), then converts to euros', () => {
    for (const [amount, period] of [[50, 'hour'], [400, 'day'], [2_000, 'week'], [8_000, 'month'], [85_000, 'year']] as const) {
      expect(toYearlyEur(amount, 'EUR', period)).toBe(yearlyTopPay({ salaryMin: amount, salaryMax: null, salaryPeriod: period }));
    }
    expect(toYearlyEur(50, 'EUR', 'hour')).toBe(104_000);
    expect(describeSalary(45, 60, 'EUR', 'hour')?.maxEur).toBe(124_800);
  });

  it('reads weekly pay from a stored job as weekly', () => {
    const row = {
      title: 'Site Reliability Engineer (contract)',
      companyName: 'Northwind Analytics',
      location: 'Remote (EU)',
      remote: true,
      salaryMin: 1_800,
      salaryMax: 2_000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'week',
      employmentType: 'contract',
      description: 'Keep our forecasting platform running; on-call one week in six.',
    };
    const job = parseInput(jobInputSchema, toJobInput(row), 'job');
    expect(job.salaryPeriod).toBe('week');
    expect(describeSalary(1_800, 2_000, 'EUR', 'week')?.maxEur).toBe(104_000);
    expect(salaryFromText('The rate is €1,800–€2,000 per week, paid monthly.')?.maxEur).toBe(104_000);
  });

  it('reads figures one way wherever they are written: thousands in any separator, a decimal comma, k', () => {
    const top = (text: string) => salaryFromText(text)?.text;
    expect(top('€85,000–€105,000 per year')).toBe('€85,000–€105,000 per year');
    expect(top('€85.000–€105.000 per year')).toBe('€85,000–€105,000 per year');
    expect(top('€31,2k–€52k per year')).toBe('€31,200–€52,000 per year');
    expect(top("Lohn CHF 115'000 – 130'000")).toMatch(/^115,000 CHF–130,000 CHF per year/);
    expect(top('Wynagrodzenie: 7 500–8 800 zł brutto miesięcznie')).toMatch(/^7,500 PLN–8,800 PLN per month/);
  });

  it('reads the short forms boards use: an hour, ph, net, tys., A$ and NZ$, up to, x 13, måned', () => {
    const top = (text: string) => salaryFromText(text)?.text ?? null;
    expect(top('$25 an hour, weekly pay')).toMatch(/^\$25 per hour/);
    expect(top('Pay: £12.50ph plus holiday')).toMatch(/^£12\.5 per hour/);
    expect(top('Rémunération : 2 400 € net/mois')).toMatch(/^€2,400 per month/);
    expect(top('Wynagrodzenie 15–18 tys. zł brutto')).toMatch(/^15,000 PLN–18,000 PLN per month/);
    expect(top('A$90,000 + super')).toMatch(/^A\$90,000 per year/);
    expect(top('NZ$75,000 – NZ$85,000 depending on experience')).toMatch(/^NZ\$75,000–NZ\$85,000 per year/);
    expect(top('Salary up to £45,000 DOE')).toMatch(/^£45,000 per year/);
    expect(top("CHF 8'000 x 13")).toMatch(/^8,000 CHF per month/);
    expect(top('kr 45 000–52 000 per måned')).toMatch(/^45,000 DKK–52,000 DKK per month/);
    // And a Polish floor in thousands.
    expect(payFloorsFromPrompt('Księgowa we Wrocławiu, minimum 9 tys. zł brutto miesięcznie.')[0]?.yearly).toBe(9_000 * 12);
  });

  it('reads a floor said as a want or an expectation, and not hours, years or people', () => {
    const floor = (prompt: string) => payFloorsFromPrompt(prompt).map((f) => [Math.round(f.yearly), f.currency]);
    expect(floor('Salary expectations: 70-80k')).toEqual([[70_000, null]]);
    expect(floor('I need 3000 euros net per month')).toEqual([[Math.round((3000 * 12) / 0.77), 'EUR']]);
    expect(floor('Mindestgehalt 4.000 € brutto im Monat')).toEqual([[48_000, 'EUR']]);
    expect(floor('mín. 1.800€ netos al mes')).toEqual([[Math.round((1800 * 12) / 0.77), 'EUR']]);
    expect(floor('je vise 45 k€ brut annuel')).toEqual([[45_000, 'EUR']]);
    expect(floor('minimum NZ$80,000')).toEqual([[80_000, 'NZD']]);
    expect(floor('atleast 40k gbp')).toEqual([[40_000, 'GBP']]);
    expect(floor('I want 28–32 uur, not fulltime')).toEqual([]);
    expect(floor('Over 5 years in payroll; more than 200 people in my last firm')).toEqual([]);
  });

  it('reads every currency it knows the same way in a posting and in a prompt', () => {
    // One list of written forms serves both: a code read in one and not the other made a floor in
    // lei compare as euros, and Colombian pesos in a posting's text go unread.
    const floorCurrency = (prompt: string) => payFloorsFromPrompt(prompt)[0]?.currency;
    expect(floorCurrency('Minimum 9.000 lei net pe lună')).toBe('RON');
    expect(floorCurrency('at least OMR 900 a month')).toBe('OMR');
    expect(salaryFromText('Salario: 4.500.000 – 5.500.000 COP mensuales')?.text).toMatch(/^4,500,000 COP–5,500,000 COP per month/);
    expect(salaryFromText('Renta: CLP 1.800.000 brutos mensuales')?.currency).toBe('CLP');
  });

  it('reads floors in the currencies and words of dev-l and dev-m', () => {
    const floor = (prompt: string) => payFloorsFromPrompt(prompt).map((f) => [Math.round(f.yearly), f.currency]);
    expect(floor('Min R28 000 basic per month.')).toEqual([[336_000, 'ZAR']]);
    expect(floor('Basic min RM6,500.')).toEqual([[78_000, 'MYR']]);
    expect(floor('Sueldo mínimo S/ 6,500 brutos al mes.')).toEqual([[78_000, 'PEN']]);
    expect(floor('Salary 35,000 taka gross per month.')).toEqual([[420_000, 'BDT']]);
    expect(floor('Almeno 1.750 € lordi al mese.')).toEqual([[21_000, 'EUR']]);
    expect(floor('$190k base floor, equity nice not required')).toEqual([[190_000, '$']]);
    expect(floor('Salario mínimo $6.000.000 COP mensuales')).toEqual([[72_000_000, 'COP']]);
    const total = payFloorsFromPrompt('Total package must not be less than SAR 20,000 monthly including housing and transportation allowances.');
    expect(total.map((f) => [f.yearly, f.currency, f.package])).toEqual([[240_000, 'SAR', true]]);
  });
});

