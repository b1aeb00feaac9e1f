// How the local scorer reads prompts and postings written the way people in other countries and
// trades write them: pay without a period or with the currency after it, Swiss and Indian
// figures, Polish place names and negations, Sundays rather than weekends, trades the rules
// split into neighbours. Every case was a wrong answer of the scorer before; prompts and postings
// are our own.
import { describe, expect, it } from '@jest/globals';
import type { JobInput } from '../../inputs';
import { Prefilter } from '../../prefilter/prefilter';
import { LocalProvider } from './local-provider';

const ai = new LocalProvider();

const job = (overrides: Partial<JobInput> & Pick<JobInput, 'title' | 'description'>): JobInput => ({
  company: 'Werkhaus',
  location: null,
  remote: false,
  salaryMin: null,
  salaryMax: null,
  salaryCurrency: null,
  salaryPeriod: null,
  employmentType: null,
  ...overrides,
});

const score = async (prompt: string, posting: JobInput) => ai.scoreMatch({ job: posting, company: null, user: { prompt, threshold: 70 } });
const cons = (result: Awaited<ReturnType<typeof score>>) => result.analysis.cons.join('\n');
const pros = (result: Awaited<ReturnType<typeof score>>) => result.analysis.pros.join('\n');

describe('pay as boards and users write it', () => {
  it("reads a Swiss floor written with apostrophes (CHF 110'000)", async () => {
    const result = await score(
      "Architect, 7 years. I look for a project architect position in Zurich. CHF 110'000 minimum.",
      job({ title: 'Projektarchitekt/in', location: 'Zürich', salaryMin: 115_000, salaryMax: 130_000, salaryCurrency: 'CHF', description: "Wohnbauten in Zürich. Lohn CHF 115'000 – 130'000." }),
    );
    expect(cons(result)).not.toMatch(/below your/);
    expect(result.score).toBeGreaterThanOrEqual(70);
  });

  it('takes figures a board gave without a period as hourly when the text says so', async () => {
    const result = await score(
      'Suche Stelle als PV-Monteur im Raum Freiburg im Breisgau. Ab 19 € Stundenlohn brutto.',
      job({ title: 'PV-Monteur (m/w/d) Dachmontage', location: 'Freiburg im Breisgau', salaryMin: 19, salaryCurrency: 'EUR', description: 'Montage von PV-Anlagen. Wir bieten: 19–23 € Stundenlohn, unbefristet.' }),
    );
    expect(cons(result)).not.toMatch(/below your|per year/);
    expect(pros(result)).toMatch(/solar PV installation role/i);
  });

  it('reads pay in the text with the currency after the figures (8 800 zł brutto) against a monthly floor', async () => {
    const result = await score(
      'Specjalistka ds. płac, 5 lat doświadczenia. Szukam pracy we Wrocławiu. Minimum 9 500 zł brutto miesięcznie.',
      job({ title: 'Specjalista ds. płac', location: 'Wrocław', description: 'Obsługa list płac dla 300 osób. Wynagrodzenie: 7 500–8 800 zł brutto miesięcznie.' }),
    );
    expect(cons(result)).toMatch(/below your/);
    expect(result.score).toBeLessThan(70);
  });

  it('reads lakhs a year (LPA) in the prompt and the posting', async () => {
    const result = await score(
      'Salesforce Developer | 5 yrs | Apex, LWC | Pune or remote India | Expecting 22 LPA fixed minimum',
      job({ title: 'Salesforce Developer', location: 'Pune', description: 'Build Apex and LWC for our clients. CTC: ₹14 – 18 LPA. Hybrid in Pune.' }),
    );
    expect(cons(result)).toMatch(/below your/);
    expect(result.score).toBeLessThan(70);
  });

  it('reads a floor in Singapore dollars a month', async () => {
    const result = await score(
      'Senior data platform engineer in Singapore. Spark, Kafka, Airflow. Min SGD 12k per month base.',
      job({ title: 'Senior Data Platform Engineer', location: 'Singapore', salaryMin: 9_000, salaryMax: 11_000, salaryCurrency: 'SGD', salaryPeriod: 'month', description: 'Build our lakehouse on Spark, Kafka and Airflow.' }),
    );
    expect(cons(result)).toMatch(/below your/);
    expect(result.score).toBeLessThan(70);
  });
});

describe('roles that share words with other roles', () => {
  it('reads "Salesforce Developer" as software, not sales', async () => {
    const result = await score('Salesforce developer, Apex and LWC, remote India.', job({ title: 'Senior Salesforce Developer (Apex / LWC)', location: 'Remote (India)', remote: true, description: 'Build Apex classes and Lightning Web Components.' }));
    expect(cons(result)).not.toMatch(/sales/i);
    expect(result.score).toBeGreaterThanOrEqual(70);
  });

  it('does not read "not functional consultant roles" as ruling out a consulting company', async () => {
    const result = await score(
      'Salesforce Developer, 5 yrs, Apex, LWC, remote India. Not looking for admin-only or functional consultant roles.',
      job({ title: 'Senior Salesforce Developer (Apex / LWC)', location: 'Remote (India)', remote: true, description: 'We are a Salesforce consulting partner. Build Apex classes and Lightning Web Components.' }),
    );
    expect(cons(result)).not.toMatch(/consult/i);
    expect(result.score).toBeGreaterThanOrEqual(70);
  });

  it('tells hairdressing, barbering and beauty apart', async () => {
    const prompt = 'Soy peluquera con 8 años de experiencia, especialista en color. Busco trabajo en Valencia. No quiero barbería solo de hombres ni centros de estética o uñas.';
    const barber = await score(prompt, job({ title: 'Barbero/a', location: 'Valencia', description: 'Barbería clásica en el centro de Valencia.' }));
    const nails = await score(prompt, job({ title: 'Esteticista / Técnica de uñas', location: 'Valencia', description: 'Centro de estética en Valencia.' }));
    const salon = await score(prompt, job({ title: 'Oficial de peluquería – Colorista', location: 'Valencia', description: 'Salón de peluquería en Ruzafa.' }));
    expect(barber.score).toBeLessThan(70);
    expect(nails.score).toBeLessThan(70);
    expect(salon.score).toBeGreaterThanOrEqual(70);
  });

  it('knows "MLT" as a laboratory title and an architecture project lead as architecture', async () => {
    const mlt = await score('Medical Lab Technician, 3 years in a hospital core lab. Houston area.', job({ title: 'MLT – Hematology (Days)', location: 'Sugar Land, TX', description: 'Day shift in our hematology lab.' }));
    expect(pros(mlt)).toMatch(/laboratory science role/i);
    const architect = await score('Architect, I look for a project architect or Projektleiter position in Zurich.', job({ title: 'Projektleiter/in Architektur 80–100 %', location: 'Zürich', description: 'Architekturbüro in Zürich, Wohnbauten und Schulhäuser.' }));
    expect(pros(architect)).toMatch(/architecture \(buildings\) role/i);
  });
});

describe('conditions said in other words', () => {
  it('reads "no overnights" as no night shifts', async () => {
    const result = await score('Medical Lab Technician in Houston. Day or evening shift is fine but NO overnights.', job({ title: 'Medical Laboratory Technician – Nights', location: 'Houston, TX', description: 'Fixed night shift, 10pm to 6:30am, in our core lab.' }));
    expect(cons(result)).toMatch(/night shifts/);
    expect(result.score).toBeLessThan(70);
  });

  it('reads "Night" in a title as the job itself being nights', async () => {
    const result = await score('Registered veterinary nurse in Manchester. No night shifts.', job({ title: 'Night Veterinary Nurse', location: 'Manchester', description: 'Care for in-patients at our 24-hour hospital. 4 on, 4 off.' }));
    expect(cons(result)).toMatch(/night shifts/);
    expect(result.score).toBeLessThan(70);
  });

  it('holds "no Sundays" against Sunday work only, not against a salon open Tuesday to Saturday', async () => {
    const prompt = 'Soy peluquera en Valencia. Jornada completa, pero los domingos no trabajo.';
    const closedSundays = await score(prompt, job({ title: 'Peluquero/a oficial', location: 'Valencia', description: 'Salón unisex. Horario de martes a sábado, cerrado los domingos.' }));
    const twoSundays = await score(prompt, job({ title: 'Colorista', location: 'Valencia', description: 'Salón en centro comercial. Turnos rotativos con dos domingos al mes.' }));
    expect(cons(closedSundays)).not.toMatch(/Sunday|weekend/);
    expect(cons(twoSundays)).toMatch(/Sunday work/);
    expect(twoSundays.score).toBeLessThan(closedSundays.score);
  });

  it('reads an alcohol brand as excluded by "no booze brands", and pokies as gambling', async () => {
    const prompt = 'mid-weight graphic designer, melbourne. dont want to work for betting or pokies companies or booze brands.';
    const brewery = await score(prompt, job({ title: 'Senior Graphic Designer', location: 'Melbourne VIC', description: 'We are a brewery and distillery group with six brands. Design our labels and packaging.' }));
    const pokies = await score(prompt, job({ title: 'Graphic Designer', location: 'Melbourne VIC', description: 'We make pokies and gaming machines for clubs. Design cabinet artwork.' }));
    expect(brewery.score).toBeLessThan(70);
    expect(pokies.score).toBeLessThan(70);
  });

  it('reads "keine Vermittlung über Leihfirmen" as no staffing agencies', async () => {
    const result = await score('Suche Stelle als Solarteur im Raum Freiburg. Nur Festanstellung direkt beim Betrieb, keine Vermittlung über Leihfirmen.', job({ title: 'Solarteur (m/w/d)', location: 'Freiburg im Breisgau', description: 'Als Personaldienstleister suchen wir für unseren Kunden einen Solarteur. Arbeitnehmerüberlassung.' }));
    expect(cons(result)).toMatch(/staffing/);
  });

  it('holds B2B against "tylko umowa o pracę", and PRN against a full-time-only user', async () => {
    const b2b = await score('Specjalistka ds. płac, Wrocław albo zdalnie z Polski. Tylko umowa o pracę, B2B mnie nie interesuje.', job({ title: 'Payroll Specialist (B2B)', location: 'Remote – Poland', remote: true, description: 'Payroll for Polish clients on a B2B contract.' }));
    expect(cons(b2b)).toMatch(/self-employed/);
    expect(b2b.score).toBeLessThan(70);
    const prn = await score('Medical Lab Technician in Houston. Full time only.', job({ title: 'Laboratory Technician – PRN', location: 'Houston, TX', description: 'Shifts as needed across our urgent care labs.' }));
    expect(cons(prn)).toMatch(/part-time/);
  });

  it('reads "3+ years’ experience" as a level', async () => {
    const result = await score('Senior data engineer, 8 yrs, Spark and Kafka, Singapore.', job({ title: 'Data Engineer', location: 'Singapore', description: 'You have 3+ years’ experience with Spark and Airflow.' }));
    expect(cons(result)).toMatch(/below the senior level|mid-level/i);
  });
});

describe('what follows a negation', () => {
  it('rules out what comes after the brackets and an "or" ("… (weekends on site) or outbound call centre sales")', async () => {
    const prompt = 'CeMAP qualified mortgage adviser, Solihull. Not interested in new-build developer desks (weekends on site) or outbound call centre sales.';
    const result = await score(prompt, job({ title: 'Outbound Sales Agent – Call Centre', location: 'Solihull', description: 'Outbound calls to sell protection policies.' }));
    expect(cons(result)).toMatch(/which you ruled out|you ruled it out/);
    expect(result.score).toBeLessThan(70);
  });
});

describe('experience asked in prose', () => {
  const prompt = 'Juriste d\'entreprise / legal counsel with 5 years of experience, commercial contracts and GDPR. Paris, hybrid.';
  const counsel = (text: string) => job({ title: 'Legal Counsel', location: 'Paris', description: text });

  it('holds "at least 12 years" against a user with 5', async () => {
    const far = await score(prompt, counsel('Lead our legal team of six. At least 12 years of experience in commercial law.'));
    expect(cons(far)).toMatch(/at least 12 years of experience; you wrote 5/);
    expect(far.score).toBeLessThan(70);
  });

  it('reads it in French, with the minimum after ("12 ans d\'expérience minimum")', async () => {
    const far = await score(prompt, counsel('Vous dirigez une équipe de 6 juristes. 12 ans d\'expérience minimum dont 5 en management.'));
    expect(cons(far)).toMatch(/at least 12 years of experience; you wrote 5/);
  });

  it('leaves a small step ("6+ years") and an age ("at least 18 years of age") alone', async () => {
    const near = await score(prompt, counsel('Commercial contracts and GDPR. 6+ years of experience.'));
    const age = await score(prompt, counsel('Commercial contracts and GDPR. Applicants must be at least 18 years of age.'));
    expect(cons(near)).not.toMatch(/years of experience/);
    expect(cons(age)).not.toMatch(/years of experience/);
  });
});

