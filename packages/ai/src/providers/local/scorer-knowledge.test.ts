// What the local scorer knows beyond software roles (issue 21): meaning families of exclusions,
// neighbouring roles, an unrecognised role said to be unchecked. Prompts and postings are our own.
import { describe, expect, it } from '@jest/globals';
import { jobInputSchema, parseInput, type JobInput } from '../../inputs';
import { extractJobSignals } from './job-signals';
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

  it('says so when the prompt names a role the rules do not know, and holds a title that does not name it', async () => {
    const result = await score('Florist in Lyon, full time.', posting({ title: 'Fleuriste', location: 'Lyon', remote: false, salaryMin: null, salaryMax: null, description: 'Boutique de fleurs à Lyon 2e.' }));
    expect(result.analysis.explanation).toMatch(/Could not check: whether "Fleuriste" is a "florist" role/);
    expect(result.analysis.explanation).not.toMatch(/Nothing in the posting goes against your prompt/);
    expect(result.score).toBeLessThanOrEqual(70);
  });

  it('takes a title that names the unknown role in the prompt\'s own words, and still says the role was not checked', async () => {
    const result = await score('Sommelier in Lyon, full time.', posting({ title: 'Head Sommelier', location: 'Lyon', remote: false, salaryMin: null, salaryMax: null, employmentType: 'full_time', description: 'Restaurant gastronomique à Lyon 2e.' }));
    expect(result.score).toBeGreaterThanOrEqual(70);
    expect(result.analysis.explanation).toMatch(/Could not check: the role beyond its title/);
  });
});

describe('a role the rules do not know, read from the prompt\'s own words', () => {
  const office = (overrides: Partial<JobInput>) => posting({ location: 'Madrid', remote: false, salaryMin: null, salaryMax: null, employmentType: 'full_time', ...overrides });

  it('holds a title the rules know as another role below the default threshold, and says the role could not be ruled out', async () => {
    const result = await score('Orthoptist in Madrid, full time.', office({ title: 'Senior Software Engineer (TypeScript)', description: 'Build our booking platform in TypeScript. Madrid office.' }));
    expect(result.score).toBeLessThan(70);
    expect(result.analysis.explanation).toMatch(/Could not check: whether "Senior Software Engineer \(TypeScript\)" is a "orthoptist" role/);
  });

  it('keeps an unknown title cautious rather than ruled out', async () => {
    const result = await score('Orthoptist in Madrid, full time.', office({ title: 'Clínica Visión Norte – vacante', description: 'Clínica oftalmológica en Madrid busca profesional.' }));
    expect(result.score).toBeGreaterThanOrEqual(70);
    expect(result.analysis.explanation).toMatch(/Could not check/);
  });

  it('reads the role in another language\'s spelling (ph/f, th/t, y/i)', async () => {
    const result = await score('Orthoptist in Madrid, full time.', office({ title: 'Ortoptista (H/M)', description: 'Clínica oftalmológica en Madrid.' }));
    expect(result.analysis.pros.join('\n')).toMatch(/role named in the title|names the role you asked for/);
    expect(result.score).toBeGreaterThanOrEqual(90);
  });

  it('finds the role after "ich suche eine Stelle als (Senior)"', async () => {
    const prompt = 'Ich suche eine Stelle als (Senior) Orthoptistin in Berlin.';
    const named = await score(prompt, office({ title: 'Orthoptistin (m/w/d)', location: 'Berlin', description: 'Augenarztpraxis in Berlin-Mitte.' }));
    expect(named.score).toBeGreaterThanOrEqual(90);
    expect(named.analysis.explanation).not.toMatch(/"eine"/);
  });

  it('does not take a title that shares a word with the role but is another kind of job', async () => {
    const result = await score('Orthoptist in Madrid, full time.', office({ title: 'Orthoptist Receptionist', description: 'Front desk of an orthoptic clinic in Madrid.' }));
    expect(result.score).toBeLessThan(70);
    expect(result.analysis.cons.join('\n')).toMatch(/shares a word with the "orthoptist" role you asked for, but is a receptionist job/);
  });

  it('gives a title that does not name the role some credit when the posting\'s text does, more than once', async () => {
    const text = await score('Orthoptist in Madrid, full time.', office({ title: 'Clínica Visión Norte – vacante', description: 'We need an orthoptist for our clinic in Madrid. Orthoptist experience with children is a plus.' }));
    const none = await score('Orthoptist in Madrid, full time.', office({ title: 'Clínica Visión Norte – vacante', description: 'Clínica oftalmológica en Madrid busca profesional.' }));
    expect(text.score).toBeGreaterThan(none.score);
    expect(text.analysis.explanation).toMatch(/Could not check/);
  });
});

