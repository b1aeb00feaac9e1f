// What the local scorer knows beyond software roles (issue 21): meaning families of exclusions,
// neighbouring roles, an unrecognised role said to be unchecked. Prompts and postings are our own.
import { describe, expect, it } from '@jest/globals';
import type { JobInput } from '../../inputs';
import { LocalProvider } from './local-provider';

const ai = new LocalProvider();

const posting = (overrides: Partial<JobInput>): JobInput => ({
  title: 'Senior Backend Engineer (TypeScript)',
  company: 'Harbourline',
  location: 'Remote (EU)',
  remote: true,
  salaryMin: 85_000,
  salaryMax: 100_000,
  salaryCurrency: 'EUR',
  salaryPeriod: 'year',
  employmentType: 'full_time',
  description: [
    'Harbourline builds scheduling software for ferry operators.',
    '',
    '- Build APIs in TypeScript and Node.js on PostgreSQL',
    '- Senior backend engineer with 6+ years of experience',
  ].join('\n'),
  ...overrides,
});

const score = async (prompt: string, job: JobInput, threshold = 70) => ai.scoreMatch({ job, company: null, user: { prompt, threshold } });

describe('exclusions by meaning, not by the word the user wrote', () => {
  const backend = 'Senior backend engineer, TypeScript, remote within the EU, at least €80k. Nothing crypto/web3, no gambling.';

  it('reads on-chain payments and stablecoins as crypto', async () => {
    const result = await score(backend, posting({ description: 'Harbourline settles cross-border payments on-chain with stablecoins.\n\n- Build APIs in TypeScript\n- Senior engineer, 6+ years' }));
    expect(result.score).toBeLessThan(70);
    expect(result.analysis.cons.join('\n')).toMatch(/crypto/);
  });

  it('reads slot machines as gambling', async () => {
    const result = await score(backend, posting({ description: 'Harbourline makes the software that runs slot machines in gaming halls across Europe.\n\n- Build APIs in TypeScript' }));
    expect(result.score).toBeLessThan(70);
    expect(result.analysis.cons.join('\n')).toMatch(/gambling/);
  });

  it('reads a temporary staffing company as the agency the user ruled out', async () => {
    const hr = 'HR business partner in Madrid, hybrid, at least €45,000. Not at staffing or temp agencies.';
    const job = posting({
      title: 'HR Business Partner',
      location: 'Madrid, Spain (hybrid)',
      remote: false,
      salaryMin: 48_000,
      salaryMax: 54_000,
      description: 'Trabajo Ya is a temporary staffing agency (ETT) placing 4,000 people a year.\n\n- Partner with branch managers on employee relations',
    });
    const result = await score(hr, job);
    expect(result.score).toBeLessThan(70);
  });

  it('finds night shifts the user refused, and leaves a posting that promises none alone', async () => {
    const nurse = 'Registered nurse in Hamburg, ICU experience. No night shifts please.';
    const nights = posting({ title: 'Intensive Care Nurse (night shift)', location: 'Hamburg, Germany', remote: false, salaryMin: null, salaryMax: null, description: 'Our ICU in Hamburg-Eppendorf needs a nurse for permanent night shifts.' });
    const days = posting({ title: 'Intensive Care Nurse', location: 'Hamburg, Germany', remote: false, salaryMin: null, salaryMax: null, description: 'Our ICU in Hamburg-Eppendorf runs early and late shifts. No night shifts for this post.' });
    expect((await score(nurse, nights)).score).toBeLessThan(70);
    expect((await score(nurse, days)).score).toBeGreaterThanOrEqual(70);
  });
});

describe('neighbouring roles are not the role asked for', () => {
  it('does not read a technical writer as a backend engineer', async () => {
    const result = await score(
      'Senior backend engineer, TypeScript, remote within the EU.',
      posting({ title: 'Technical Writer, Developer Documentation', description: 'Harbourline builds scheduling software.\n\n- Write API references and SDK guides for our TypeScript SDK' }),
    );
    expect(result.score).toBeLessThan(70);
    expect(result.analysis.cons.join('\n')).toMatch(/technical writing/);
  });

  it('does not read a sales operations role as the quota-carrying sales job asked for', async () => {
    const result = await score(
      'Mid-market Account Executive, a closing role with a quota. Munich hybrid.',
      posting({ title: 'Sales Operations Manager', location: 'Munich, Germany (hybrid)', remote: false, salaryMin: null, salaryMax: null, description: 'Own our CRM, forecasting and territory planning. No quota.' }),
    );
    expect(result.score).toBeLessThan(70);
  });

  it('does not read a medical assistant post as nursing, in German', async () => {
    const result = await score(
      'I search job as nurse in Hamburg, I speak german B2.',
      posting({ title: 'Medizinische Fachangestellte (MFA) (m/w/d)', location: 'Hamburg', remote: false, salaryMin: null, salaryMax: null, description: 'Hausarztpraxis in Hamburg-Altona sucht MFA für Empfang und Labor.' }),
    );
    expect(result.score).toBeLessThan(70);
  });

  it('matches the role in the posting language', async () => {
    const result = await score(
      'I search job as nurse in Hamburg, I speak german B2.',
      posting({ title: 'Pflegefachkraft (m/w/d) Intensivstation', location: 'Hamburg', remote: false, salaryMin: null, salaryMax: null, description: 'Unsere Intensivstation in Hamburg sucht Verstärkung im Früh- und Spätdienst.' }),
    );
    expect(result.score).toBeGreaterThanOrEqual(70);
  });
});