describe('places and languages', () => {
  it('finds the home city in a Polish sentence (we Wrocławiu) and holds an office in Poznań against it', async () => {
    const result = await score('Szukam pracy jako specjalistka ds. płac we Wrocławiu.', job({ title: 'Specjalista ds. płac', location: 'Poznań', description: 'Praca stacjonarna w biurze w Poznaniu.' }));
    expect(cons(result)).toMatch(/Wrocław/);
    expect(result.score).toBeLessThan(70);
  });

  it('reads a language the user says they do not know, in Polish, and an English level written next to it', async () => {
    const prompt = 'Specjalistka ds. płac we Wrocławiu. Angielski komunikatywny (B1), niemieckiego nie znam.';
    const german = await score(prompt, job({ title: 'Payroll Specialist with German', location: 'Wrocław', description: 'German payroll. German C1 is required for daily work with our clients.' }));
    const english = await score(prompt, job({ title: 'Global Payroll Specialist', location: 'Wrocław', description: 'UK payroll. Fluent English (C1) is required for all calls.' }));
    expect(cons(german)).toMatch(/German/);
    expect(cons(english)).toMatch(/English/);
  });

  it('does not hold a language "desirable but not essential" against the user', async () => {
    const result = await score("HCPC registered paramedic in Cardiff. I don't speak Welsh (only basic). £37k minimum.", job({ title: 'Paramedic – Band 6', location: 'Cardiff', salaryMin: 37_338, salaryMax: 44_962, salaryCurrency: 'GBP', salaryPeriod: 'year', description: 'Emergency response in Cardiff. Welsh language skills are desirable but not essential.' }));
    expect(cons(result)).not.toMatch(/Welsh/);
    expect(result.score).toBeGreaterThanOrEqual(70);
  });

  it('holds a language that is essential against a user who does not speak it', async () => {
    const result = await score("HCPC registered paramedic in Cardiff. I don't speak Welsh (only basic).", job({ title: 'Parafeddyg / Paramedic – Welsh Essential', location: 'Cardiff', description: 'Fluent Welsh is essential for this post.' }));
    expect(cons(result)).toMatch(/Welsh/);
    expect(result.score).toBeLessThan(70);
  });
});

describe('a fresh reading (dev-e): what it found', () => {
  it('does not read "places" as the Polish word for pay (płac)', async () => {
    const result = await score('My Finnish is basic, so only places where English is the working language. I am a data scientist, Python and forecasting, Helsinki.', job({ title: 'Data Scientist, Demand Forecasting', location: 'Helsinki', description: 'Forecasting in Python. English is our working language.' }));
    expect(pros(result)).toMatch(/data science role/i);
    expect(result.score).toBeGreaterThanOrEqual(70);
  });

  it('reads "no weight-loss clinic roles" as that kind of clinic, not all of healthcare', async () => {
    const prompt = 'Accredited dietitian in Melbourne, 4 years in an acute hospital. Not chasing sports nutrition or weight-loss clinic roles.';
    const hospital = await score(prompt, job({ title: 'Outpatient Dietitian', location: 'Melbourne VIC', description: 'Outpatient clinics at our community health service: diabetes and renal patients.' }));
    const weightLoss = await score(prompt, job({ title: 'Dietitian', location: 'Melbourne VIC', description: 'Our weight-loss clinic runs 12-week programmes for clients.' }));
    expect(hospital.score).toBeGreaterThanOrEqual(70);
    expect(weightLoss.score).toBeLessThan(70);
  });

  it('reads a floor in Kč (the K is the currency, not thousands) and in kr', async () => {
    const czk = await score('Frontend developer, React + TypeScript, Brno. Minimum 85 000 Kč brutto per month.', job({ title: 'Frontend Developer (React/TypeScript)', location: 'Brno', salaryMin: 90_000, salaryMax: 110_000, salaryCurrency: 'CZK', salaryPeriod: 'month', description: 'React and TypeScript in Brno.' }));
    expect(cons(czk)).not.toMatch(/below your/);
    const dkk = await score('Wind turbine service technician in Esbjerg. Salary min 38.000 kr per month.', job({ title: 'Wind Turbine Technician', location: 'Esbjerg', description: 'Service onshore turbines in south Jutland. Løn: 30.000–32.000 kr. per month.' }));
    expect(cons(dkk)).toMatch(/below your/);
  });

  it('reads fourteen payments in a floor ("mínimo 2.400 € brutos x14")', async () => {
    const result = await score('Contabilista certificada, Lisboa. Mínimo 2.400 € brutos x14.', job({ title: 'Contabilista', location: 'Lisboa', salaryMin: 1_900, salaryMax: 2_100, salaryCurrency: 'EUR', salaryPeriod: 'month', description: 'Contabilidade geral. 2.100 € x14.' }));
    expect(cons(result)).toMatch(/below your/);
  });

  it('takes "full time or 0.8" and "temps plein ou 4/5e" as open to a reduced week', async () => {
    const result = await score('Dietitian in Melbourne. Happy with full time or 0.8.', job({ title: 'Dietitian Grade 2', location: 'Melbourne VIC', employmentType: 'part_time', description: '0.8 FTE in our outpatient team.' }));
    expect(cons(result)).not.toMatch(/part-time/);
  });

  it('reads Portuguese, French and two-word refusals', async () => {
    const lisbon = await score('Contabilista certificada em Lisboa. Não quero trabalhar em auditoria externa. Não tenho carro.', job({ title: 'Contabilista', location: 'Lisboa', description: 'Contabilidade. Carta de condução e viatura própria obrigatórias. Own car essential.' }));
    expect(cons(lisbon)).toMatch(/car of your own/);
    const brussels = await score("Infirmière à Bruxelles. Je parle français et néerlandais, pas l'allemand.", job({ title: 'Pflegefachkraft (m/w/d)', location: 'Eupen', description: 'Fließend Deutsch ist erforderlich.' }));
    expect(cons(brussels)).toMatch(/German/);
    const brno = await score('Frontend developer in Brno. English is ok for me, german no.', job({ title: 'Frontend Developer', location: 'Brno', description: 'Fluent German is required.' }));
    expect(cons(brno)).toMatch(/German/);
  });

  it('reads days only said as a fact in French, Sundays refused in Italian, and aged care or a maison de repos as nursing homes', async () => {
    const nights = await score("Infirmière à Bruxelles. Je cherche un poste de jour uniquement : les pauses de nuit c'est fini pour moi.", job({ title: 'Infirmier(ère) de nuit', location: 'Bruxelles', description: 'Service de nuit en médecine interne.' }));
    expect(nights.score).toBeLessThan(70);
    const sundays = await score('Ottico optometrista a Milano. La domenica non lavoro.', job({ title: 'Ottico Optometrista', location: 'Milano', description: 'Turni in centro commerciale, una domenica al mese.' }));
    expect(cons(sundays)).toMatch(/Sunday/);
    const repos = await score('Infirmière à Bruxelles. Je ne veux pas travailler en maison de repos.', job({ title: 'Infirmier(ère)', location: 'Bruxelles', description: 'Notre maison de repos accueille 96 résidents.' }));
    expect(cons(repos)).toMatch(/nursing homes/);
  });

  it('reads travelling work, cannabis in other words, and "neuro rehab pls"', async () => {
    const travel = await score('Wind turbine technician in Esbjerg. No jobs abroad or travelling all around Europe.', job({ title: 'Travelling Wind Turbine Technician', location: 'Esbjerg', description: 'Frequent travel across Europe to wind farms.' }));
    expect(cons(travel)).toMatch(/travelling work/);
    const cannabis = await score('iOS developer in Toronto, Swift. Also no cannabis companies.', job({ title: 'Senior iOS Engineer', location: 'Toronto, ON', description: 'We are a licensed producer of flower, pre-rolls and edibles.' }));
    expect(cannabis.score).toBeLessThan(70);
    const rehab = await score('Physio in Auckland, MSK. not aged care or neuro rehab pls', job({ title: 'Neuro Rehabilitation Physiotherapist', location: 'Auckland', description: 'Stroke and brain injury rehabilitation.' }));
    expect(rehab.score).toBeLessThan(70);
  });
});

describe('wishes, and pay written the short way', () => {
  it('holds a condition the user would only rather avoid ("si possible", "prefer no") as a small doubt, and the gate never rules it out', async () => {
    const prompt = 'Infirmière à Bruxelles, médecine interne. Pas de week-ends si possible, mais ça reste négociable.';
    const result = await score(prompt, job({ title: 'Infirmier(ère) – Médecine interne', location: 'Bruxelles', description: 'Horaire de jour, un week-end sur trois.' }));
    expect(cons(result)).toMatch(/you would rather not/);
    expect(result.score).toBeGreaterThanOrEqual(70);
    const weekendsInTitle = job({ title: 'Infirmier(ère) week-ends', location: 'Bruxelles', description: 'Week-ends uniquement.' });
    expect(new Prefilter().check({ job: weekendsInTitle, user: { prompt, threshold: 70 } }).pass).toBe(true);
    expect(new Prefilter().check({ job: weekendsInTitle, user: { prompt: 'Infirmière à Bruxelles, médecine interne. Pas de week-ends.', threshold: 70 } }).pass).toBe(false);
    const firm = await score('Infirmière à Bruxelles, médecine interne. Pas de week-ends.', job({ title: 'Infirmier(ère) – Médecine interne', location: 'Bruxelles', description: 'Horaire de jour, un week-end sur trois.' }));
    expect(firm.score).toBeLessThan(result.score);
  });

  it('reads a single figure with the currency after it and a pay word ("1.700 € brutos mensuales", "22 €/hora", "32.000 kr./md")', async () => {
    const monthly = await score('Intérprete jurado en Madrid. Mínimo 30 €/hora.', job({ title: 'Intérprete de inglés', location: 'Madrid', description: 'Juzgados de Madrid. 1.700 € brutos mensuales en 14 pagas.' }));
    expect(cons(monthly)).toMatch(/below your/);
    const hourly = await score('Intérprete jurado en Madrid. Mínimo 30 €/hora.', job({ title: 'Intérprete de inglés', location: 'Madrid', description: 'Comisarías de Madrid. 22 €/hora, autónomo.' }));
    expect(cons(hourly)).toMatch(/below your/);
    const danish = await score('Wind turbine service technician in Esbjerg. Salary min 38.000 kr per month.', job({ title: 'Wind Turbine Technician', location: 'Esbjerg', description: 'Service onshore turbines. 32.000 kr./md, pension.' }));
    expect(cons(danish)).toMatch(/below your/);
  });

  it('reads a language requirement in Finnish and an own car in Portuguese', async () => {
    const finnish = await score('Data scientist in Helsinki, Python. My Finnish is still basic (A2).', job({ title: 'Data Scientist', location: 'Espoo', description: 'Python ja SQL. Edellytämme sujuvaa suomen kielen taitoa.' }));
    expect(cons(finnish)).toMatch(/Finnish/);
    const car = await score('Contabilista em Lisboa. Não tenho carro.', job({ title: 'Contabilista', location: 'Oeiras', description: 'Viatura própria indispensável: sem transportes públicos.' }));
    expect(cons(car)).toMatch(/car of your own/);
  });
});