describe('spoken languages the user named', () => {
  const hotel = (description: string) =>
    posting({ title: 'Receptionist – Hotel', company: 'Albergo Duomo', location: 'Milano', remote: false, salaryMin: null, salaryMax: null, description });

  it('holds a required language the user did not list against the posting, and says which ones they named', async () => {
    const prompt = 'Cerco un lavoro come receptionist in hotel a Milano. Ho 5 anni di esperienza e sono molto precisa. Inglese C1, francese B2.';
    const result = await score(prompt, hotel('Front desk of a 4-star hotel in Milano.\nFluent German is a must: most of our guests come from Bavaria.'));
    expect(result.score).toBeLessThan(70);
    expect(result.analysis.cons.join('\n')).toMatch(/Requires German; the languages you named are .*Italian/);
  });

  it('counts English, the languages the prompt is written in and those of the user\'s country as theirs', async () => {
    const prompt = 'Cerco un lavoro come receptionist in hotel a Milano. Ho 5 anni di esperienza e sono molto precisa. Francese B2.';
    const result = await score(prompt, hotel('Front desk of a 4-star hotel in Milano.\nFluent Italian and English required.'));
    expect(result.score).toBeGreaterThanOrEqual(70);
    expect(result.analysis.cons.join('\n')).not.toMatch(/Requires/);
  });

  it('infers nothing when the prompt lists no language', async () => {
    const result = await score('Receptionist in a hotel in Milano, full time.', hotel('Front desk of a 4-star hotel in Milano.\nFluent German is a must.'));
    expect(result.analysis.cons.join('\n')).not.toMatch(/Requires German/);
  });
});

