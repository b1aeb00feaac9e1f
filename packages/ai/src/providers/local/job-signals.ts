import type { CompanyInfo, SalaryPeriod } from '@jobping/contracts';
import type { Job } from '../../inputs';
import { contractMonthsIn } from './contract-length';
import { maxNoticeDaysIn, travelShareIn } from './travel-and-notice';
import { countPlainly, EXCLUSIONS, mentionsPlainly } from './exclusions';
import { citiesIn, citiesInNamedCountries, type City } from './places';
import { requiredLanguages } from './spoken-languages';
import { describeSalary, paymentsIn, salaryFromText, toYearlyEur, type Salary } from './salary';
import { anyMatch, clip, countMatches, findSentence, firstParagraph, hoursIn, matchesOnce, parseCount, searchOnce, weeklyHoursIn } from './text';
import {
  BACKEND_LANGUAGE_TITLE,
  BACKEND_SIGNALS,
  FRONTEND_SIGNALS,
  INDUSTRIES,
  PLACES,
  REGION_PATTERNS,
  SENIORITY_RULES,
  SKILLS,
  SOFTWARE_TITLE,
  TITLE_FAMILY_RULES,
  ON_CALL_WORDS,
  UNKNOWN_ROLE,
  foldAccents,
  headFamilyOf,
  type Place,
  type RoleFamily,
  type Seniority,
} from './vocabulary';

export type Region = Place['region'] | 'world';
export type WorkMode = 'remote' | 'hybrid' | 'onsite' | 'unknown';
export type EmploymentType = 'full_time' | 'part_time' | 'contract' | 'internship';

export interface SkillMention {
  id: string;
  label: string;
  kind: 'language' | 'tool';
  /** title: named in the title · strong: several mentions · mention: once in the text. */
  strength: 'title' | 'strong' | 'mention';
}

export interface OnCall {
  /** The sentence that mentions it, for quoting. */
  text: string;
  /** one week in N, when stated. */
  weeksInRotation: number | null;
  fair: boolean;
  heavy: boolean;
}

/**
 * Everything the local provider and the pre-filter know about one posting. Plain data
 * (JSON-serialisable): computed once per job, reused for every user.
 */
export interface JobSignals {
  title: string;
  /** The fewest years of experience the posting asks for outright ("at least 10 years", "mind. 5 Jahre"), when it does. */
  requiredYears: number | null;
  /** The posting's text as given (the same string, not a copy): read only for a role the rules do not know. */
  description: string;
  company: string;
  family: RoleFamily;
  seniority: Seniority | null;
  /** Why that seniority: 'title' or 'years of experience'. */
  seniorityFrom: 'title' | 'experience' | null;
  skills: SkillMention[];
  industries: { id: string; evidence: string }[];
  /** Conditions and workplaces users rule out (exclusions.ts) that the posting shows. */
  exclusions: { id: string; evidence: string; strength: 'title' | 'repeated' | 'mention' }[];
  mode: WorkMode;
  /** Regions named outright ("Remote (EU)"): where a remote job may be done from. */
  regions: Region[];
  /** Countries named (a remote job limited to them, or where the office is). */
  countries: { name: string; region: Region }[];
  locationText: string;
  /** Gazetteer cities of the posting's location (places.ts), for commute distances. */
  cities: City[];
  salary: Salary | null;
  employmentType: EmploymentType | null;
  /** Not a permanent employment: a fixed term (CDD, maternity cover, seasonal) or self-employment (freelance, ZZP, CIS, 1099, B2B). */
  /** Spoken languages the posting requires ("fluent Dutch required"). */
  requiredLanguages: string[];
  /** Weekly hours the title states ("Fysiotherapeut (36–40 uur)", "CDI 35h"). */
  hours: { min: number; max: number } | null;
  tenure: { kind: 'fixed-term' | 'self-employed'; evidence: string } | null;
  /** How many months a fixed-term contract runs, when the posting says ("Three-month contract"). */
  contractMonths: number | null;
  /** A permanent post: said so ("permanent", "CDI", "unbefristet"), or salaried by the year with no contract words. */
  permanent: boolean;
  /** Weekend days a month the posting asks for, when it says how often ("un dimanche sur deux" = 2, "Tuesday through Saturday" = 4), and which. */
  weekendsPerMonth: { perMonth: number; day: WeekendDay } | null;
  /** UK contracting: the posting's IR35 status, when it states one. */
  ir35: 'inside' | 'outside' | null;
  companySize: number | null;
  companySizeText: string | null;
  codeReview: string | null;
  onCall: OnCall | null;
  /** The travel the posting states, in per cent of the time ("Reisetätigkeit ca. 50 %"). */
  travelShare: number | null;
  /** The longest notice period the posting accepts, in days ("immediate joiners only": 0). */
  maxNoticeDays: number | null;
  crunch: string | null;
  officeDays: number | null;
}