describe('contract length, split shifts and training the trainee pays for', () => {
  it('holds a three-month contract against "perm or a long contract (6 months +)" and lets a twelve-month one through', async () => {
    const prompt = 'Graphic designer in Melbourne, brand and print. 85k + super min. Perm or a long contract (6 months +).';
    const short = await score(prompt, job({ title: 'Graphic Designer – 3 Month Contract', location: 'Melbourne VIC', description: 'Conference season cover. Three-month contract from February. $48 – $55 per hour + super.' }));
    expect(cons(short)).toMatch(/contract of 3 months/);
    expect(short.score).toBeLessThan(70);
    const long = await score(prompt, job({ title: 'Graphic Designer – 12 Month Contract', location: 'Melbourne VIC', description: 'Parental leave cover. A 12-month fixed-term contract. $95,000 + super.' }));
    expect(cons(long)).not.toMatch(/contract of/);
    expect(long.score).toBeGreaterThanOrEqual(70);
    // A figure that is experience, not a contract length, is not a floor.
    const years = await score('Contract DevOps engineer, 6+ years of experience, day rate £550 minimum.', job({ title: 'DevOps Engineer – 3 month contract', location: 'London', description: 'Outside IR35, £600/day.' }));
    expect(cons(years)).not.toMatch(/contract of/);
  });

  it('reads contract lengths in the set\'s other languages ("CDD de 3 mois", "contrato de seis meses", "befristet auf 4 Monate")', async () => {
    const prompt = 'Comptable à Lyon. CDI ou contrats de 6 mois minimum.';
    const cdd = await score(prompt, job({ title: 'Comptable (CDD de 3 mois)', location: 'Lyon', description: 'Remplacement congé maternité.' }));
    expect(cons(cdd)).toMatch(/contract of 3 months/);
    const spanish = await score('Contable en Madrid. Contratos de al menos 6 meses.', job({ title: 'Contable', location: 'Madrid', description: 'Contrato de tres meses, con posibilidad de prórroga.' }));
    expect(cons(spanish)).toMatch(/contract of 3 months/);
    const german = await score('Buchhalter in Wien. Befristete Verträge mindestens 6 Monate.', job({ title: 'Buchhalter:in', location: 'Wien', description: 'Die Stelle ist befristet auf 4 Monate.' }));
    expect(cons(german)).toMatch(/contract of 4 months/);
  });

  it('rules out a daily split shift the user refused ("sin turno partido")', async () => {
    const result = await score(
      'Busco puesto de sous chef en Barcelona. Sin turno partido todos los días. No menos de 28.000 € brutos al año.',
      job({ title: 'Sous Chef – arrocería', location: 'Barcelona', description: 'Horario de martes a sábado en turno partido (11:00–16:30 y 19:30–23:30).\n\n29.000–31.000 € brutos anuales.' }),
    );
    expect(cons(result)).toMatch(/split shifts/);
    expect(result.score).toBeLessThan(70);
  });

  it('rules out a course fee the trainee pays when the user will not pay for their own training', async () => {
    const prompt = 'Cabin crew based at CPH, 2 years experience. Please no airline where I must pay my own training.';
    const fee = await score(prompt, job({ title: 'Cabin Crew – Copenhagen', location: 'Copenhagen Airport', description: 'Our 6-week cabin crew course costs €2,900, deducted from your salary over 12 months.' }));
    expect(cons(fee)).toMatch(/training you pay for/);
    expect(fee.score).toBeLessThan(70);
    const free = await score(prompt, job({ title: 'Cabin Crew – Copenhagen', location: 'Copenhagen Airport', description: 'Paid training from day one, no course fee.' }));
    expect(cons(free)).not.toMatch(/training you pay for/);
  });
});

describe('a condition refused only every day', () => {
  it('lets "1 día de turno partido" through for "sin turno partido todos los días", and not a whole week of it', async () => {
    const prompt = 'Sous chef en Barcelona. Jornada completa, pero sin turno partido todos los días. No menos de 28.000 € brutos al año.';
    const someDays = await score(prompt, job({ title: 'Segundo/a de cocina', location: 'Barcelona', description: 'Restaurante gastronómico.\n\n- horario: 4 días turno continuo y 1 día de turno partido;\n- 30.000–34.000 € brutos anuales.' }));
    expect(cons(someDays)).not.toMatch(/split shifts/);
    expect(someDays.score).toBeGreaterThanOrEqual(70);
    const everyDay = await score(prompt, job({ title: 'Segundo/a de cocina', location: 'Barcelona', description: 'Restaurante a la carta.\n\nHorario de martes a sábado en turno partido.\n\n30.000 € brutos anuales.' }));
    expect(cons(everyDay)).toMatch(/split shifts/);
  });
});

describe('titles that name a domain and another job', () => {
  it('reads "HVAC Project Manager" as project management, not HVAC service, and keeps "HVAC Service Technician" in HVAC', async () => {
    const prompt = 'HVAC service technician in Phoenix, EPA 608 universal, 6 years on commercial rooftop units. $30/hr minimum.';
    const pm = await score(prompt, job({ title: 'HVAC Project Manager', location: 'Phoenix, AZ', description: 'Run commercial HVAC installation projects from the office: budgets, schedules, subcontractors.' }));
    expect(cons(pm)).toMatch(/project management/);
    expect(pm.score).toBeLessThan(70);
    const tech = await score(prompt, job({ title: 'HVAC Service Technician', location: 'Phoenix, AZ', description: 'Service and repair rooftop units. $32–$38/hr.' }));
    expect(cons(tech)).toBe('');
    expect(tech.score).toBeGreaterThanOrEqual(70);
  });

  it('reads "Infirmier(ère) – Médecine interne" as nursing: internal medicine is the ward, not a doctor\'s title', async () => {
    const result = await score('Infirmière à Bruxelles, 6 ans en médecine interne, horaire de jour.', job({ title: 'Infirmier(ère) – Médecine interne', location: 'Bruxelles', description: 'Unité de médecine interne, horaire de jour.' }));
    expect(pros(result)).toMatch(/nursing/i);
    expect(result.score).toBeGreaterThanOrEqual(70);
    // "pas de nuits": the negation reaches "de nuit" too.
    const days = await score('Infirmière à Bruxelles, médecine interne. Je cherche un poste de jour uniquement.', job({ title: 'Infirmier(ère) – Médecine interne', location: 'Bruxelles', description: 'Horaire de jour : 7h–15h et 13h–21h, pas de nuits.' }));
    expect(cons(days)).not.toMatch(/night/);
    expect(days.score).toBeGreaterThanOrEqual(70);
  });
});

describe('pay by the hour in a posting\'s text, and a wish about the job itself', () => {
  it('reads "$32–$38/hr." in a posting as hourly pay', async () => {
    const result = await score('HVAC service technician in Phoenix, 6 years on rooftop units. $30/hr minimum.', job({ title: 'HVAC Service Technician', location: 'Phoenix, AZ', description: 'Service and repair rooftop units. $32–$38/hr.' }));
    expect(cons(result)).not.toMatch(/below your/);
    expect(pros(result)).toMatch(/\$32–\$38 per hour/);
  });

  it('holds a condition the user would rather avoid against a job whose title is that condition ("rather not go back to aged care")', async () => {
    const prompt = "Dietitian in Melbourne, 4 years acute. At least $45 an hour. I'd rather not go back to aged care.";
    const title = await score(prompt, job({ title: 'Dietitian – Residential Aged Care', location: 'Melbourne', description: 'Menu reviews across our homes. $46–$50/hr.' }));
    expect(title.score).toBeLessThan(70);
    const inPassing = await score(prompt, job({ title: 'Clinical Dietitian', location: 'Melbourne', description: 'Inpatient wards; some referrals from aged care partners. $46–$50/hr.' }));
    expect(inPassing.score).toBeGreaterThanOrEqual(70);
  });
});

describe('take-home pay on both sides', () => {
  it('compares a net floor with a posting that states net pay in Spanish or Italian ("netos", "netti")', async () => {
    const spanish = await score('Auxiliar de clínica dental en Madrid. Mínimo 1.300 € netos al mes.', job({ title: 'Auxiliar de clínica dental', location: 'Madrid', description: 'Contrato indefinido, salario de 1.400 a 1.500 € netos al mes.' }));
    expect(cons(spanish)).not.toMatch(/below your/);
    const italian = await score('Sommelier a Firenze. Minimo 1.900 € netti al mese.', job({ title: 'Sommelier', location: 'Firenze', description: 'Contratto a tempo indeterminato, 1.700 € netti al mese.' }));
    expect(cons(italian)).toMatch(/below your/);
    const enough = await score('Sommelier a Firenze. Minimo 1.900 € netti al mese.', job({ title: 'Sommelier', location: 'Firenze', description: 'Contratto a tempo indeterminato, 2.000 € netti al mese.' }));
    expect(cons(enough)).not.toMatch(/below your/);
    // "RAL … su 12 mensilità" is a year's pay split in twelve, not twelve months' pay a month.
    const ral = await score('Sommelier a Firenze. Minimo 1.900 € netti al mese.', job({ title: 'Sommelier', location: 'Firenze', description: 'RAL 24.000–26.000 € su 12 mensilità (circa 1.550–1.680 € netti al mese).' }));
    expect(cons(ral)).toMatch(/below your/);
  });
});

