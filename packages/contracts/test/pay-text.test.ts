import { describe, expect, it } from '@jest/globals';
import { findPayInText, parsePayText, yearlyTopPay, type StatedPay } from '../src/index';

const pay = (min: number | null, max: number | null, currency: string | null, period: StatedPay['period']): StatedPay => ({ min, max, currency, period });

// Salary fields as boards write them: the text, and what it states (null: no pay).
const table: [string, StatedPay | null][] = [
  // Ranges with k, symbols and codes.
  ['$120k–$150k', pay(120_000, 150_000, 'USD', 'year')],
  ['$120K - $150K', pay(120_000, 150_000, 'USD', 'year')],
  ['$120-150k', pay(120_000, 150_000, 'USD', 'year')],
  ['$31,2k- $52k', pay(31_200, 52_000, 'USD', 'year')],
  ['€55,5k – €70k', pay(55_500, 70_000, 'EUR', 'year')],
  ['60-80 k€', pay(60_000, 80_000, 'EUR', 'year')],
  ['$120,000.00 - $150,000.00', pay(120_000, 150_000, 'USD', 'year')],
  ['USD 100,000 - 130,000', pay(100_000, 130_000, 'USD', 'year')],
  ['US$90,000 to US$110,000 per year', pay(90_000, 110_000, 'USD', 'year')],
  ['CA$95,000 - CA$120,000', pay(95_000, 120_000, 'CAD', 'year')],
  ['CHF 120\'000 – 140\'000', pay(120_000, 140_000, 'CHF', 'year')],
  ['SEK 55,000 - 65,000 per month', pay(55_000, 65_000, 'SEK', 'month')],
  ['£45,000 - £55,000 a year', pay(45_000, 55_000, 'GBP', 'year')],
  ['£60k-£75k + bonus', pay(60_000, 75_000, 'GBP', 'year')],
  ['$100k+', pay(100_000, null, 'USD', 'year')],
  ['Up to $150k', pay(null, 150_000, 'USD', 'year')],
  ['From €50,000', pay(50_000, null, 'EUR', 'year')],
  ['$1.2M OTE', pay(1_200_000, 1_200_000, 'USD', 'year')],
  // German formats.
  ['€60.000 brutto', pay(60_000, 60_000, 'EUR', 'year')],
  ['60.000 - 75.000 EUR', pay(60_000, 75_000, 'EUR', 'year')],
  ['60.000 € – 75.000 € brutto/Jahr', pay(60_000, 75_000, 'EUR', 'year')],
  ['ab 65.000 € jährlich', pay(65_000, null, 'EUR', 'year')],
  ['bis zu 80.000 EUR pro Jahr', pay(null, 80_000, 'EUR', 'year')],
  ['4.500 € brutto pro Monat', pay(4_500, 4_500, 'EUR', 'month')],
  ['3.800 – 4.400 EUR monatlich', pay(3_800, 4_400, 'EUR', 'month')],
  ['Stundensatz: 85 €', pay(85, 85, 'EUR', 'hour')],
  ['95,50 €/Std.', pay(95.5, 95.5, 'EUR', 'hour')],
  ['Tagessatz 650 - 800 €', pay(650, 800, 'EUR', 'day')],
  ['70 Tsd. € p.a.', pay(70_000, 70_000, 'EUR', 'year')],
  // French formats (narrow no-break spaces as thousands separators).
  ['45 000 € - 55 000 € par an', pay(45_000, 55_000, 'EUR', 'year')],
  ['4\u202f500 € par mois', pay(4_500, 4_500, 'EUR', 'month')],
  ['550 € par jour', pay(550, 550, 'EUR', 'day')],
  ['Salaire : 50 k€ brut annuel', pay(50_000, 50_000, 'EUR', 'year')],
  // Hourly, daily, weekly, monthly in English.
  ['£45/hour', pay(45, 45, 'GBP', 'hour')],
  ['£45 per hour', pay(45, 45, 'GBP', 'hour')],
  ['$50.50/hr', pay(50.5, 50.5, 'USD', 'hour')],
  ['40-50 USD/hour', pay(40, 50, 'USD', 'hour')],
  ['$600 - $750 per day', pay(600, 750, 'USD', 'day')],
  ['$2,000/week', pay(2_000, 2_000, 'USD', 'week')],
  ['$8,000 - $9,500 monthly', pay(8_000, 9_500, 'USD', 'month')],
  ['€5,000/mo', pay(5_000, 5_000, 'EUR', 'month')],
  // No currency in a salary field: the figures, without one.
  ['90000 - 110000', pay(90_000, 110_000, null, 'year')],
  // States no pay, or too little to read.
  ['DOE', null],
  ['Competitive', null],
  ['Competitive salary + 401(k)', null],
  ['Negotiable', null],
  ['', null],
  ['$40 - $60', null],
  ['€4.500 brutto', null],
];

describe('parsePayText', () => {
  it.each(table)('%s', (text, expected) => {
    expect(parsePayText(text)).toEqual(expected);
  });

  it('holds at least 40 cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  it('leaves annualising to yearlyTopPay', () => {
    const hourly = parsePayText('£45/hour');
    expect(hourly && yearlyTopPay({ salaryMin: hourly.min, salaryMax: hourly.max, salaryPeriod: hourly.period })).toBe(93_600);
  });
});

describe('findPayInText', () => {
  it('finds the range on a line about pay, and the line under a pay heading', () => {
    expect(findPayInText('We are 120 people in 4 offices.\nThe base salary range for this role is $140,000 - $175,000 USD.\nBenefits: 401(k) match.')).toEqual(
      pay(140_000, 175_000, 'USD', 'year'),
    );
    expect(findPayInText('About us\nPay range\n$62 — $78 USD per hour\nApply now')).toEqual(pay(62, 78, 'USD', 'hour'));
    expect(findPayInText('Das Bruttojahresgehalt liegt zwischen 65.000 € und 80.000 €.')).toEqual(pay(65_000, 80_000, 'EUR', 'year'));
  });

  it('does not take other figures for pay', () => {
    expect(findPayInText('5+ years of experience. A team of 40. Learning budget of $2,000 per person.')).toBeNull();
    expect(findPayInText('Competitive salary, equity and a 401(k) plan.')).toBeNull();
    expect(findPayInText('We pay well. Join 3,000 customers in 20 countries.')).toBeNull();
    expect(findPayInText(null)).toBeNull();
  });

  it('skips a budget on a pay line and takes the salary after it', () => {
    expect(findPayInText('Compensation: a $1,500 home-office budget and a salary of €70,000 – €85,000.')).toEqual(pay(70_000, 85_000, 'EUR', 'year'));
  });
});