const SOFTWARE_CONTEXT = /\b(software|code|coding|programming|api|apis|cloud|kubernetes|python|java|typescript|javascript|golang|rust|c\+\+|c#|\.net|sql|microservices|devops|git|ci\/cd|backend|frontend|saas)\b/i;

function familyOf(rawTitle: string, description: string): RoleFamily {
  // "QA Tester (Manual) – Mobile Banking App": the words before the dash say the job, the rest what it is about.
  const head = rawTitle.split(/\s[–—-]\s|\s\|\s/)[0] ?? rawTitle;
  if (head !== rawTitle) {
    const headFamily = familyOfTitle(head, description);
    if (headFamily !== UNKNOWN_ROLE && headFamily !== 'software') return headFamily;
  }
  return familyOfTitle(rawTitle, description);
}

function familyOfTitle(rawTitle: string, description: string): RoleFamily {
  const title = foldAccents(rawTitle);
  // The generic 'software' rule last: "Senior Python Engineer" is backend, "Data Engineer" data.
  for (const [family, pattern, context] of TITLE_FAMILY_RULES) {
    if (family !== 'software' && pattern.test(title) && (!context || context.test(`${title}\n${description}`))) return headFamilyOf(rawTitle, family) ?? family;
  }
  if (BACKEND_LANGUAGE_TITLE.test(title)) return 'backend';
  // "Gas Engineer", "Boiler Service Engineer": "engineer" alone names software only where the posting is about software.
  const softwareTitle = SOFTWARE_TITLE.test(title) && (!/\bengineer(ing)?\b/i.test(title) || /\b(software|developer|programmer|development)\b/i.test(title) || SOFTWARE_CONTEXT.test(description));
  if (softwareTitle || /\b(typescript|javascript)\b/i.test(title) || TITLE_FAMILY_RULES.some(([family, pattern]) => family === 'software' && pattern.test(title))) {
    const backend = (description.match(BACKEND_SIGNALS) ?? []).length;
    const frontend = (description.match(FRONTEND_SIGNALS) ?? []).length;
    if (backend >= 3 && backend >= frontend * 2) return 'backend';
    if (frontend >= 3 && frontend >= backend * 2) return 'frontend';
    if (backend >= 3 && frontend >= 3) return 'fullstack';
    return 'software';
  }
  // A title no rule knows: the scorer says it could not tell the role rather than guess.
  return UNKNOWN_ROLE;
}

// "10+ years of experience", "at least 8 years", "mind. 5 Jahre Berufserfahrung", "minimum 7 ans d'expérience",
// "al menos 6 años de experiencia", "minimaal 5 jaar ervaring", "co najmniej 5 lat doświadczenia", "almeno 5 anni di esperienza".
const REQUIRED_YEARS =
  /(?:\b(?:at least|minimum( of)?|min\.?|mind(?:estens|\.)|au moins|al menos|m[ií]nimo( de)?|minimaal|ten minste|co najmniej|minimum|almeno|no less than)\s*(\d{1,2})\s*\+?\s*(?:years?|yrs|jahre?n?|ans|a[ñn]os|jaar|lat|anni)|\b(\d{1,2})\s*\+\s*(?:years?|yrs|jahre?n?|ans|a[ñn]os|jaar|lat|anni)|\b(\d{1,2})\s*(?:years?|yrs)['’]?\s+(?:of\s+)?(?:[\w-]+\s+){0,3}experience\s+(?:is\s+)?(?:required|needed|essential)|\b(\d{1,2})\s*(?:years?|ans|a[ñn]os|jahre?n?|jaar|lat|anni)\s+(?:d['’]|de |of |an |di )?(?:exp[ée]rience|experiencia|erfahrung|berufserfahrung|ervaring|do[śs]wiadczenia|esperienza)\s+(?:minimum|m[ií]nim[oa]|mindestens|minimaal|minimo))/giu;