describe("what dev-f's first reading found", () => {
  it('reads "permanent nights" as refusing fixed nights, not a rotation with nights', async () => {
    const prompt = "ICU nurse in Dublin. Rotating days/nights is fine but I won't do permanent nights again. Minimum €48,000 a year.";
    const rotating = await score(prompt, job({ title: 'Staff Nurse – Intensive Care Unit', location: 'Dublin 8', description: 'Roster: 12-hour shifts rotating days and nights. €38,000–€58,000.' }));
    expect(cons(rotating)).not.toMatch(/night shifts/);
    const fixed = await score(prompt, job({ title: 'Staff Nurse – ICU (Night Duty)', location: 'Dublin 8', description: 'Permanent night duty, 20:00 to 08:00. €50,000–€58,000.' }));
    expect(cons(fixed)).toMatch(/night shifts/);
  });

  it('takes "umowa o pracę … albo B2B" and "permanent, or a fixed-term contract" as open to both', async () => {
    const b2b = await score('Python/Django developer, Kraków albo remote z Polski. Umowa o pracę od 15 000 zł brutto albo B2B od 20 000 zł netto miesięcznie.', job({ title: 'Django Developer', location: 'Remote – Poland', remote: true, description: 'B2B, 19 000–23 000 zł netto miesięcznie.' }));
    expect(cons(b2b)).not.toMatch(/self-employed/);
    expect(b2b.score).toBeGreaterThanOrEqual(70);
  });

  it('reads aircraft certifying engineers, restaurant managers in Portuguese, and private tutoring as their own roles', async () => {
    const b1 = await score('B1 licensed aircraft engineer, A320 and ATR 72, Glasgow. £50k basic minimum.', job({ title: 'B1 Certifying Engineer – A320', location: 'Glasgow Airport', description: 'Line maintenance, £54,000–£57,000.' }));
    expect(pros(b1)).toMatch(/aircraft maintenance/i);
    const gerente = await score('Gerente de restaurante com 7 anos de experiência, Lisboa. Mínimo 1.800 € brutos por mês.', job({ title: 'Gerente de Restaurante', location: 'Lisboa', description: 'Restaurante de 120 lugares. 2.000 € brutos por mês.' }));
    expect(pros(gerente)).toMatch(/restaurant management/i);
    const tutoring = await score('Professeure de mathématiques certifiée, Lyon. Pas de cours particuliers à domicile ni de plateformes de soutien scolaire en ligne.', job({ title: 'Professeur de mathématiques à domicile (H/F)', location: 'Lyon', description: 'Réseau de soutien scolaire: cours particuliers chez les familles.' }));
    expect(tutoring.score).toBeLessThan(70);
  });

  it('reads Nordic refusals, floors and krone ("inga casinobolag", "minst 60 000 kr/mån") and places and pay in the Gulf', async () => {
    const prompt = 'B2B-marknadsförare, Stockholm. Lön minst 60 000 kr/mån. Inga spel- eller casinobolag och inga tobaks- eller nikotinbolag.';
    const casino = await score(prompt, job({ title: 'Marketing Manager B2B', location: 'Stockholm', description: 'We build slot games and a casino platform for operators. 65 000–75 000 kr/mån.' }));
    expect(cons(casino)).toMatch(/gambling/);
    const euros = await score(prompt, job({ title: 'Field Marketing Manager', location: 'Stockholm', salaryMin: 68_000, salaryMax: 76_000, salaryCurrency: 'EUR', salaryPeriod: 'year', description: 'Field marketing and ABM across the Nordics.' }));
    expect(cons(euros)).not.toMatch(/below your/);
    const low = await score(prompt, job({ title: 'Marketing Manager (B2B SaaS)', location: 'Stockholm', description: 'Demand generation for our SaaS. Lön 52 000–56 000 kr/mån.' }));
    expect(cons(low)).toMatch(/below your/);
    const gulf = 'Construction project manager in Dubai, open for Dubai or Abu Dhabi only, not Saudi or Qatar. Minimum AED 45,000 per month all-in package.';
    const doha = await score(gulf, job({ title: 'Project Manager – Residential Towers', location: 'Doha, Qatar', description: 'Main contractor, high-rise residential. AED 50,000 per month.' }));
    expect(doha.score).toBeLessThan(70);
    const under = await score(gulf, job({ title: 'Project Manager – Mid-Rise Residential', location: 'Dubai', description: 'Package AED 38,000 per month all-inclusive.' }));
    expect(cons(under)).toMatch(/below your/);
  });

  it('reads limits on office days and on-call ("max 3 days in office", "como mucho una semana al mes")', async () => {
    const office = await score('In-house recruiter, Manchester. Hybrid fine, max 3 days in office. £38k+.', job({ title: 'Talent Acquisition Specialist', location: 'Manchester', description: 'Office-first: four days a week in our Manchester office. £42,000–£46,000.' }));
    expect(cons(office)).toMatch(/3 office days a week at most/);
    const polish = await score('Python developer, Kraków: hybryda max 2 dni w biurze albo full remote.', job({ title: 'Python Developer', location: 'Kraków', description: 'Pracujemy stacjonarnie — 5 dni w tygodniu w biurze.' }));
    expect(cons(polish)).toMatch(/2 office days a week at most/);
    const onCall = await score('DBA PostgreSQL senior, remoto desde España. Guardias sí, pero pagadas y como mucho una semana al mes.', job({ title: 'Senior PostgreSQL DBA', location: 'Remote, Spain', remote: true, description: 'The team of three shares on-call, so you are on call one week in every three (compensated).' }));
    expect(cons(onCall)).toMatch(/one week in 3/);
  });

  it('reads "we do not require German", a French "véhicule indispensable", an RPO and a travelling title', async () => {
    const german = await score('Senior product manager in Berlin. My German is B1, so the working language has to be English.', job({ title: 'Senior Product Manager', location: 'Berlin', description: 'Excellent English. We do not require German.' }));
    expect(cons(german)).not.toMatch(/German/);
    const car = await score("Professeure de mathématiques à Lyon, je n'ai pas de voiture.", job({ title: 'Professeur de mathématiques', location: 'Lyon', description: 'Établissement en zone rurale ; un véhicule est indispensable.' }));
    expect(cons(car)).toMatch(/car of your own/);
    const rpo = await score('In-house recruiter, Manchester. In-house only - no agency, no RPO.', job({ title: 'Talent Acquisition Partner (Client-Site)', location: 'Manchester', description: 'Meridian delivers recruitment on behalf of large employers; you are embedded at one client.' }));
    expect(rpo.score).toBeLessThan(70);
    const travelling = await score('Joiner, Bristol, own van. No travelling jobs with nights away.', job({ title: 'Shopfitter / Joiner – Travelling', location: 'Bristol', description: 'Shop fit-outs across the UK, Monday to Thursday.' }));
    expect(cons(travelling)).toMatch(/travelling work/);
  });

  it('holds a Head-of title against five years, and a monthly floor per payment where pay comes fourteen times', async () => {
    const head = await score('In-house recruiter / TA partner, Manchester. 5 yrs (3 agency, 2 in-house). £38k+.', job({ title: 'Head of Talent', location: 'Manchester', description: 'Lead a team of four recruiters. £82,000–£99,000.' }));
    expect(head.score).toBeLessThan(70);
    const fourteen = await score('Gerente de restaurante, Lisboa. Mínimo 1.800 € brutos por mês (ou 25 mil por ano).', job({ title: 'Gerente de Restaurante', location: 'Lisboa', description: 'Casa de 90 lugares. 1.600 € brutos x 14 meses.' }));
    expect(cons(fourteen)).toMatch(/below your/);
  });
});

describe("what dev-g's first reading found", () => {
  it('runs a refusal through a short list to its "or", but not into what the user accepts', async () => {
    const crypto = await score("Enterprise AE in Austin, remote US. I won't sell for cannabis, firearms or crypto companies.", job({ title: 'Enterprise Account Executive', location: 'Remote, US', remote: true, description: 'Vaultline is a crypto custody and staking platform for institutions.' }));
    expect(cons(crypto)).toMatch(/crypto/);
    expect(crypto.score).toBeLessThan(70);
    const weekends = await score('Nurse in Leeds. No nights, happy with weekends or evenings.', job({ title: 'Staff Nurse', location: 'Leeds', description: 'Day shifts including alternate weekends.' }));
    expect(cons(weekends)).not.toMatch(/weekend/);
  });

  it('reads a language required after an abbreviation ("min. C1 (warunek konieczny)") and "ottima conoscenza del tedesco"', async () => {
    const polish = await score('Junior accountant w Warszawie, angielski B2.', job({ title: 'Junior Accountant', location: 'Warszawa', description: 'Wymagania: język niemiecki na poziomie min. C1 (warunek konieczny), angielski mile widziany.' }));
    expect(cons(polish)).toMatch(/German/);
    const italian = await score('Sommelier a Firenze. Parlo italiano, inglese e francese, non il tedesco.', job({ title: 'Sommelier', location: 'Firenze', description: "Requisiti: ottima conoscenza del tedesco e dell'inglese." }));
    expect(cons(italian)).toMatch(/German/);
  });

  it('reads a dating app, a security clearance, an AÜG placement, body-leasing and an agency placing nurses', async () => {
    const dating = await score('German-speaking customer support in Lisbon. Not for betting or dating apps.', job({ title: 'Customer Support Agent – German', location: 'Lisbon', description: 'Matchwell helps singles across Europe find meaningful relationships.' }));
    expect(dating.score).toBeLessThan(70);
    const cleared = await score("Senior DBA, Charlotte. I'm a green card holder so I can't get a security clearance; skip anything that requires one.", job({ title: 'Database Administrator', location: 'Remote, US', remote: true, description: 'Requirements: active Secret clearance or the ability to obtain one.' }));
    expect(cleared.score).toBeLessThan(70);
    const aug = await score('Data Engineer in München. Keine Arbeitnehmerüberlassung.', job({ title: 'Data Engineer (m/w/d)', location: 'München', description: 'Sie werden im Kundenbetrieb eingesetzt; die Überlassung erfolgt nach AÜG.' }));
    expect(aug.score).toBeLessThan(70);
    const leasing = await score('Flutter developer, Cluj. I dont want outsourcing body-leasing where I am rented to a client for years.', job({ title: 'Flutter Developer', location: 'Remote, Romania', remote: true, description: 'Join our client, a large automotive group: you are contracted by us and embedded in the client’s mobile team for 3 years.' }));
    expect(leasing.score).toBeLessThan(70);
    const agency = await score('ICU nurse in Dublin. Please no nursing agencies, I want to be directly employed.', job({ title: 'ICU Nurses Needed – Flexible Shifts', location: 'Dublin', description: "You'll be employed by us and placed on assignment with our client hospitals." }));
    expect(agency.score).toBeLessThan(70);
  });

  it('counts 13 and 13.5 payments, "$120,000 base / $240,000 OTE", and a nine-month specified-purpose contract', async () => {
    const german = await score('Data Engineer in München. Gehalt mindestens 75.000 € brutto im Jahr.', job({ title: 'Data Engineer AWS (m/w/d)', location: 'München', description: 'Wir bieten 5.400–5.800 € brutto monatlich bei 13,5 Gehältern.' }));
    expect(cons(german)).not.toMatch(/below your/);
    const french = await score('HRBP à Paris. Minimum 60 k€ brut annuel.', job({ title: 'HR Business Partner', location: 'Paris 11e', description: 'CDI, 4 800 € brut par mois × 13 mois.' }));
    expect(cons(french)).not.toMatch(/below your/);
    const ote = await score('Enterprise AE, Austin. I need at least $140k base and $280k OTE.', job({ title: 'Enterprise Account Executive', location: 'Remote, US', remote: true, description: 'Compensation: $120,000 base / $240,000 OTE.' }));
    expect(cons(ote)).toMatch(/below your/);
    const nine = await score('ICU nurse in Dublin. Permanent, or a fixed-term/specified purpose contract of at least 12 months.', job({ title: 'Staff Nurse – Critical Care (Specified Purpose, 9 months)', location: 'Dublin 9', description: 'Critical care unit.' }));
    expect(cons(nine)).toMatch(/contract of 9 months/);
  });

  it('holds a level the user ruled out ("not lead"), and reads "Enterprise AE" and a "Vue/Nuxt Contractor" as their roles', async () => {
    const lead = await score('Flutter developer, 4 years. Mid or senior level, not lead.', job({ title: 'Mobile Tech Lead (Flutter)', location: 'Cluj-Napoca', description: 'Lead a team of 7 engineers on our Flutter apps.' }));
    expect(cons(lead)).toMatch(/ruled that level out/);
    const ae = await score('Enterprise AE, 7 years closing SaaS deals, Austin.', job({ title: 'Strategic Account Executive', location: 'Remote, US', remote: true, description: 'Own a patch of strategic accounts.' }));
    expect(pros(ae)).toMatch(/sales/i);
    const vue = await score('Frontend dev, 5 years, Vue 3 + Nuxt + TypeScript. ONLY remote.', job({ title: 'Vue/Nuxt Contractor (6 months, extendable)', location: 'Remote – Europe', remote: true, description: 'Vue 3, Nuxt 3 and TypeScript for a retail storefront.' }));
    expect(pros(vue)).toMatch(/frontend/i);
  });
});

describe('a ruled-out word in the title, and a language the title names', () => {
  it('holds a ruled-out specialism in the title\'s own words, and only doubts one in its brackets ("Unreal Engine 5")', async () => {
    const ot = 'Registered occupational therapist in Toronto, adult rehab. Not interested in paediatrics or school-based OT.';
    const paeds = await score(ot, job({ title: 'Paediatric Occupational Therapist', location: 'Toronto, ON', description: 'Clinic for children with developmental delays.' }));
    expect(paeds.score).toBeLessThan(70);
    const school = await score(ot, job({ title: 'School-Based Occupational Therapist', location: 'Toronto, ON', description: 'Support students across our schools.' }));
    expect(school.score).toBeLessThan(70);
    const gameplay = await score('Gameplay programmer, C++ / Unreal Engine 5, Montréal. Gameplay work, not engine/rendering or tools-only.', job({ title: 'Gameplay Programmer (Unreal Engine 5)', location: 'Montréal, QC', description: 'Abilities, AI and cameras in C++ for our next console title.' }));
    expect(gameplay.score).toBeGreaterThanOrEqual(70);
  });

  it('takes a language the title names as required ("Intérprete de inglés y árabe")', async () => {
    const result = await score('Intérprete jurado de inglés en Madrid. Hablo español e inglés.', job({ title: 'Intérprete de inglés y árabe', location: 'Madrid', description: 'Juzgados de Madrid.' }));
    expect(cons(result)).toMatch(/Arabic/);
  });
});

describe('a refusal written after what it refuses', () => {
  it('reads "czysty frontend mnie nie interesuje" and "la hostelería no me interesa" as refusals, not wishes', async () => {
    const polish = await score('Python/Django developer, Kraków. Czysty frontend mnie nie interesuje.', job({ title: 'Frontend Developer (React)', location: 'Kraków', description: 'Pure frontend work in React and TypeScript.' }));
    expect(polish.score).toBeLessThan(70);
    const spanish = await score('Cocinero en Sevilla. La hostelería de hotel no me interesa.', job({ title: 'Cocinero', location: 'Sevilla', description: 'Cocina del Hotel Giralda, 4 estrellas.' }));
    expect(cons(spanish)).toMatch(/hotels/);
  });
});