describe('what a prompt says it wants, and what it says it does not', () => {
  it('does not read a pay rate per hour ("$30/hr") as an HR role', async () => {
    const result = await score('Orthoptist, Phoenix AZ. Need $30/hr or better, full time.', posting({ title: 'HR Business Partner', location: 'Phoenix, AZ', remote: false, salaryMin: null, salaryMax: null, description: 'People partner for our Phoenix clinics.' }));
    expect(result.score).toBeLessThan(70);
    expect(result.analysis.pros.join('\n')).not.toMatch(/HR role/);
  });

  it('rules out each item of a bracketed list after a negation, and does not want it', async () => {
    const prompt = 'Orthoptiste à Lyon, CDI. Not the industry (labo, affaires réglementaires, visite médicale).';
    const result = await score(prompt, posting({ title: 'Chargé(e) d\'affaires réglementaires', location: 'Lyon', remote: false, salaryMin: null, salaryMax: null, description: 'Laboratoire pharmaceutique à Lyon: dossiers d\'AMM.' }));
    expect(result.score).toBeLessThan(70);
    expect(result.analysis.pros.join('\n')).not.toMatch(/regulatory affairs role/);
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

describe('professions beyond software, offices and wards', () => {
  const local = (overrides: Partial<JobInput>) => posting({ remote: false, salaryMin: null, salaryMax: null, employmentType: 'full_time', ...overrides });

  it('does not read a veterinary or dental nurse as a nurse of people, nor the other way round', async () => {
    const nurse = 'Registered nurse in Hamburg, ICU experience.';
    expect((await score(nurse, local({ title: 'Veterinary Nurse', location: 'Hamburg', description: 'Small animal clinic in Hamburg-Altona.' }))).score).toBeLessThan(70);
    expect((await score(nurse, local({ title: 'Dental Nurse', location: 'Hamburg', description: 'Zahnarztpraxis in Hamburg-Eimsbüttel, chairside assistance.' }))).score).toBeLessThan(70);
    const vet = 'Registered veterinary nurse, small animal, 4 years, Leeds.';
    expect((await score(vet, local({ title: 'RVN – Small Animal Practice', location: 'Leeds', description: 'First opinion practice, consults and theatre.' }))).score).toBeGreaterThanOrEqual(70);
    expect((await score(vet, local({ title: 'Veterinary Care Assistant', location: 'Leeds', description: 'Kennel care and cleaning, no qualification needed.' }))).score).toBeLessThan(70);
  });

  it('tells a dental hygienist from the dental nurse and the dental therapist next door', async () => {
    const prompt = 'Dental hygienist, GDC registered, Bristol.';
    expect((await score(prompt, local({ title: 'Dental Hygienist', location: 'Bristol', description: 'Private practice, 45-minute appointments.' }))).score).toBeGreaterThanOrEqual(70);
    expect((await score(prompt, local({ title: 'Dental Nurse', location: 'Bristol', description: 'Chairside support for three dentists.' }))).score).toBeLessThan(70);
    expect((await score(prompt, local({ title: 'Dental Therapist', location: 'Bristol', description: 'Fillings and extractions for children.' }))).score).toBeLessThan(70);
  });

  it('knows the retail ladder: the shop floor and the region are not the store', async () => {
    const prompt = 'Store manager in fashion retail, Leeds.';
    expect((await score(prompt, local({ title: 'Store Manager', location: 'Leeds', description: 'Lead a team of 15 in our Briggate store.' }))).score).toBeGreaterThanOrEqual(70);
    expect((await score(prompt, local({ title: 'Sales Assistant', location: 'Leeds', description: 'Serve customers and work the till.' }))).score).toBeLessThan(70);
    expect((await score(prompt, local({ title: 'Area Manager – North', location: 'Leeds', description: 'Lead 14 stores across the North.' }))).score).toBeLessThan(70);
  });

  it('reads a site manager by what the site is: a civils scheme or a fulfilment centre', async () => {
    const civils = 'Site manager, civil engineering (roads and bridges), Birmingham.';
    const roads = local({ title: 'Site Manager', location: 'Birmingham', description: 'Highway junction upgrade for a civils contractor. SMSTS required.' });
    const warehouse = local({ title: 'Site Manager', location: 'Birmingham', description: 'Run our fulfilment centre: inbound, picking and dispatch, 300 associates.' });
    expect((await score(civils, roads)).score).toBeGreaterThanOrEqual(70);
    expect((await score(civils, warehouse)).score).toBeLessThan(70);
  });

  it('tells security operations from penetration testing, in Spanish', async () => {
    const prompt = 'Analista SOC nivel 2 en Madrid, Splunk y Sentinel.';
    expect((await score(prompt, local({ title: 'Analista SOC N2', location: 'Madrid', description: 'Análisis de alertas e incidentes.' }))).score).toBeGreaterThanOrEqual(70);
    expect((await score(prompt, local({ title: 'Pentester / Ethical Hacker', location: 'Madrid', description: 'Auditorías de intrusión web.' }))).score).toBeLessThan(70);
  });

  it('does not read a UX/UI designer or a market researcher as the UX researcher asked for', async () => {
    const prompt = 'Senior UX researcher, interviews and usability testing, Amsterdam.';
    expect((await score(prompt, local({ title: 'Senior UX Researcher', location: 'Amsterdam', description: 'Generative and evaluative research with product teams.' }))).score).toBeGreaterThanOrEqual(70);
    expect((await score(prompt, local({ title: 'UX/UI Designer', location: 'Amsterdam', description: 'Wireframes and high-fidelity designs in Figma.' }))).score).toBeLessThan(70);
    expect((await score(prompt, local({ title: 'Market Research Consultant', location: 'Amsterdam', description: 'Brand tracking surveys for FMCG clients.' }))).score).toBeLessThan(70);
  });

  it('stops a ruled-out phrase at a colon: what follows is the wish', async () => {
    const prompt = 'Sous chef en Barcelona. Nada de hoteles ni catering: quiero restaurante a la carta o gastronómico.';
    const job = local({ title: 'Sous Chef – restaurante gastronómico', location: 'Barcelona', description: 'Cocina de producto, menú degustación.' });
    expect((await score(prompt, job)).score).toBeGreaterThanOrEqual(70);
  });

  it('rules out a list after a colon item by item', async () => {
    const prompt = 'Freelance copywriter, London or remote UK. Not doing: SEO article mills, tobacco or vaping brands, or anything crypto.';
    const pouches = local({ title: 'Freelance Copywriter', location: 'London', employmentType: 'contract', description: 'We make heated-tobacco devices and nicotine pouches and need launch copy.' });
    const tokens = local({ title: 'Freelance Copywriter', location: 'London', employmentType: 'contract', description: 'A digital-asset exchange launching its own utility token needs launch copy.' });
    const food = local({ title: 'Freelance Copywriter', location: 'London', employmentType: 'contract', description: 'A plant-based food brand needs packaging and launch copy.' });
    expect((await score(prompt, pouches)).score).toBeLessThan(70);
    expect((await score(prompt, tokens)).score).toBeLessThan(70);
    expect((await score(prompt, food)).score).toBeGreaterThanOrEqual(70);
  });
});

describe('conditions of work beyond the first rounds', () => {
  const local = (overrides: Partial<JobInput>) => posting({ remote: false, salaryMin: null, salaryMax: null, employmentType: 'full_time', ...overrides });

  it('holds a posting that needs a car against a user without one', async () => {
    const prompt = 'Registered veterinary nurse in Manchester. I have no car, so tram or bus only.';
    const car = local({ title: 'Registered Veterinary Nurse', location: 'Manchester', description: 'Rural mixed practice. A full driving licence and own car are essential.' });
    const tram = local({ title: 'Registered Veterinary Nurse', location: 'Manchester', description: 'Small animal practice two minutes from the tram stop.' });
    expect((await score(prompt, car)).score).toBeLessThan(70);
    expect((await score(prompt, tram)).score).toBeGreaterThanOrEqual(70);
  });

  it('reads "no Saturdays" as weekend work and "day shift only" as no nights', async () => {
    const hygienist = 'Dental hygienist in Leeds, part-time 3 days a week. No Saturdays please.';
    const saturdays = local({ title: 'Dental Hygienist', location: 'Leeds', employmentType: 'part_time', description: 'Three days including alternate Saturdays. Saturdays finish at 3pm.' });
    expect((await score(hygienist, saturdays)).score).toBeLessThan(70);
    const planner = 'Transport planner in Leeds, day shift only.';
    const nights = local({ title: 'Transport Planner – Nights', location: 'Leeds', description: 'Plan routes for 40 trucks, 22:00–06:00.' });
    expect((await score(planner, nights)).score).toBeLessThan(70);
  });

  it('holds a permanent post against "contract only", and inside IR35 against "outside IR35 only"', async () => {
    const prompt = 'Contract DevOps engineer, AWS and Terraform, remote UK. Outside IR35 only. Contract only, not interested in perm.';
    const perm = local({ title: 'Senior DevOps Engineer', location: 'Remote (UK)', remote: true, employmentType: 'full_time', salaryMin: 90_000, salaryMax: 100_000, salaryCurrency: 'GBP', salaryPeriod: 'year', description: 'Permanent role. AWS and Terraform.' });
    const inside = local({ title: 'DevOps Engineer – Contract', location: 'Remote (UK)', remote: true, employmentType: 'contract', description: '6-month contract, inside IR35. AWS and Terraform.' });
    const outside = local({ title: 'DevOps Engineer – Contract', location: 'Remote (UK)', remote: true, employmentType: 'contract', description: '6-month contract, outside IR35. AWS and Terraform.' });
    expect((await score(prompt, perm)).score).toBeLessThan(70);
    expect((await score(prompt, inside)).score).toBeLessThan(70);
    expect((await score(prompt, outside)).score).toBeGreaterThanOrEqual(70);
  });

  it('does not read "no permanent night shifts" as contract-only, nor the director the user reports to as their level', async () => {
    const nurse = 'Registered nurse in Leeds, no permanent night shifts.';
    const ward = local({ title: 'Staff Nurse – Surgical Ward', location: 'Leeds', salaryPeriod: 'year', salaryMin: 32_000, salaryMax: 36_000, salaryCurrency: 'GBP', description: 'Permanent post, days and lates.' });
    expect((await score(nurse, ward)).score).toBeGreaterThanOrEqual(70);
    const accountant = 'Senior accountant in Leeds; I report to the finance director today.';
    expect((await score(accountant, local({ title: 'Senior Accountant', location: 'Leeds', description: 'Month-end close and statutory accounts.' }))).score).toBeGreaterThanOrEqual(70);
    expect((await score(accountant, local({ title: 'Head of Accounting', location: 'Leeds', description: 'Lead a team of six accountants.' }))).score).toBeLessThan(70);
  });

  it('holds a full-time post against a part-time-only prompt', async () => {
    const prompt = 'Bookkeeper, Xero, part time 20-30 hrs, Auckland.';
    expect((await score(prompt, local({ title: 'Bookkeeper', location: 'Auckland', description: 'Full-time, 40 hours a week.' }))).score).toBeLessThan(70);
    expect((await score(prompt, local({ title: 'Bookkeeper', location: 'Auckland', employmentType: 'part_time', description: '25 hours a week, Xero.' }))).score).toBeGreaterThanOrEqual(70);
  });

  it('reads places in a prompt typed in lower case, and in New Zealand', async () => {
    const lower = 'site manager civils, roads and bridges. dublin and commutable. permanent only';
    expect((await score(lower, local({ title: 'Site Manager – Civils', location: 'Cork', description: 'Flood relief scheme, civils contractor. Permanent.' }))).score).toBeLessThan(70);
    const kiwi = 'Bookkeeper, part time, Auckland or remote NZ.';
    expect((await score(kiwi, local({ title: 'Bookkeeper', location: 'Wellington', employmentType: 'part_time', description: 'On site in Te Aro, 24 hours a week.' }))).score).toBeLessThan(70);
  });
});

describe('role titles across professions', () => {
  const familyOf = (title: string, description = 'A posting.') => extractJobSignals(parseInput(jobInputSchema, posting({ title, description }), 'test job')).family;

  it.each([
    ['Registered Veterinary Nurse', 'vet-nursing'],
    ['Tiermedizinische Fachangestellte (m/w/d)', 'vet-nursing'],
    ['Dental Hygienist – 3 days', 'dental-hygiene'],
    ['Zahnmedizinische Fachangestellte (ZFA)', 'dental-nursing'],
    ['Midwife, Band 6', 'midwifery'],
    ['Occupational Therapist', 'occupational-therapy'],
    ['Logopäde (m/w/d)', 'speech-therapy'],
    ['Biomedical Scientist', 'lab-science'],
    ['Medical Secretary', 'medical-admin'],
    ['Nursery Practitioner', 'early-years'],
    ['Teaching Assistant (SEN)', 'teaching-assistant'],
    ['School Business Manager', 'school-admin'],
    ['Sales Assistant', 'retail-floor'],
    ['Filialleiter (m/w/d)', 'store-management'],
    ['Area Manager – Scotland', 'area-management'],
    ['Chef de rang', 'hospitality-floor'],
    ['Room Attendant', 'housekeeping'],
    ['Cabin Crew', 'cabin-crew'],
    ['B1 Licensed Aircraft Engineer', 'aircraft-maintenance'],
    ['Bauleiter Tiefbau (m/w/d)', 'construction-site'],
    ['Quantity Surveyor', 'quantity-surveying'],
    ['Structural Engineer', 'civil-engineering'],
    ['Project Architect (RIBA)', 'architecture'],
    ['Konstrukteur Sondermaschinenbau', 'mechanical-design'],
    ['Technischer Zeichner (m/w/d)', 'drafting'],
    ['CNC Machinist', 'cnc-machining'],
    ['Kfz-Mechatroniker (m/w/d)', 'vehicle-mechanic'],
    ['SOC Analyst L2', 'security-operations'],
    ['Penetration Tester', 'offensive-security'],
    ['UX Researcher', 'ux-research'],
    ['Market Research Executive', 'market-research'],
    ['Legal Secretary', 'legal-secretary'],
    ['Data Entry Clerk', 'office-admin'],
    ['Executive Assistant to the CEO', 'executive-assistant'],
    ['Tax Manager', 'tax'],
    ['Audit Senior', 'audit'],
    ['Transport Manager (CPC)', 'transport-management'],
    ['Personal Trainer', 'fitness'],
    ['Hairdresser', 'hairdressing'],
    ['Solutions Architect', 'solutions-architecture'],
    ['Graphic Designer (Print & Packaging)', 'graphic-design'],
    ['Senior Product Designer', 'design'],
    ['Database Administrator', 'database'],
    ['Director of IT', 'it-management'],
    ['Manager, Software Engineering', 'management'],
    ['Customer Support Team Lead', 'support'],
    ['Klantenservicemedewerker', 'support'],
    ['Supply Chain Manager', 'supply-chain-planning'],
    ['Teamleiter Softwareentwicklung (m/w/d)', 'management'],
  ])('reads "%s" as %s', (title, family) => {
    expect(familyOf(title)).toBe(family);
  });

  it('reads "Staff Nurse" as a nurse\'s ordinary title and "Staff Engineer" as a level', () => {
    const level = (title: string) => extractJobSignals(parseInput(jobInputSchema, posting({ title, description: 'A posting.' }), 'test job')).seniority;
    expect(level('Staff Nurse')).toBeNull();
    expect(level('Staff Software Engineer')).toBe(4);
    expect(level('Head of Accounting')).toBe(5);
  });

  it('keeps the titles that share words with a new family where they were', () => {
    expect(familyOf('Night Auditor')).toBe('night-audit');
    expect(familyOf('QA Automation Engineer (Playwright)')).toBe('qa');
    expect(familyOf('Peer Support Worker')).toBe('peer-support');
    expect(familyOf('Embedded Software Architect – ADAS')).toBe('embedded');
    expect(familyOf('System Administrator Windows (3rd line)')).toBe('sysadmin');
    expect(familyOf('Site Manager Fulfilment Centre', 'Run our fulfilment centre: inbound, picking and dispatch.')).toBe('warehouse-ops');
    expect(familyOf('Site Manager', 'Highway upgrade for a civils contractor; SMSTS required.')).toBe('construction-site');
  });
});