function requiredYearsOf(description: string): number | null {
  let fewest: number | null = null;
  for (const match of description.matchAll(REQUIRED_YEARS)) {
    // "at least 18 years of age", "Mindestalter 18 Jahre": an age, not experience.
    const at = match.index ?? 0;
    if (/\b(age|aged|alter|mindestalter|[âa]ge|edad|et[àa]|wiek|leeftijd)\b[^.\n]{0,12}$/i.test(description.slice(Math.max(0, at - 25), at)) || /^[^.\n]{0,4}(of age|old\b|alt\b|d'[âa]ge|de edad|di et[àa])/i.test(description.slice(at + match[0].length, at + match[0].length + 16))) continue;
    const years = Number.parseInt(match[3] ?? match[4] ?? match[5] ?? match[6] ?? '', 10);
    if (years > 0 && years < 40) fewest = Math.min(fewest ?? years, years);
  }
  return fewest;
}

function seniorityOf(title: string, description: string): { level: Seniority | null; from: JobSignals['seniorityFrom'] } {
  for (const [level, pattern] of SENIORITY_RULES) {
    if (pattern.test(title)) return { level, from: 'title' };
  }
  // "Senior backend engineer with 5+ years…", "This is a mid-level role": the requirements say who
  // is wanted ("with a senior engineer as backup" elsewhere does not).
  const person = /\b(intern|junior|mid[- ]level|senior|staff|principal)\b(?:[\w -]{0,20})\b(engineer|developer|programmer|role|position)s?\b/i;
  const requirement = findSentence(description, /\byears\b|\bthis is an? [\w-]+ (role|position)\b/i);
  const stated = requirement ? person.exec(requirement) : null;
  if (stated) {
    for (const [level, pattern] of SENIORITY_RULES) if (pattern.test(stated[1] ?? '')) return { level, from: 'experience' };
  }
  const years = /(\d{1,2})\s*\+?\s*(?:[-–]\s*\d+\s*)?years?['’]?(?: of)?(?: [a-z-]+){0,2} experience/i.exec(description);
  if (years) {
    const count = Number.parseInt(years[1] ?? '0', 10);
    return { level: count >= 5 ? 3 : count >= 2 ? 2 : 1, from: 'experience' };
  }
  return { level: null, from: null };
}

function skillsOf(title: string, text: string): SkillMention[] {
  const found: SkillMention[] = [];
  for (const term of SKILLS) {
    const inTitle = anyMatch(title, term.patterns);
    const count = countMatches(text, term.patterns);
    if (!inTitle && count === 0) continue;
    found.push({ id: term.id, label: term.label, kind: term.kind, strength: inTitle ? 'title' : count >= 2 ? 'strong' : 'mention' });
  }
  return found;
}

function industriesOf(about: string, description: string, company: CompanyInfo | null | undefined): JobSignals['industries'] {
  const companyText = company ? `${company.summary}\n${company.culture}` : '';
  const found: JobSignals['industries'] = [];
  for (const term of INDUSTRIES) {
    // A company's own description (the posting's first paragraph or its research) names what it
    // does; elsewhere one passing mention ("integrations with advertising tools") is not enough.
    const evidenceText = [about, companyText].find((text) => countMatches(text, term.patterns) > 0);
    const elsewhere = countMatches(description, term.patterns);
    if (evidenceText === undefined && elsewhere < 2) continue;
    const pattern = term.patterns.find((p) => matchesOnce(p, evidenceText ?? description)) ?? term.patterns[0]!;
    found.push({ id: term.id, evidence: clip(findSentence(evidenceText ?? description, pattern) ?? term.label, 160) });
  }
  return found;
}

// Kinds of employer or place: shown by the title or the company's own paragraph, or said twice.
const SECTOR_LIKE = new Set(['hotels', 'staffing', 'catering', 'automotive']);

function exclusionsOf(title: string, about: string, description: string): JobSignals['exclusions'] {
  const found: JobSignals['exclusions'] = [];
  for (const term of EXCLUSIONS) {
    const inTitle = mentionsPlainly(title, term.job) || (term.title !== undefined && mentionsPlainly(title, term.title));
    const plain = mentionsPlainly(description, term.job);
    const repeated = countPlainly(description, term.job) >= 2;
    const strength = inTitle ? 'title' : repeated || (plain && term.decisive) || (SECTOR_LIKE.has(term.id) && mentionsPlainly(about, term.job)) ? 'repeated' : plain && !SECTOR_LIKE.has(term.id) ? 'mention' : null;
    if (strength === null) continue;
    found.push({ id: term.id, evidence: clip(inTitle ? title : (findSentence(description, term.job) ?? term.label), 160), strength });
  }
  return found;
}

export function placesIn(text: string): Pick<JobSignals, 'regions' | 'countries'> {
  const regions: Region[] = [];
  for (const [region, pattern] of REGION_PATTERNS) if (pattern.test(text)) regions.push(region);
  const countries = PLACES.filter((place) => place.patterns.some((pattern) => pattern.test(text))).map((place) => ({
    name: place.country,
    region: place.region,
  }));
  // Cities of the gazetteer name their country too ("Poznań", "Bourg-en-Bresse").
  for (const city of citiesIn(text)) {
    const place = PLACES.find((candidate) => candidate.country === city.country);
    if (place && !countries.some((country) => country.name === city.country)) countries.push({ name: place.country, region: place.region });
  }
  // "US only" names the region and the country: keep the country out of the way.
  return { regions, countries: countries.filter((country) => !regions.includes(country.region)) };
}

const REMOTE_SCOPE = /\bremote(?:ly)?\b[^.\n]{0,40}?\b(?:from|within|in|across)\b[^.\n]{0,60}/i;

// "Milano (ibrido)", "modelo híbrido", "hybride", "hybrydowo", "hybridarbete": the same in the posting's language.
const HYBRID = /\b(hybrid\w*|hybride|h[íi]brid[oa]s?|ibrid[oa]|hybryd\w*|hybridn\w*|hibrid\w*)\b/i;
// "3 Tage pro Woche mobiles Arbeiten", "2 dagen thuiswerken", "deux jours de télétravail": some days at home, the rest at the office.
const SOME_HOME_DAYS = /\b(mobile[sn]? arbeit\w*|home ?office|thuiswerk\w*|t[ée]l[ée]travail|teletrabajo|smart working|distansarbete|hemarbete|et[äa]ty[öo]\w*)\b/i;
const FULL_ONSITE = /\b(kein(?:e)? home ?office|no (?:home office|remote work|working from home)|fully on-?site|100 ?% on-?site|entirely office-based|vollst[äa]ndig vor ort|pas de t[ée]l[ée]travail|sin teletrabajo|100 ?% presencial|presencial al 100|geen thuiswerk|praca wy[łl][ąa]cznie stacjonarna)\b/i;

/** Countries a text names outright ("Ipswich QLD" names Australia), not through its cities. */
export function namedCountries(text: string): string[] {
  return PLACES.filter((place) => place.patterns.some((pattern) => pattern.test(text))).map((place) => place.country);
}

function locationOf(job: Job, description: string): Pick<JobSignals, 'mode' | 'regions' | 'countries' | 'locationText' | 'officeDays' | 'cities'> {
  const location = job.location?.trim() ?? '';
  const officeDaysMatch =
    // "four days a week in our Manchester office", "on-site three days a week": the days are office days, not the working week.
    /\b(one|two|three|four|five|\d)(?: to (?:one|two|three|four|five|\d))? (?:office )?days? (?:per|a) week\b(?=[^.;\n]{0,40}\b(?:office|on-?site|in person|biur\w*|b[üu]ro|bureau|oficina|ufficio|kantoor)\b)/i.exec(description) ??
    /\b(?:office|on-?site|in person)\b[^.;\n]{0,40}?\b(one|two|three|four|five|\d) days? (?:per|a) week\b/i.exec(description) ??
    /\b(one|two|three|four|five|\d) office days\b/i.exec(description) ??
    // "5 dni w tygodniu w biurze", "3 Tage pro Woche im Büro", "2 jours par semaine au bureau", "3 días a la semana en la oficina".
    /\b(\d) (?:dni w tygodniu w biurze|dni w biurze|tage? (?:pro woche |die woche )?im b[üu]ro|jours? (?:par semaine )?(?:au bureau|sur site)|d[ií]as? (?:a la semana |por semana )?en (?:la )?oficina)/i.exec(description) ??
    // "kein Homeoffice", "fully on-site", "100% presencial": every day in the office.
    (FULL_ONSITE.test(description) ? ['5', '5'] : null);
  const officeDays = officeDaysMatch ? parseCount(officeDaysMatch[1] ?? '') : null;
  const remoteLocation = /\bremote\b/i.test(location);
  let mode: WorkMode;
  if (job.remote === true || remoteLocation) mode = 'remote';
  else if (HYBRID.test(`${location}\n${description}`) || (mentionsPlainly(description, SOME_HOME_DAYS) && !FULL_ONSITE.test(description))) mode = 'hybrid';
  else if (location || /\bon-?site\b/i.test(description)) mode = 'onsite';
  else mode = 'unknown';

  let scope = placesIn(location);
  if (mode === 'remote' && scope.regions.length === 0 && scope.countries.length === 0) {
    const sentence = REMOTE_SCOPE.exec(description)?.[0];
    if (sentence) scope = placesIn(sentence);
  }
  if (mode !== 'remote' && scope.countries.length === 0) scope = placesIn(findSentence(description, /\b(hybrid|on-?site|office)\b/i) ?? '');
  // "Remote (EU)": an EU country is fine too; "Remote (Germany)" only that country.
  return { mode, regions: scope.regions, countries: scope.countries, locationText: location || (mode === 'remote' ? 'Remote' : 'not stated'), officeDays, cities: citiesInNamedCountries(location, namedCountries(location), { world: true }) };
}

// "7 500–8 500 zł netto", "9.000 zł net", "1.400 a 1.500 € netos al mes": the posting states take-home pay.
const GROSS_PAY = /\b(RAL|brutto|brut|lord[oa]|gross|brut[oa]s?)\b/i;
const NET_PAY = /\d[\d\s.,]*\s*(?:zł|pln|€|eur|euros?|lei|ron|kč|czk|huf|mxn|brl|dhs?|mad|ngn|kes|\$)[^.\n]{0,20}\b(netto|netti|netta|nette?|netos?|net|neto|v [čc]istom|[čc]ist[ée]ho)\b|\b(netto|netti|netta|nette?|netos?|net)\b[^.\n\d]{0,25}\d|(?:\$|€|£|r\$)\s?\d[\d.,]*\s*(?:netos?|net|netto|nett?e?|netti|netta)\b/i;

// A board that gives the amounts without their period: the text ("19–23 € Stundenlohn"), else the size of the figure, says it.
const HOURLY_WORDS = /\b(per hour|an hour|hourly|\/\s?h(ou)?r?\b|stundenlohn|pro stunde|\/\s?std\b|de l'heure|(de )?l'heure|por hora|la hora|all'ora|l'ora|orari[oa]|za godzin[ęe]|na godzin[ęe]|per uur|uurloon)/i;
const MONTHLY_WORDS = /\b(per month|a month|monthly|\/\s?month|monatlich|pro monat|im monat|par mois|mensuel(le)?|al mes|mensual|al mese|mensile|miesi[ęe]cznie|per maand|maandsalaris|bruto per maand)/i;

function periodStated(amount: number, description: string): SalaryPeriod {
  if (HOURLY_WORDS.test(description) && amount < 500) return 'hour';
  if (amount < 300) return 'hour';
  if (MONTHLY_WORDS.test(description) && amount < 40_000) return 'month';
  return 'year';
}

// "$4,200 netos semanales" in Monterrey: "$" is the local peso where the posting is in Mexico, Chile or Colombia.
const PESO_COUNTRIES: readonly [RegExp, string][] = [
  [/\b(m[ée]xico|mexico|monterrey|guadalajara|cdmx|quer[ée]taro|puebla|tijuana|apodaca|n\.\s?l\.|mxn|pesos mexicanos)\b/i, 'MXN'],
  [/\b(chile|santiago de chile|clp)\b/i, 'CLP'],
  [/\b(colombia|bogot[áa](?![a-z])|medell[ií]n\b|cop\b)/i, 'COP'],
];
// "$150,000–$160,000" for a job in Toronto, "$90,000 + super" in North Sydney: the dollar of the country the location names.
const DOLLAR_OF_COUNTRY: Readonly<Record<string, string>> = { Canada: 'CAD', Australia: 'AUD', 'New Zealand': 'NZD', Singapore: 'SGD' };
function dollarOfPlace(location: string): string | undefined {
  const countries = new Set([...namedCountries(location), ...citiesIn(location).map((city) => city.country)]);
  const dollars = [...countries].map((country) => (country === 'United States' ? 'USD' : DOLLAR_OF_COUNTRY[country])).filter((code) => code !== undefined);
  return dollars.length === 1 && dollars[0] !== 'USD' ? dollars[0] : undefined;
}

function localDollar(salary: Salary | null, where: string, location: string): Salary | null {
  if (!salary || salary.currency !== 'USD' || /\b(usd|us\$|u\.s\. dollars?|d[óo]lares)\b/i.test(where)) return salary;
  const local = PESO_COUNTRIES.find(([pattern]) => pattern.test(where))?.[1] ?? dollarOfPlace(location);
  if (!local) return salary;
  const eurPerUsd = salary.minEur / (toYearlyEur(1, 'USD', salary.period) ?? 1);
  const maxAmount = salary.maxEur / (toYearlyEur(1, 'USD', salary.period) ?? 1);
  return describeSalary(Math.round(eurPerUsd), Math.round(maxAmount), local, salary.period) ?? salary;
}

function salaryOf(job: Job, description: string): Salary | null {
  let salary: Salary | null = null;
  if (typeof job.salaryMin === 'number' || typeof job.salaryMax === 'number') {
    const min = job.salaryMin ?? job.salaryMax ?? 0;
    const max = job.salaryMax ?? job.salaryMin ?? 0;
    const structured = describeSalary(min, max, (job.salaryCurrency ?? 'EUR').toUpperCase(), job.salaryPeriod ?? periodStated(max, description));
    if (structured && structured.maxEur > 0) salary = structured;
  }
  salary ??= localDollar(salaryFromText(description), `${job.location ?? ''}\n${description}`, job.location ?? '');
  if (!salary) return null;
  // "€ 3.600 brutto monatlich (14 Gehälter)", "€4,800 × 13 months": monthly pay paid more than twelve times a year.
  const payments = salary.period === 'month' ? (paymentsIn(description) ?? 12) : 12;
  // "RAL 24.000–26.000 € (circa 1.550–1.680 € netti al mese)": whichever the posting states first is the figure read.
  const netAt = searchOnce(NET_PAY, description);
  const grossAt = description.search(GROSS_PAY);
  const net = netAt >= 0 && (grossAt < 0 || netAt < grossAt) && !/\bb2b\b/i.test(findSentence(description, NET_PAY) ?? '');
  return payments > 12 ? { ...salary, minEur: (salary.minEur * payments) / 12, maxEur: (salary.maxEur * payments) / 12, net, payments } : { ...salary, net };
}

function employmentOf(job: Job, title: string, description: string): EmploymentType | null {
  const declared = job.employmentType?.toLowerCase().replace(/[\s-]+/g, '_');
  if (declared === 'full_time' || declared === 'part_time' || declared === 'contract' || declared === 'internship') return declared;
  if (/\b(intern(ship)?|working student)\b/i.test(title)) return 'internship';
  if (/\b(contract|freelance)\b/i.test(title)) return 'contract';
  // "PRN", "per diem", "zero hours", "bank": shifts as needed, no guaranteed hours.
  if (/\b(prn|per diem|zero[- ]hours?|as[- ]needed|bank (staff|shifts?|nurse|worker))\b/i.test(title)) return 'part_time';
  if (/\b(part[- ]time|teilzeit|temps partiel|tiempo parcial|media jornada|part-time|deeltijd|niepe[łl]ny etat|\d\.\d fte)\b/i.test(title) || /\bpart[- ]time\b/i.test(description)) return 'part_time';
  if (/\bfull[- ]time\b/i.test(description)) return 'full_time';
  return null;
}

const FIXED_TERM_TITLE = /\b(\d{1,2}[- ]?(months?|mois|monate?|meses|mesi|maanden|miesi[ęe]cy)|cdd|fixed[- ]term|maternity cover|maternit[àa]|sostituzione|elternzeitvertretung|befristet|stagional|seasonal|temporada|remplacement|interim|sezon\w*|sez[óo]nn\w*|saison\w*|wintersaison|sommersaison|kausi\w*|talvikausi|m[äa][äa]r[äa]aikai\w*|szezon\w*|hat[áa]rozott idej\w*)\b/i;
const FIXED_TERM_TEXT = /\b(fixed[- ]term|cdd|befristet|maternity cover|parental (leave )?cover|elternzeitvertretung|contrato temporal|tijdelijk contract|contratto a termine|stagionale|seasonal contract|sezonski ugovor|na dobu ur[čc]itou|na ur[čc]it[úu] dobu|m[äa][äa]r[äa]aikai\w*|hat[áa]rozott idej\w*|ugovor na odre[đd]eno)\b/i;
// "Partita IVA attiva", "a recibos verdes", "selbstständiger Handelsvertreter", "freie Mitarbeit": the local words for it.
const SELF_EMPLOYED =
  /\b(freelance|zzp|cis|1099|self[- ]employed|umowa zlecenie|zlecenie|b2b|fee[- ]for[- ]service|independent contractor|portage|auto-?entrepreneur|micro-?entrepreneur|aut[óo]nomo|day rate|partita iva|p\.\s?iva|recibos? verdes|presta[çc][ãa]o de servi[çc]os|selbstst[äa]ndige[rn]? (?:t[äa]tigkeit|handelsvertret\w*|berater\w*)|handelsvertreter(?:in)? nach|freie[rn]? mitarbeit\w*|freiberuflich\w*|auf honorarbasis|sur facture|na i[čc]o|na [žz]ivnos\w*|[žz]ivnostensk\w*|osv[čc]|zelfstandige|toiminimi|urakoitsij\w*|v[áa]llalkoz\w*|prestaci[óo]n de servicios)\b/i;
// "Intérim en vue d'un CDI", "B2B or umowa o pracę": a permanent route is on offer too.
const PERMANENT = /\b(cdi|permanent|unbefristet|indeterminato|indefinido|umow[aęy] o prac[ęe]|uop|vast (contract|dienstverband)|loondienst|paye|w-?2)\b/i;

// "Temp-to-hire", "temp to perm": a temporary start, whatever the posting hopes for after.
const TEMP_TO_HIRE = /\btemp(orary)?[- ]to[- ](hire|perm(anent)?)\b/i;

function tenureOf(title: string, description: string, declared: string | null | undefined): JobSignals['tenure'] {
  const text = `${title}\n${description}`;
  if (TEMP_TO_HIRE.test(text)) return { kind: 'fixed-term', evidence: clip(TEMP_TO_HIRE.test(title) ? title : (findSentence(description, TEMP_TO_HIRE) ?? title), 160) };
  if (/^(temporary|temp|seasonal|fixed[_ -]?term)$/i.test(declared?.trim() ?? '')) return { kind: 'fixed-term', evidence: clip(title, 160) };
  if (mentionsPlainly(text, PERMANENT)) return null;
  if (mentionsPlainly(title, SELF_EMPLOYED) || mentionsPlainly(description, SELF_EMPLOYED)) return { kind: 'self-employed', evidence: clip(findSentence(text, SELF_EMPLOYED) ?? title, 160) };
  if (mentionsPlainly(title, FIXED_TERM_TITLE) || mentionsPlainly(description, FIXED_TERM_TEXT))
    return { kind: 'fixed-term', evidence: clip(matchesOnce(FIXED_TERM_TITLE, title) ? title : (findSentence(description, FIXED_TERM_TEXT) ?? title), 160) };
  return null;
}

const SIZE = /\b(?:(about|around|approximately|roughly|nearly|over|more than)\s+)?(\d{1,3}(?:,\d{3})+|\d{2,6})\+?\s+(?:people|employees|staff|colleagues)\b/i;

export function companySizeFrom(text: string): { size: number; text: string } | null {
  const match = SIZE.exec(text);
  if (match) {
    const size = Number.parseInt((match[2] ?? '').replace(/,/g, ''), 10);
    if (size > 0) return { size, text: match[0] };
  }
  const range = /\b(\d{1,3}(?:,\d{3})*)\s*[-–]\s*(\d{1,3}(?:,\d{3})*)\s+employees\b/i.exec(text);
  if (range) return { size: Number.parseInt((range[2] ?? '').replace(/,/g, ''), 10), text: range[0] };
  return null;
}

const WEEKEND_DAY = String.raw`(?:saturday|sunday|weekend|week-end|dimanche|samedi|domingo|s[áa]bado|sonntag|samstag|wochenende|fin de semana)s?`;
const EVERY_WEEKEND = new RegExp(String.raw`\bevery ${WEEKEND_DAY}\b|\b(?:tuesday|wednesday) (?:through|to|until|–|-) (?:saturday|sunday)\b|\bde (?:mardi|mercredi) (?:à|au) (?:samedi|dimanche)\b|\bde martes a s[áa]bado\b|\bdienstag bis samstag\b|\btous les (?:samedis|dimanches|week-ends)\b|\btodos los (?:s[áa]bados|domingos)\b|\bjeden (?:samstag|sonntag)\b`, 'i');
const EVERY_OTHER = new RegExp(String.raw`\bevery (?:other|second) ${WEEKEND_DAY}\b|\b(?:one|1) ${WEEKEND_DAY} in (?:two|2)\b|\b(?:un|une) ${WEEKEND_DAY} sur (?:deux|2)\b|\balternate ${WEEKEND_DAY}\b|\bjede[nm]? zweite[nm]? ${WEEKEND_DAY}\b|\b(?:un|uno) ${WEEKEND_DAY} de cada (?:dos|2)\b|\btwo ${WEEKEND_DAY} a month\b|\bdeux ${WEEKEND_DAY} par mois\b`, 'i');
const ONE_IN_THREE = new RegExp(String.raw`\b(?:one|1) ${WEEKEND_DAY} in (?:three|3)\b|\b(?:un|une) ${WEEKEND_DAY} sur (?:trois|3)\b|\bjede[nm]? dritte[nm]? ${WEEKEND_DAY}\b`, 'i');

export type WeekendDay = 'saturday' | 'sunday' | 'weekend';
/** Which weekend day a phrase names ("samedi", "Sundays", "week-end"). */
export function weekendDayOf(text: string): WeekendDay {
  if (/sat|sam|s[áa]b|sob/i.test(text) && !/sun|dim|dom|sonn|niedz|week|wochen|fin de/i.test(text)) return 'saturday';
  if (/sun|dim|dom|sonn|niedz/i.test(text) && !/sat|sam|s[áa]b|sob|week|wochen|fin de/i.test(text)) return 'sunday';
  return 'weekend';
}

function weekendsPerMonthIn(description: string): JobSignals['weekendsPerMonth'] {
  for (const [pattern, perMonth] of [[EVERY_WEEKEND, 4], [EVERY_OTHER, 2], [ONE_IN_THREE, 1.4]] as const) {
    const match = pattern.exec(description);
    if (match) return { perMonth, day: weekendDayOf(match[0]) };
  }
  return null;
}

const ON_CALL = new RegExp(String.raw`(?<![\p{L}])(?:${ON_CALL_WORDS})(?![\p{L}])`, 'iu');

function onCallOf(description: string): OnCall | null {
  const sentence = findSentence(description, ON_CALL);
  if (!sentence) return null;
  if (/\bno on[- ]call\b|\bwithout on[- ]call\b/i.test(sentence)) return null;
  const rotation = /\bone week (?:in|every|out of)(?: every)? (\w+)/i.exec(sentence);
  // "Every second week", "co drugi tydzień", "une semaine sur deux", "jede zweite Woche", "om de week".
  const fortnightly = /(?<![\p{L}])(?:every (?:other|second) week|fortnightly|co drugi tydzie[ńn]|une semaine sur deux|jede zweite woche|alle zwei wochen|cada dos semanas|semana s[íi],? semana no|om de week|ogni due settimane)(?![\p{L}])/iu.test(sentence);
  const weeks = rotation ? parseCount(rotation[1] ?? '') : fortnightly ? 2 : null;
  const heavy = (weeks !== null && weeks <= 4) || (/\b24\/7\b/.test(sentence) && weeks === null);
  const fair = !heavy && (/\b(fair(ly)?|shared|rotation|across|whole (backend )?team|paid|compensat)/i.test(sentence) || (weeks ?? 0) >= 5);
  return { text: clip(sentence, 160), weeksInRotation: weeks, fair, heavy };
}

const CONTRACT_WORDS = /\b(contract(or)?|freelance|interim|temporary|temp|day rate|per day|ir35|b2b|zzp|1099)\b/i;

function permanentOf(job: Job, title: string, description: string, tenure: JobSignals['tenure'], employment: EmploymentType | null): boolean {
  if (tenure) return false;
  // "Contract iOS Developer … pair with our two permanent iOS engineers": the post is the contract.
  if (employment === 'contract' || /\b(contract|contractor|freelance|interim)\b/i.test(title)) return false;
  if (mentionsPlainly(`${title}\n${description}`, PERMANENT)) return true;
  const salaried = job.salaryPeriod === 'year' || job.salaryPeriod === 'month';
  return (employment === 'full_time' || employment === 'part_time') && salaried && !CONTRACT_WORDS.test(`${title}\n${description}`);
}

function ir35Of(text: string): JobSignals['ir35'] {
  const inside = /\binside (of )?ir35\b/i.test(text);
  const outside = /\boutside (of )?ir35\b/i.test(text);
  return inside === outside ? null : inside ? 'inside' : 'outside';
}

/** Reads a posting (and what is known about its company) into plain signals. */
export function extractJobSignals(job: Job, company?: CompanyInfo | null): JobSignals {
  const description = job.description;
  const title = job.title;
  const about = firstParagraph(description);
  const size = companySizeFrom(about) ?? companySizeFrom(description) ?? (company ? companySizeFrom(company.size) : null);
  const codeReview = findSentence(description, /\bcode[- ]review(s|ed)?\b|\breview(ing)? (pull requests|code|each other's code)\b|\bcode is reviewed\b|\bcode reviewed\b/i);
  const crunch = findSentence(description, /(?<!\bno )\bcrunch\b|\bunpaid overtime\b|\bovertime (is )?expected\b|\blong hours\b|\bwork hard,? play hard\b/i);
  const seniority = seniorityOf(title, description);
  const employmentType = employmentOf(job, title, description);
  const tenure = tenureOf(title, description, job.employmentType);
  return {
    title,
    requiredYears: requiredYearsOf(description),
    description,
    company: job.company,
    family: familyOf(title, description),
    seniority: seniority.level,
    seniorityFrom: seniority.from,
    skills: skillsOf(title, `${title}\n${description}`),
    industries: industriesOf(about, description, company),
    exclusions: exclusionsOf(title, about, description),
    ...locationOf(job, description),
    salary: salaryOf(job, description),
    employmentType,
    tenure,
    contractMonths: contractMonthsIn(`${title}\n${description}`),
    permanent: permanentOf(job, title, description, tenure, employmentType),
    ir35: ir35Of(`${title}\n${description}`),
    weekendsPerMonth: weekendsPerMonthIn(description),
    requiredLanguages: requiredLanguages(title, description),
    hours: hoursIn(title) ?? weeklyHoursIn(description),
    companySize: size?.size ?? null,
    companySizeText: size ? clip(size.text, 60) : null,
    codeReview: codeReview ? clip(codeReview, 160) : null,
    onCall: onCallOf(description),
    travelShare: travelShareIn(description),
    maxNoticeDays: maxNoticeDaysIn(description),
    crunch: crunch ? clip(crunch, 160) : null,
  };
}