describe('how often weekends, whether any home office, and nights in French rotations', () => {
  it('holds "un dimanche sur deux" against "one Sunday a month", but not "un samedi sur deux"', async () => {
    const prompt = "Pharmacien adjoint à Lyon. One Sunday / garde per month is ok, not more. Au moins 3 200 € net par mois.";
    const sundays = await score(prompt, job({ title: 'Pharmacien Adjoint H/F', location: 'Lyon', description: 'Planning sur 5 jours avec travail un dimanche sur deux.' }));
    expect(cons(sundays)).toMatch(/every other Sunday/);
    const saturdays = await score(prompt, job({ title: 'Pharmacien Adjoint H/F', location: 'Lyon', description: 'Du lundi au vendredi, un samedi sur deux.' }));
    expect(cons(saturdays)).not.toMatch(/Sunday|Saturday/);
    const everySaturday = await score('Property manager in Denver. Prefer no weekend work, though one Saturday a month is fine.', job({ title: 'Property Manager', location: 'Denver, CO', description: 'Schedule is Tuesday through Saturday.' }));
    expect(everySaturday.score).toBeLessThan(70);
  });

  it('reads "min 2 days home office" against "kein Homeoffice", and "matin, soir et nuit" as nights', async () => {
    const onsite = await score('Embedded SW engineer, C, Munich, min 2 days home office. 85k+.', job({ title: 'Embedded Software Engineer (m/w/d)', location: 'München', description: 'Wir arbeiten vollständig vor Ort (kein Homeoffice). 85.000–95.000 €.' }));
    expect(cons(onsite)).toMatch(/3 office days a week at most/);
    const nights = await score('Infirmière à Bruxelles. Je cherche un poste de jour uniquement.', job({ title: 'Infirmier(ère) équipe mobile', location: 'Bruxelles', description: 'Horaire en pauses alternantes : matin, soir et nuit.' }));
    expect(cons(nights)).toMatch(/night shifts/);
  });
});

describe("what dev-h's and dev-i's first readings found", () => {
  it('reads a trade "Gas Engineer" as not software, and "QA Tester (Manual) – Mobile Banking App" by its head', async () => {
    const gas = await score('Gas Safe registered gas engineer, Birmingham, domestic boilers. £40k min.', job({ title: 'Gas Engineer – Domestic Service & Repair', location: 'Birmingham', description: 'Service and repair boilers across Birmingham. £42,000 plus van.' }));
    expect(cons(gas)).not.toMatch(/software/);
    const qa = await score('Manual QA tester in Lisbon, 3 years testing banking apps.', job({ title: 'QA Tester (Manual) – Mobile Banking App', location: 'Lisbon', description: 'Manual test cases for our mobile banking app.' }));
    expect(pros(qa)).toMatch(/QA\/testing/);
  });

  it('reads pay the Indian, Romanian, Mexican and Brazilian way ("₹17,00,000 p.a.", "între 19.000 și 22.000 lei", "$4,200 netos semanales" in Monterrey, "R$")', async () => {
    const inr = await score('Data Analyst in Bengaluru. Expected CTC min 14 LPA.', job({ title: 'Data Analyst', location: 'Bengaluru', description: 'Compensation: CTC up to ₹17,00,000 p.a.' }));
    expect(cons(inr)).not.toMatch(/below your/);
    const ron = await score('Java backend dev, Bucharest. min 18.000 RON net/month as employee.', job({ title: 'Backend Engineer (Java)', location: 'Bucharest', description: 'Oferim: salariu între 19.000 și 22.000 lei net lunar.' }));
    expect(cons(ron)).not.toMatch(/below your/);
    const mxn = await score('Técnico de mantenimiento en Monterrey. Mínimo $14,000 netos al mes.', job({ title: 'Mecánico de Mantenimiento', location: 'Monterrey, N.L.', description: 'Ofrecemos $4,200 netos semanales.' }));
    expect(cons(mxn)).not.toMatch(/below your/);
    expect(pros(mxn)).toMatch(/MX\$4,200 per week/);
  });

  it('takes "inside only if £650+" as open to inside IR35, an HR generalist and a sparky as known roles, and "28–32 uur" as part-time wanted', async () => {
    const ir35 = await score('contract iOS dev, london or remote uk. £550/day min outside ir35, inside only if £650+.', job({ title: 'iOS Developer – Contract (Inside IR35)', location: 'Remote, UK', remote: true, description: 'Inside IR35, £675 per day, 3 months.' }));
    expect(cons(ir35)).not.toMatch(/inside IR35/i);
    const hr = await score("I've been working as an HR generalist for five years in Dublin.", job({ title: 'Payroll & Benefits Specialist', location: 'Dublin', description: 'Run payroll for 400 staff.' }));
    expect(cons(hr)).toMatch(/payroll/i);
    expect(cons(hr)).not.toMatch(/these rules do not know that role/);
    const sparky = await score('4th year apprentice sparky in Ipswich QLD, want to finish my time.', job({ title: 'Electrician – Residential Service', location: 'Ipswich QLD', description: 'Residential service work around Ipswich.' }));
    expect(pros(sparky)).toMatch(/electrician/i);
    expect(cons(sparky)).not.toMatch(/km from/);
    const midwife = await score('Ik ben verloskundige in Amsterdam. Liefst 28–32 uur. Minimaal €4.200 bruto per maand bij fulltime.', job({ title: 'Klinisch Verloskundige (28–32 uur)', location: 'Amsterdam', employmentType: 'part_time', description: 'Klinische verloskunde in ons ziekenhuis.' }));
    expect(cons(midwife)).not.toMatch(/part-time/);
  });
});

describe('places a user rules out, self-employment said locally, and drivers and heating trades by name', () => {
  it('holds an office in a town the user calls too far against them, and does not take that town as home', async () => {
    const prompt = 'Kokk med 6 års erfaring, bor i Oslo sentrum. Oslo, Lillestrøm or Lørenskog is fine, Drammen is too far. Full time.';
    const far = await score(prompt, job({ title: 'Kokk', location: 'Drammen', description: 'Restaurant i Drammen sentrum søker kokk, fulltid, fast stilling.' }));
    expect(cons(far)).toMatch(/Drammen/);
    expect(far.score).toBeLessThan(70);
    const near = await score(prompt, job({ title: 'Kokk', location: 'Lillestrøm', description: 'Restaurant i Lillestrøm søker kokk, fulltid, fast stilling.' }));
    expect(near.score).toBeGreaterThanOrEqual(70);
    const dutch = await score(
      'Ik ben kapper, woon in Utrecht. Utrecht, Nieuwegein of Zeist is oké, Amersfoort of Hilversum niet. Minimaal 32 uur.',
      job({ title: 'Kapper', location: 'Hilversum', description: 'Salon in Hilversum zoekt een kapper voor 32–38 uur.' }),
    );
    expect(cons(dutch)).toMatch(/Hilversum/);
  });

  it('reads "no freelance", "niente partita IVA" and "no recibos verdes" as refusing self-employment, and a P.IVA or recibos verdes posting as such', async () => {
    const italian = await score(
      'Sono copywriter, 6 anni. Cerco a Torino o da remoto in Italia. Niente partita IVA.',
      job({ title: 'Copywriter (collaborazione)', location: 'Torino', remote: true, employmentType: 'contract', description: 'Cerchiamo copywriter per una collaborazione di 10 mesi. Requisiti: partita IVA attiva, 5 anni di esperienza.' }),
    );
    expect(cons(italian)).toMatch(/self-employ/i);
    expect(italian.score).toBeLessThan(70);
    const portuguese = await score(
      'Contabilista certificada, Porto. Employee only, no recibos verdes please. Minimum 1.700€ bruto.',
      job({ title: 'Contabilista (prestação de serviços)', location: 'Porto', description: 'Gabinete no Porto procura contabilista em regime de prestação de serviços, a recibos verdes. 1.900€ por mês.' }),
    );
    expect(cons(portuguese)).toMatch(/self-employ/i);
    expect(portuguese.score).toBeLessThan(70);
    // A fixed-term employment is not self-employment: "no freelance" does not refuse it.
    const fixedTerm = await score(
      'Payroll specialist in Dublin, 5 years. Employee only, no freelance.',
      job({ title: 'Payroll Specialist (12-month contract)', location: 'Dublin', description: 'Twelve-month fixed-term contract as a payroll specialist in our Dublin office, salaried employee with pension.' }),
    );
    expect(cons(fixedTerm)).not.toMatch(/self-employ/i);
  });

  it('reads "kein reiner Provisionsvertrieb" against a posting paid on commission only as a Handelsvertreter', async () => {
    const result = await score(
      'Versicherungskaufmann, 7 Jahre, suche Stelle im Innendienst oder Außendienst in Köln. Kein reiner Provisionsvertrieb.',
      job({ title: 'Versicherungsberater (m/w/d)', location: 'Köln', description: 'Als selbstständiger Handelsvertreter nach § 84 HGB betreuen Sie Kunden in Köln. Vergütung rein erfolgsabhängig auf Provisionsbasis.' }),
    );
    expect(cons(result)).toMatch(/commission/i);
    expect(result.score).toBeLessThan(70);
  });

  it('knows a bus driver in Norwegian and Swedish compounds, a truck driver beside it, and a boiler engineer as a gas engineer', async () => {
    const prompt = 'Bussjåfør med klasse D, ser etter fast jobb i Oslo.';
    const bus = await score(prompt, job({ title: 'Nattbuss-sjåfør', location: 'Oslo', description: 'Vi søker sjåfør til rutekjøring i Oslo. Førerkort klasse D kreves.' }));
    expect(pros(bus)).toMatch(/bus driving role/i);
    const truck = await score(prompt, job({ title: 'Lastebilsjåfør klasse C', location: 'Oslo', description: 'Distribusjon i Oslo-området med lastebil, klasse C.' }));
    expect(cons(truck)).toMatch(/truck driving/i);
    expect(truck.score).toBeLessThan(70);
    const swedish = await score('Busschaufför i Göteborg, söker heltid.', job({ title: 'Bussförare', location: 'Göteborg', description: 'Linjetrafik i Göteborg.' }));
    expect(pros(swedish)).toMatch(/bus driving role/i);
    const gas = await score('Gas Safe registered gas engineer, domestic boilers, Leeds. £42k+.', job({ title: 'Boiler Service Engineer', location: 'Leeds', salaryMin: 44_000, salaryCurrency: 'GBP', salaryPeriod: 'year', description: 'Servicing and repairing domestic boilers across Leeds. Gas Safe registration required. Company van.' }));
    expect(pros(gas)).toMatch(/gas\/heating engineering role/i);
    const busForGas = await score(prompt, job({ title: 'Boiler Service Engineer', location: 'Oslo', description: 'Servicing domestic boilers.' }));
    expect(busForGas.score).toBeLessThan(70);
  });
});

describe("pay floors dev-i's first reading missed", () => {
  it('reads a second figure after a day rate as a day rate too ("£550/day min outside ir35, inside only if £650+")', async () => {
    const result = await score(
      'contract android dev (kotlin), manchester or remote uk. £550/day min outside ir35, inside only if £650+. no perm.',
      job({ title: 'Contract Android Developer', location: 'Remote, UK', remote: true, employmentType: 'contract', description: 'Six-month contract, outside IR35, £450–£500 per day. Kotlin and Jetpack Compose.' }),
    );
    expect(cons(result)).toMatch(/below your/);
    expect(result.score).toBeLessThan(70);
  });

  it('reads "Piso: USD 4.000 por mes" and "fixo mínimo de R$ 3.000 por mês" as floors', async () => {
    const spanish = await score(
      'Soy UX writer senior, vivo en Córdoba (Argentina). Busco trabajo 100% remoto. Piso: USD 4.000 por mes.',
      job({ title: 'Senior UX Writer', location: 'Remote – LATAM', remote: true, salaryMin: 3_000, salaryMax: 3_500, salaryCurrency: 'USD', salaryPeriod: 'month', description: 'Write product copy for our banking app. USD 3,000–3,500 a month, fully remote across Latin America.' }),
    );
    expect(cons(spanish)).toMatch(/below your/);
    const portuguese = await score(
      'Sou assistente administrativa em Campinas. Quero fixo mínimo de R$ 3.000 por mês, CLT.',
      job({ title: 'Assistente Administrativo', location: 'Campinas', salaryMin: 2_200, salaryMax: 2_400, salaryCurrency: 'BRL', salaryPeriod: 'month', description: 'Rotinas administrativas em Campinas. Salário de R$ 2.200 a R$ 2.400 por mês, CLT.' }),
    );
    expect(cons(portuguese)).toMatch(/below your/);
  });
});