describe('a role the rules cannot tell', () => {
  it('scores it cautiously and says what it could not check, never that nothing goes against the prompt', async () => {
    const result = await score(
      'Registered social worker in Toronto, community mental health, permanent full time.',
      posting({ title: 'Outreach Coordinator', location: 'Toronto, ON', remote: false, salaryMin: null, salaryMax: null, employmentType: null, description: 'Coordinate our street outreach van and volunteers in downtown Toronto.' }),
    );
    expect(result.score).toBeLessThan(100);
    expect(result.analysis.explanation).toMatch(/Could not check: whether "Outreach Coordinator" is a social work role/);
    expect(result.analysis.explanation).not.toMatch(/Nothing in the posting goes against your prompt/);
  });

  it('says so when the prompt names no role the rules know', async () => {
    const result = await score('Florist in Lyon, full time.', posting({ title: 'Fleuriste', location: 'Lyon', remote: false, salaryMin: null, salaryMax: null, description: 'Boutique de fleurs à Lyon 2e.' }));
    expect(result.analysis.explanation).toMatch(/Could not check: the role/);
    expect(result.analysis.explanation).not.toMatch(/Nothing in the posting goes against your prompt/);
  });
});

describe('the conditions of the job, read from its fields and text', () => {
  const office = (overrides: Partial<JobInput>) => posting({ remote: false, salaryMin: null, salaryMax: null, employmentType: null, ...overrides });

  it('knows a city beyond the commute the user gave, and one within it', async () => {
    const prompt = 'Operations manager for a warehouse, I live in Dordrecht and can drive about 45 minutes.';
    const far = await score(prompt, office({ title: 'Operations Manager Warehouse', location: 'Venlo, Netherlands', description: 'Run our fulfilment centre in Venlo.' }));
    const near = await score(prompt, office({ title: 'Operations Manager Warehouse', location: 'Ridderkerk, Netherlands', description: 'Run our fulfilment centre in Ridderkerk.' }));
    expect(far.score).toBeLessThan(70);
    expect(far.analysis.cons.join('\n')).toMatch(/km from Dordrecht/);
    expect(near.score).toBeGreaterThanOrEqual(70);
  });

  it('holds a fixed-term or self-employed post against a permanent-only prompt', async () => {
    const prompt = 'Juriste d’entreprise / legal counsel in Paris, hybrid. CDI only.';
    const cdd = await score(prompt, office({ title: 'Juriste contrats – CDD 9 mois', location: 'Paris 13e', description: 'Contrat à durée déterminée de 9 mois.' }));
    const cdi = await score(prompt, office({ title: 'Juriste contrats (H/F)', location: 'Paris 9e (hybride)', description: 'Poste en CDI, hybride.' }));
    expect(cdd.score).toBeLessThan(70);
    expect(cdi.score).toBeGreaterThanOrEqual(70);
  });

  it('holds a required language the user said they cannot work in, not one that is only a plus', async () => {
    const prompt = 'Strategic buyer in Eindhoven. English only please – my Dutch is A2, so no jobs where Dutch is required.';
    const required = await score(prompt, office({ title: 'Strategic Buyer', location: 'Eindhoven', description: 'Buy electronic components.\n\nFluent Dutch is required for this role.' }));
    const plus = await score(prompt, office({ title: 'Strategic Buyer', location: 'Eindhoven', description: 'Buy electronic components.\n\nOur working language is English; Dutch is a plus.' }));
    expect(required.score).toBeLessThan(70);
    expect(required.analysis.cons.join('\n')).toMatch(/Requires Dutch/);
    expect(plus.score).toBeGreaterThanOrEqual(70);
  });

  it('compares weekly hours with the ones asked for', async () => {
    const prompt = 'Physiotherapist in Utrecht, I want 28–32 uur, not fulltime.';
    const full = await score(prompt, office({ title: 'Fysiotherapeut (36–40 uur)', location: 'Utrecht', description: 'Praktijk in Utrecht.' }));
    const fits = await score(prompt, office({ title: 'Fysiotherapeut (28–32 uur)', location: 'Utrecht', description: 'Praktijk in Utrecht.' }));
    expect(full.score).toBeLessThan(70);
    expect(fits.score).toBeGreaterThanOrEqual(70);
  });

  it('reads a pay floor in the posting currency and period, net floors against net pay', async () => {
    const prompt = 'Kierowca C+E w Poznaniu. Minimum 7000 zł netto miesięcznie.';
    const job = (min: number, max: number) =>
      office({ title: 'Kierowca C+E – trasy krajowe', location: 'Poznań', salaryMin: min, salaryMax: max, salaryCurrency: 'PLN', salaryPeriod: 'month', description: `Wynagrodzenie ${min}–${max} zł netto miesięcznie.` });
    expect((await score(prompt, job(7_500, 8_500))).score).toBeGreaterThanOrEqual(70);
    expect((await score(prompt, job(5_000, 5_600))).score).toBeLessThan(70);
  });
});