describe('pay and roles said the Brazilian way', () => {
  it('reads "ajuda de custo de R$ 2.500 mensais + comissão" as pay, and "Especialista de Vendas Imobiliárias" as a property sales role', async () => {
    const prompt = 'Corretora de imóveis em Curitiba, CRECI ativo. Quero fixo mínimo de R$ 3.000 por mês + comissão.';
    const low = await score(prompt, job({ title: 'Corretor(a) de Imóveis', location: 'Curitiba', description: 'Imobiliária no Batel. Remuneração: ajuda de custo de R$ 2.500 mensais + comissão de 2%.' }));
    expect(cons(low)).toMatch(/below your/);
    const fine = await score(prompt, job({ title: 'Especialista de Vendas Imobiliárias', location: 'Curitiba', description: 'Atendimento de compradores e visitas. Remuneração fixa de R$ 3.400 + comissão sobre vendas.' }));
    expect(pros(fine)).toMatch(/property\/lettings role/i);
    expect(fine.score).toBeGreaterThanOrEqual(70);
  });
});

describe('a commute limit is not a refusal of any office', () => {
  it('reads "I don\'t want a commute over about 40 minutes" as a limit, not as asking for remote', async () => {
    const result = await score(
      'Dental hygienist, 5 yrs, I live in Evanston IL. I don\'t want a commute over about 40 minutes each way. Minimum $45/hr.',
      job({ title: 'Dental Hygienist', location: 'Evanston, IL', salaryMin: 48, salaryMax: 55, salaryCurrency: 'USD', salaryPeriod: 'hour', description: 'Busy family practice in Evanston. $48–$55 per hour, four days a week.' }),
    );
    expect(cons(result)).not.toMatch(/remote/i);
    expect(result.score).toBeGreaterThanOrEqual(70);
    const noCommute = await score('Bookkeeper, no commute please, fully remote only.', job({ title: 'Bookkeeper', location: 'Evanston, IL', description: 'Bookkeeping in our Evanston office, five days on site.' }));
    expect(noCommute.score).toBeLessThan(70);
  });
});

describe('a car the posting needs, said the Mexican and Canadian way', () => {
  it('holds "indispensable contar con automóvil propio" and "reliable vehicle" against "no tengo carro" and "I don\'t have a car"', async () => {
    const mexican = await score(
      'Soy soldador en Guadalupe, N.L. No tengo carro, dependo del transporte de personal. Sueldo mínimo $14,000 MXN mensuales.',
      job({ title: 'Soldador', location: 'Guadalupe, N.L.', description: 'Taller de estructuras. Indispensable contar con automóvil propio, no hay transporte de personal. Sueldo $15,000–$17,000 mensuales.' }),
    );
    expect(cons(mexican)).toMatch(/car of your own/);
    const canadian = await score(
      'Cleaner in Winnipeg, I do not have a car so I go by bus. Minimum $17 per hour.',
      job({ title: 'Residential Cleaner', location: 'Winnipeg, MB', description: 'Clean homes across the city. Requirements: valid licence and reliable vehicle to travel between homes. $19/hour.' }),
    );
    expect(cons(canadian)).toMatch(/car of your own/);
  });
});

describe('dollars of the place, hours a week and sponsorship', () => {
  it('reads a bare "$" in a Canadian or Australian posting as that country\'s dollar, and says the pay in the currency of the floor', async () => {
    const toronto = await score(
      'Senior backend dev in Toronto. Java/Kotlin. Base CAD 165k or more.',
      job({ title: 'Senior Software Engineer – Kotlin', location: 'Toronto, ON', description: 'Kotlin and Spring Boot services. Base salary $150,000–$160,000.' }),
    );
    expect(cons(toronto)).toMatch(/below your/);
    expect(cons(toronto)).toMatch(/CA\$160,000|CAD 160,000/);
    expect(cons(toronto)).not.toMatch(/€/);
    const sydney = await score(
      'Legal assistant in Sydney, family law. At least AUD 85k plus super.',
      job({ title: 'Legal Assistant – Family Law', location: 'North Sydney NSW', description: 'Secretarial support to two family law partners. $90,000 + super.' }),
    );
    expect(cons(sydney)).not.toMatch(/below your/);
    // The US dollar stays the US dollar where the posting says so.
    const usd = await score('Product designer in Toronto. Min CAD 120k.', job({ title: 'Senior Product Designer', location: 'Toronto, ON', description: 'US company hiring in Canada, paid in USD: $100,000–$110,000.' }));
    expect(cons(usd)).not.toMatch(/below your/);
  });

  it('reads "minimum 30 hours a week" as a floor on hours, and the hours a posting states in its text or as FTE', async () => {
    const prompt = 'PSW certified, Ottawa. I search PSW job full time or part time minimum 30 hours a week, in long term care.';
    const fteJob = await score(prompt, job({ title: 'PSW – Part-Time (0.4)', location: 'Ottawa, ON', employmentType: 'part_time', description: 'The line is 0.4 FTE: two 7.5-hour shifts per week, about 15 hours weekly. Long-term care home.' }));
    expect(cons(fteJob)).toMatch(/hours/);
    expect(fteJob.score).toBeLessThan(70);
    const fullTime = await score(prompt, job({ title: 'Personal Support Worker – Full Time', location: 'Ottawa, ON', employmentType: 'full_time', description: 'Long-term care home. 37.5 hours per week on days and evenings.' }));
    expect(cons(fullTime)).not.toMatch(/hours/);
    expect(fullTime.score).toBeGreaterThanOrEqual(70);
  });

  it('holds "no sponsorship now or in the future" against a user who needs a work permit supported, and not against one who does not', async () => {
    const posting = job({ title: 'Backend Engineer, Java', location: 'Toronto, ON', description: 'Java services for health records. Applicants must be eligible to work in Canada; we are unable to provide sponsorship now or in the future.' });
    const needs = await score('Senior Java backend dev in Toronto. My work permit runs out next year, so the employer must support a work permit / LMIA.', posting);
    expect(cons(needs)).toMatch(/sponsor/i);
    expect(needs.score).toBeLessThan(70);
    const gate = new Prefilter().check({ job: posting, user: { prompt: 'Senior Java backend dev in Toronto. I need visa sponsorship.', threshold: 70 } });
    expect(gate.pass).toBe(false);
    const citizen = await score('Senior Java backend dev in Toronto, permanent resident.', posting);
    expect(cons(citizen)).not.toMatch(/sponsor/i);
    // A posting that offers sponsorship, and a boilerplate line about the right to work, are no refusal.
    const offers = await score('Java backend dev in Toronto, I need visa sponsorship.', job({ title: 'Backend Engineer, Java', location: 'Toronto, ON', description: 'Java services. Visa sponsorship available for the right candidate. All applicants must be legally entitled to work in the country of the role unless stated otherwise.' }));
    expect(cons(offers)).not.toMatch(/sponsor/i);
  });
});

describe("what dev-j's and dev-k's first readings found in the gate", () => {
  it('does not read a floor word inside another word ("kod 95" is a driver\'s code, not "od 95")', async () => {
    const result = await score(
      'Hladam pracu vodic kamionu. Mam vodicak C+E, kod 95, kartu vodica. Byvam v Kosiciach. Plat aspon 1800 € v cistom mesacne.',
      job({ title: 'Vodič C+E – vnútroštátna doprava', location: 'Košice', description: 'Vnútroštátny rozvoz z Košíc. Mzda 1 900 – 2 200 € v čistom mesačne.' }),
    );
    expect(cons(result)).not.toMatch(/below your/);
  });

  it('reads the Portuguese "no Douro" as "in the Douro", not as a refusal', async () => {
    const prompt = 'Enóloga. Vivo em Vila Real. Procuro lugar de enóloga ou enóloga-adjunta numa quinta ou adega no Douro ou Trás-os-Montes, no máximo ~1h de carro. Contrato sem termo ou pelo menos de 1 ano – não quero só a vindima (2-3 meses).';
    const posting = job({ title: 'Enólogo(a) de Produção – Trás-os-Montes', location: 'Valpaços', description: 'Adega em Valpaços procura enólogo(a) de produção. Contrato sem termo.' });
    expect(new Prefilter().check({ job: posting, user: { prompt, threshold: 70 } }).pass).toBe(true);
    expect(cons(await score(prompt, posting))).not.toMatch(/ruled out/);
  });

  it('takes "indefinido o plazo fijo con opción a indefinido, ambos ok" as open to a fixed term', async () => {
    const prompt = 'Topógrafo minero, 10 años en rajo abierto. Vivo en La Serena. Indefinido o plazo fijo con opción a indefinido, ambos ok.';
    const posting = job({ title: 'Topógrafo Senior – Proyecto Expansión', location: 'La Serena', employmentType: 'temporary', description: 'Contrato a plazo fijo de 12 meses con opción a indefinido. Rajo abierto.' });
    expect(new Prefilter().check({ job: posting, user: { prompt, threshold: 70 } }).pass).toBe(true);
    expect(cons(await score(prompt, posting))).not.toMatch(/permanent/);
  });
});

describe("pay and roles dev-k's first reading found", () => {
  it('reads thousands and millions said in words or letters ("R$ 14–16 mil", "13M mensuales", "$2,1M", "₦1.2–1.5m")', async () => {
    const brl = await score('Dev backend sênior em Florianópolis. Pretensão: CLT a partir de R$ 18 mil bruto/mês, ou PJ a partir de R$ 24 mil/mês.', job({ title: 'Desenvolvedor(a) Back-end Java Sênior', location: 'Florianópolis', description: 'CLT, salário de R$ 14–16 mil por mês.' }));
    expect(cons(brl)).toMatch(/below your/);
    const cop = await score('Consultor SAP ABAP senior en Bogotá.\n- mínimo 13 millones COP mensuales', job({ title: 'Desarrollador SAP ABAP', location: 'Bogotá', description: 'Salario máximo $11M mensuales.' }));
    expect(cons(cop)).toMatch(/below your/);
    const clp = await score('Topógrafo minero en La Serena. Renta líquida mínima $2.300.000.', job({ title: 'Topógrafo Minero', location: 'Antofagasta', description: 'Renta líquida hasta $2,6M mensual.' }));
    expect(cons(clp)).not.toMatch(/below your/);
    const ngn = await score('Android dev in Lagos, Kotlin. Minimum ₦900k net per month.', job({ title: 'Android Engineer (Kotlin/Compose)', location: 'Lagos', description: 'Pay: ₦1.2–1.5m net monthly.' }));
    expect(cons(ngn)).not.toMatch(/below your/);
  });

  it('reads dirhams, shillings, naira and yen as currencies, in a floor and in a posting', async () => {
    const mad = await score('Déclarant en douane à Casablanca. Salaire minimum 14 000 DH net par mois.', job({ title: 'Déclarant en douane senior (H/F)', location: 'Casablanca', description: 'Rémunération : 15 000 à 17 000 DH net par mois.' }));
    expect(cons(mad)).not.toMatch(/below your|No salary/);
    expect(pros(mad)).toMatch(/MAD|DH/);
    const kes = await score('Agronomist in Nakuru, horticulture. Minimum KES 150,000 per month.', job({ title: 'Agronomist', location: 'Nakuru', description: 'Salary KES 90,000–120,000 gross per month.' }));
    expect(cons(kes)).toMatch(/below your/);
    const jpy = await score('English teacher in Osaka. At least ¥280,000 a month.', job({ title: 'English Teacher', location: 'Osaka', description: 'Salary ¥300,000–¥330,000 per month.' }));
    expect(cons(jpy)).not.toMatch(/below your|No salary/);
  });

  it('does not rule out a nurse\'s whole field for "no patient house", and does not take "Junior & Senior High School" for a level', async () => {
    const nurse = await score('Filipino RN in Dubai. Looking for hospital staff nurse job in Dubai only, ER or ICU preferred. NO home care pls (no live-in, no patient house).', job({ title: 'Staff Nurse – Emergency Department', location: 'Dubai', description: 'Al Safa Crescent Hospital is a 300-bed hospital caring for patients across Dubai.\n\nTriage and assess patients in our emergency department. Our in-house academy runs ACLS refreshers for clinical staff.' }));
    expect(nurse.score).toBeGreaterThanOrEqual(70);
    const teacher = await score('Kiwi in Osaka, 4 yrs teaching English in Japan. Looking for a direct hire teaching job.', job({ title: 'Full-time English Teacher (Direct Hire) – Junior & Senior High School', location: 'Osaka', description: 'Teach English at our junior and senior high school.' }));
    expect(cons(teacher)).not.toMatch(/Junior level/);
    expect(cons(teacher)).not.toMatch(/kiwi/);
  });
});

describe("refusals, floors and contracts in the languages dev-j's first reading brought", () => {
  it('reads a Slovak prompt without diacritics: "aspon 1800 € v cistom", "nie na zivnost", "ziadne turnusy"', async () => {
    const prompt = 'Hladam pracu vodic kamionu. Mam vodicak C+E. Byvam v Kosiciach. Chcem jazdit vnutrostatne, ziadne turnusy 3/1 ani dialka po zapadnej Europe. Plat aspon 1800 € v cistom mesacne. Len TPP, nie na zivnost.';
    const low = await score(prompt, job({ title: 'Vodič C+E – regionálna preprava', location: 'Košice', description: 'Regionálna preprava. Mzda max. 1 650 € v čistom mesačne.' }));
    expect(cons(low)).toMatch(/below your/);
    const selfEmployed = await score(prompt, job({ title: 'Vodič C+E na živnosť', location: 'Košice', description: 'Spolupráca na živnosť, vnútroštátna doprava.' }));
    expect(selfEmployed.score).toBeLessThan(70);
    const tours = await score(prompt, job({ title: 'Vodič C+E – západná Európa (turnus 4/1)', location: 'Košice', description: 'Jazdy po západnej Európe v turnuse 4/1.' }));
    expect(tours.score).toBeLessThan(70);
  });

  it('reads Czech, Croatian and Finnish refusals and floors ("Minimálně 95 000 Kč", "ne sezonu", "ei yövuoroja")', async () => {
    const czech = 'Hledám práci jako embedded SW vývojář v Brně. Chci HPP, žádná spolupráce na IČO. Minimálně 95 000 Kč hrubého měsíčně.';
    const ico = await score(czech, job({ title: 'Embedded C vývojář – spolupráce na IČO', location: 'Brno', description: 'Spolupráce na IČO, embedded C pro průmyslové řídicí systémy.' }));
    expect(ico.score).toBeLessThan(70);
    const pay = await score(czech, job({ title: 'Embedded SW Developer', location: 'Brno', description: 'Embedded C/C++. Mzda až 85 000 Kč měsíčně.' }));
    expect(cons(pay)).toMatch(/below your/);
    const croatian = 'Kuhar, trenutno sous chef u hotelu. Tražim posao u Splitu. Želim CJELOGODIŠNJI posao, ne sezonu.';
    const season = await score(croatian, job({ title: 'Sous chef – sezona 2025', location: 'Split', description: 'Sezonski ugovor od travnja do listopada.' }));
    expect(season.score).toBeLessThan(70);
    const finnish = 'Metsäkoneenkuljettaja, harvesteri. Asun Joensuussa. Haen VAKITUISTA työtä. Kaksivuorotyö käy mutta ei yövuoroja.';
    const nights = await score(finnish, job({ title: 'Harvesterinkuljettaja, kolmivuoro', location: 'Joensuu', description: 'Kolmivuorotyö, yövuoroja joka kolmas viikko.' }));
    expect(nights.score).toBeLessThan(70);
  });
});

describe('a refused commute to a named place, and nights a posting rules out in Finnish', () => {
  it('keeps "hybrid in Cork" open when the user refuses "commuting to Dublin"', async () => {
    const prompt = 'backend dev based in Cork, Java/Kotlin.\n- hybrid in Cork city, max 2 days a week in the office, or fully remote within Ireland\n- NOT commuting to Dublin';
    const cork = await score(prompt, job({ title: 'Senior Backend Engineer (Kotlin)', location: 'Cork, Ireland', description: 'Hybrid: two days a week in our Cork office.' }));
    expect(cons(cork)).not.toMatch(/you asked for remote/);
    expect(cork.score).toBeGreaterThanOrEqual(70);
    const dublin = await score(prompt, job({ title: 'Senior Backend Engineer (Kotlin)', location: 'Dublin, Ireland', description: 'Hybrid: three days a week in our Dublin office.' }));
    expect(dublin.score).toBeLessThan(70);
  });

  it('reads "ei yövuoroja" and "ilman öitä" in a posting as a promise, not as night work', async () => {
    const result = await score(
      'Metsäkoneenkuljettaja, harvesteri. Asun Joensuussa. Kaksivuorotyö käy mutta ei yövuoroja.',
      job({ title: 'Harvesterinkuljettaja, vakituinen', location: 'Joensuu', description: 'Kaksivuorotyö ilman öitä, ei yövuoroja. Palkka 18,50–21 €/h.' }),
    );
    expect(cons(result)).not.toMatch(/night/);
  });
});

describe("travel, notice periods and the words dev-k's first reading used for refusals", () => {
  it('holds travel over the user\'s limit against a posting ("max. 20 % Reisen" and "Reisetätigkeit ca. 50 %")', async () => {
    const prompt = 'SAP ABAP Entwickler in Luzern. Inhouse, max. 20 % Reisen.';
    const consultant = await score(prompt, job({ title: 'SAP ABAP Consultant (m/w/d)', location: 'Luzern', description: 'Beratung bei Kunden in der ganzen Schweiz, Reisetätigkeit ca. 50 %.' }));
    expect(cons(consultant)).toMatch(/50 % travel|travel; you take 20 %/);
    expect(consultant.score).toBeLessThan(70);
    const inhouse = await score(prompt, job({ title: 'SAP ABAP Entwickler (m/w/d)', location: 'Luzern', description: 'Inhouse-Entwicklung, Reisetätigkeit unter 10 %.' }));
    expect(cons(inhouse)).not.toMatch(/travel/);
  });

  it('holds "joiners within 15 days" against a 60-day notice period, not against a 30-day one', async () => {
    const posting = job({ title: 'Data Engineer III', location: 'Bengaluru', description: 'PySpark pipelines. We are looking for joiners within 15 days.' });
    const long = await score('Data engineer, Bengaluru, PySpark. Notice period 60 days, cannot buy out.', posting);
    expect(cons(long)).toMatch(/notice period is 60 days/);
    expect(long.score).toBeLessThan(75);
    const short = await score('Data engineer, Bengaluru, PySpark. Notice period 15 days.', posting);
    expect(cons(short)).not.toMatch(/notice/);
  });

  it('reads FIFO, "nada de bets/cassino online e nada de cripto", and "fins de semana" as weekends, not Finnish', async () => {
    const fifo = await score('A-grade sparky in Joondalup, done with FIFO.', job({ title: 'FIFO Electrician – Iron Ore Operations', location: 'Pilbara, WA', description: 'FIFO 2:1 roster from Perth to our iron ore operations.' }));
    expect(fifo.score).toBeLessThan(70);
    const prompt = 'Sou dev backend sênior, Java e Kotlin. Moro em Florianópolis. Nada de bets/cassino online e nada de cripto. Também não topo plantão nos fins de semana.';
    const crypto = await score(prompt, job({ title: 'Back-end Engineer Sênior (Java)', location: 'Remoto, Brasil', remote: true, description: 'Plataforma de negociação e custódia de bitcoin e stablecoins.' }));
    expect(crypto.score).toBeLessThan(70);
    const bets = await score(prompt, job({ title: 'Desenvolvedor(a) Back-end Sênior — Plataforma de Apostas', location: 'Remoto, Brasil', remote: true, description: 'Operadora de apostas de quota fixa e cassino online.' }));
    expect(bets.score).toBeLessThan(70);
    const fine = await score(prompt, job({ title: 'Desenvolvedor(a) Back-end Sênior (Java)', location: 'Remoto, Brasil', remote: true, description: 'Plataforma de pagamentos para o varejo. Time em português.' }));
    expect(cons(fine)).not.toMatch(/Finnish/);
  });
});

describe('languages required and lacking, in Czech, Slovak and Hungarian', () => {
  it('holds "Plynulá němčina je podmínkou" against "Němčinu neumím", and "Folyékony magyar nyelvtudás" against "madarsky len trochu"', async () => {
    const czech = await score(
      'Hledám práci jako embedded SW vývojář v Brně. Mluvím česky a anglicky. Němčinu neumím.',
      job({ title: 'Embedded Linux Entwickler / Developer (Yocto)', location: 'Brno', description: 'Embedded Linux, Yocto. Plynulá němčina je podmínkou, komunikujeme s centrálou v Mnichově.' }),
    );
    expect(cons(czech)).toMatch(/German/);
    expect(czech.score).toBeLessThan(70);
    const slovak = await score(
      'Hladam pracu vodic kamionu. Byvam v Kosiciach. Hovorim po slovensky, rozumiem cesky, madarsky len trochu.',
      job({ title: 'Kamionsofőr C+E – belföld és Szlovákia', location: 'Košice', description: 'Belföldi és szlovákiai fuvarok. Folyékony magyar nyelvtudás szükséges.' }),
    );
    expect(cons(slovak)).toMatch(/Hungarian/);
    // The language the prompt is written in is one the user works in.
    const own = await score(
      'Hladam pracu vodic kamionu. Byvam v Kosiciach. Hovorim po slovensky, rozumiem cesky, madarsky len trochu.',
      job({ title: 'Vodič C+E – vnútroštátna doprava', location: 'Košice', description: 'Vnútroštátna doprava. Plynulá slovenčina je podmienkou.' }),
    );
    expect(cons(own)).not.toMatch(/Slovak/);
  });
});

describe('towns beyond the hand-written gazetteer', () => {
  it('measures a commute to a town of the generated gazetteer (Joliet from Oak Park) in the scorer, not in the gate, and never reads a town of another country into a location ("Orléans, ON")', async () => {
    const prompt = 'RN in Oak Park IL, med-surg, commute max 30 minutes.';
    const joliet = job({ title: 'Registered Nurse – Med Surg', location: 'Joliet, IL', description: 'Med-surg unit at our Joliet hospital.' });
    const nurse = await score(prompt, joliet);
    expect(cons(nurse)).toMatch(/km from Oak Park/);
    expect(nurse.score).toBeLessThan(70);
    expect(new Prefilter().check({ job: joliet, user: { prompt, threshold: 70 } }).pass).toBe(true);
    const psw = 'PSW certified, I live in Ottawa east (Orleans). I search PSW job full time in long term care.';
    const orleans = await score(psw, job({ title: 'Personal Support Worker – Long-Term Care', location: 'Orléans, ON', description: 'Full-time PSW in our long-term care home in Orléans.' }));
    expect(cons(orleans)).not.toMatch(/km from|outside/);
    expect(new Prefilter().check({ job: job({ title: 'Personal Support Worker – Long-Term Care', location: 'Orléans, ON', description: 'Full-time PSW in our long-term care home in Orléans.' }), user: { prompt: psw, threshold: 70 } }).pass).toBe(true);
  });
});

describe('hybrid in the posting\'s language', () => {
  it('reads "Milano (ibrido)" as hybrid for a user who takes two office days a week or remote', async () => {
    const prompt = 'Ciao, sono UX/UI designer. Vivo a Milano. Cerco un contratto a tempo indeterminato, in ufficio a Milano al massimo 2 giorni a settimana oppure full remote dall\'Italia.';
    const milan = await score(prompt, job({ title: 'Product Designer (UX/UI)', location: 'Milano (ibrido)', description: 'Fintech milanese: conti e carte per le piccole imprese. Progetterai flussi end-to-end per la nostra app.' }));
    expect(cons(milan)).not.toMatch(/on-site|you asked for remote/i);
    expect(milan.score).toBeGreaterThanOrEqual(70);
  });
});

describe('the gate and a floor without a currency', () => {
  it('never rules a pair out on a figure the prompt gave without a currency, and still does on one with it', () => {
    const posting = job({ title: 'Vodič C+E – regionálna preprava', location: 'Košice', salaryMin: 1300, salaryMax: 1500, salaryCurrency: 'EUR', salaryPeriod: 'month', description: 'Regionálna preprava z Košíc.' });
    const bare = new Prefilter().check({ job: posting, user: { prompt: 'Vodic kamionu v Kosiciach. Chcem aspon 1800 mesacne.', threshold: 70 } });
    expect(bare.pass).toBe(true);
    const withCurrency = new Prefilter().check({ job: posting, user: { prompt: 'Vodic kamionu v Kosiciach. Chcem aspon 1800 € mesacne.', threshold: 70 } });
    expect(withCurrency.pass).toBe(false);
  });
});

describe('an industry the user asks for and refuses in the same prompt (dev-m)', () => {
  it('reads "no clinics that pay on production" as that kind of clinic for a vet who asks for a clinic', async () => {
    const prompt = 'Small animal vet in Dunedin, 5 years, after a clinic with a fair after-hours roster. No clinics that pay on production or set revenue targets per vet.';
    const salaried = job({ title: 'Companion Animal Veterinarian', location: 'Dunedin', description: 'Independent clinic in Mosgiel. Straight salary, no production pay; after-hours shared 1 in 6.' });
    const production = job({ title: 'Companion Animal Veterinarian', location: 'Dunedin', description: 'Busy clinic in Mosgiel. Base salary plus production pay: 20 % of invoiced fees above your revenue target.' });
    expect(new Prefilter().check({ job: salaried, user: { prompt, threshold: 70 } }).pass).toBe(true);
    expect((await score(prompt, salaried)).score).toBeGreaterThanOrEqual(70);
    expect((await score(prompt, production)).score).toBeLessThan(70);
  });
});

describe('a fresh reading (dev-l): what it found', () => {
  it('keeps a refused list to its line: the place on the next line is where the user wants to work', async () => {
    const prompt = 'looking for:\n- vision engineer, c++ and python. NOT lead / manager, and\n- Eindhoven region, max 40 min by car, hybrid is fine';
    const campus = job({ title: 'Computer Vision Engineer', location: 'Eindhoven (High Tech Campus)', description: 'C++ and Python vision software for medical imaging.' });
    const result = await score(prompt, campus);
    expect(cons(result)).not.toMatch(/Eindhoven/);
    expect(result.score).toBeGreaterThanOrEqual(70);
  });

  it('reads net pay said before its figure ("retribuzione netta mensile di circa 1.800–1.900 €") against a net floor', async () => {
    const prompt = 'Infermiera a Bologna, minimo 1.750 € netti al mese, niente notti.';
    const result = await score(prompt, job({ title: 'Infermiere/a – Day Hospital', location: 'Bologna', description: 'Contratto a tempo indeterminato. Retribuzione netta mensile di circa 1.800–1.900 € su 14 mensilità. Orario diurno.' }));
    expect(cons(result)).not.toMatch(/below your/);
  });

  it('reads hybrid work as postings write it ("hybridarbete", "mobiles Arbeiten"), and a therapist by her initials', async () => {
    const rust = 'Systemutvecklare, Rust, Göteborg. Hybrid i Göteborgsområdet eller helt remote inom Sverige.';
    const molndal = await score(rust, job({ title: 'Systemutvecklare Rust', location: 'Mölndal', description: 'Rust på inbyggd Linux. Vi erbjuder tillsvidareanställning, hybridarbete med 2–3 dagar på kontoret i Mölndal.' }));
    expect(cons(molndal)).not.toMatch(/on-site/i);
    const bc = 'Entwickler Business Central, Köln. Hybrid oder komplett remote (Deutschland) gerne.';
    const deutz = await score(bc, job({ title: 'Business Central Developer', location: 'Köln-Deutz', description: 'AL-Entwicklung. Büro am Bahnhof Köln Messe/Deutz, 3 Tage pro Woche mobiles Arbeiten.' }));
    expect(cons(deutz)).not.toMatch(/on-site/i);
    const slt = await score('SLT, HCPC registered, 4 yrs paeds, Glasgow.', job({ title: 'Speech and Language Therapist – Paediatrics', location: 'Glasgow', description: 'School-age caseload, permanent.' }));
    expect(pros(slt)).toMatch(/speech and language therapy role/i);
  });

  it('reads gambling and staffing as users and boards write them, once each', async () => {
    const network = 'Inżynier sieci, Poznań albo zdalnie z Polski. Nie interesują mnie firmy z branży hazardowej (kasyna online, zakłady).';
    const slots = await score(network, job({ title: 'Senior Network Engineer (remote)', location: 'Remote (Poland)', description: 'We run the network behind a platform for online slots and live roulette for licensed operators.' }));
    expect(cons(slots).match(/gambling/g)?.length).toBe(1);
    expect(pros(slots)).not.toMatch(/gambling/);
    expect(slots.score).toBeLessThan(70);
    const planner = 'Railplanner in de regio Utrecht. Geen uitzendbureau of detachering.';
    const seconded = await score(planner, job({ title: 'Railplanner (gedetacheerd)', location: 'Utrecht', description: 'Als gedetacheerde railplanner werk je bij onze opdrachtgever, een spoorvervoerder.' }));
    expect(seconded.score).toBeLessThan(70);
    const welder = 'Soldador/boilermaker em Perth. Só contratação direta, nada de labour hire/agência.';
    const hire = await score(welder, job({ title: 'Welder / Fabricator', location: 'Kewdale WA', description: 'Casual labour hire role, on assignment to our client workshop in Kewdale.' }));
    expect(hire.score).toBeLessThan(70);
  });

  it('reads a car the job needs in the languages of the set, against a user who has none', async () => {
    const bergen = 'Apotektekniker i Bergen. Har ikke bil, så jobben må nås med Bybanen eller buss.';
    expect((await score(bergen, job({ title: 'Apotektekniker', location: 'Knarvik', description: 'Krav: førerkort klasse B og disponibel bil – du kjører mellom filialene.' }))).score).toBeLessThan(70);
    const bologna = 'Infermiera a Bologna, non ho la macchina.';
    expect((await score(bologna, job({ title: 'Infermiere/a', location: 'Pavullo nel Frignano', description: 'Richiesta patente B e auto propria per i turni.' }))).score).toBeLessThan(70);
    const graz = 'Radiologietechnologin in Graz, ich habe kein Auto.';
    expect((await score(graz, job({ title: 'Radiologietechnolog:in für mobiles Röntgen', location: 'Graz-Umgebung', description: 'Führerschein B zwingend erforderlich – Sie fahren täglich mehrere Einrichtungen an.' }))).score).toBeLessThan(70);
  });

  it('reads a post open to citizens or nationals only against a user on a visa', async () => {
    const welder = 'Soldador em Perth. Tenho visto 482 e preciso de empresa que aceite fazer a transferência do sponsor.';
    expect((await score(welder, job({ title: 'Coded Welder', location: 'Kwinana WA', description: 'Australian citizens and permanent residents only due to site access requirements.' }))).score).toBeLessThan(70);
    const qs = 'Senior quantity surveyor in Riyadh, expat with a transferable iqama.';
    expect((await score(qs, job({ title: 'Senior Quantity Surveyor', location: 'Riyadh', description: 'This position is open to Saudi nationals only under our Saudization commitments.' }))).score).toBeLessThan(70);
    expect((await score(qs, job({ title: 'Senior Quantity Surveyor', location: 'Riyadh', description: 'Iqama transfer supported for expatriate candidates.' }))).score).toBeGreaterThanOrEqual(70);
  });

  it('reads on call once a month against on call every second week, in Polish and English', async () => {
    const prompt = 'Inżynier sieci, Poznań albo zdalnie. Dyżury ok, ale raz w miesiącu, nie co tydzień.';
    const often = await score(prompt, job({ title: 'Network Engineer', location: 'Poznań', description: 'Utrzymanie sieci klientów.\n• dyżury on-call co drugi tydzień, także w nocy' }));
    expect(cons(often)).toMatch(/one week in 2/);
    const english = await score('Network engineer in Calgary; on call once a month is fine.', job({ title: 'Network Engineer', location: 'Calgary, AB', description: 'You will be on call every other week.' }));
    expect(cons(english)).toMatch(/one week in 2/);
  });

  it('reads a Dutch planner who makes train drivers\' rosters as a planner, not a CNC machinist', async () => {
    const prompt = 'Ik werk nu 4 jaar als planner bij een spoorgoedervervoerder: loc- en wagonplanning, machinistenroosters. Regio Utrecht.';
    const planner = await score(prompt, job({ title: 'Senior Rail Planner', location: 'Utrecht', description: 'Capaciteitsplanning voor een spoorvervoerder.' }));
    expect(`${pros(planner)}\n${cons(planner)}`).not.toMatch(/CNC/);
    expect(pros(planner)).toMatch(/role named in the title|names the role/i);
  });

  it('reads "30 hrs ideally, full time ok" as open to a full week', async () => {
    const prompt = 'Speech and language therapist in Glasgow, paediatrics. 0.8 (30 hrs) ideally, full time ok.';
    const fullWeek = await score(prompt, job({ title: 'Speech and Language Therapist – Paediatrics', location: 'Glasgow', description: 'Permanent, full-time, 35 hours a week, school-age caseload.' }));
    expect(cons(fullWeek)).not.toMatch(/hours/);
    const only = await score('Speech and language therapist in Glasgow, paediatrics. 30 hrs a week only.', job({ title: 'Speech and Language Therapist – Paediatrics', location: 'Glasgow', description: 'Permanent, full-time, 40 hours a week, school-age caseload.' }));
    expect(cons(only)).toMatch(/hours/);
  });
});

describe('a fresh reading (dev-m): what it found', () => {
  it('reads the role named first as the job: a developer of accounting and sales modules is a developer', async () => {
    const prompt = 'Desarrollador Odoo (Python, PostgreSQL), 3 años con módulos de contabilidad, inventario y ventas. Vivo en Lima, remoto desde Perú.';
    const odoo = await score(prompt, job({ title: 'Desarrollador Odoo Semi Senior', location: 'Lima, Perú', description: 'Desarrollo de módulos Odoo en Python para clientes de distribución.' }));
    expect(cons(odoo)).not.toMatch(/not sales|not accounting/);
    expect(odoo.score).toBeGreaterThanOrEqual(70);
    const writer = await score('Technical writer for developer documentation, remote in the EU.', job({ title: 'Backend Developer (Go)', location: 'Remote (EU)', description: 'Go services.' }));
    expect(writer.score).toBeLessThan(70);
  });

  it('knows a vet by the short word, a respiratory therapist from a counsellor, and a four-day week as a wish', async () => {
    const vet = 'Small animal vet here, 6 years post-grad, Christchurch. Full-time or the hourly equivalent; I would actually prefer 4 days.';
    const fourDays = await score(vet, job({ title: 'Veterinarian (4-day week)', location: 'Christchurch', description: 'Companion animal clinic in Halswell, four days a week.' }));
    expect(pros(fourDays)).toMatch(/veterinary surgery role/i);
    expect(cons(fourDays)).not.toMatch(/part-time|not named/);
    const rrt = 'RRT (NBRC), 5 yrs adult ICU, vents and ABGs. Tempe, Phoenix metro, days only.';
    const therapist = await score(rrt, job({ title: 'Respiratory Therapist – ICU, Day Shift', location: 'Mesa, AZ', description: 'Adult ICU, 3x12 day shifts.' }));
    expect(pros(therapist)).toMatch(/respiratory therapy role/i);
    expect(therapist.score).toBeGreaterThanOrEqual(70);
    expect((await score(rrt, job({ title: 'Mental Health Therapist', location: 'Mesa, AZ', description: 'Outpatient counselling.' }))).score).toBeLessThan(70);
  });

  it('does not read "C/AL", the language of Dynamics NAV, as C', async () => {
    const prompt = 'Business Central developer (AL, before that C/AL in NAV), Cologne, remote in Germany.';
    const al = await score(prompt, job({ title: 'AL-Entwickler Business Central (Remote)', location: 'Remote (Deutschland)', description: 'Erweiterungen in AL, Schnittstellen in TypeScript und Python für unsere Branchen-App.' }));
    expect(cons(al)).not.toMatch(/mention C\b/);
  });
});
