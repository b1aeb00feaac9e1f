import { namedCountries, placesIn, weekendDayOf, type Region } from './job-signals';
import { minimumSalaryFromPrompt, payFloorsFromPrompt, type PromptPay } from './salary';
import { anyMatch, clip, parseCount, wantedHoursIn } from './text';
import { minContractMonthsIn } from './contract-length';
import { EXCLUSIONS } from './exclusions';
import { listedLanguages, SPOKEN_LANGUAGES, weakLanguages, writtenIn } from './spoken-languages';
import { citiesIn, citiesInNamedCountries, commuteLimitKm, type City } from './places';
import { maxTravelShareIn, noticeDaysIn } from './travel-and-notice';
import { foldAccents, GENERIC_ROLE_WORDS, INDUSTRIES, ON_CALL_WORDS, PROMPT_FAMILY_RULES, SENIORITY_RULES, SKILLS, SOFTWARE_FAMILIES, type RoleFamily, type Seniority } from './vocabulary';

/** What a user's prompt asks for and rules out. Plain data: computed once per prompt. */
export interface PromptSignals {
  families: RoleFamily[];
  seniorities: Seniority[];
  /** Levels the user ruled out ("not lead", "not VP or director", "not staff/principal IC"). */
  excludedSeniorities: Seniority[];
  languages: string[];
  tools: string[];
  /** Industries the user ruled out ("no crypto"), with the words they used. */
  /**
   * Industries ruled out. `qualifier`: the words that narrowed it ("weight-loss clinic" rules out a
   * kind of clinic, not healthcare): the posting must carry them too, and the gate never reads it.
   */
  excludedIndustries: { id: string; words: string; qualifier?: string[] }[];
  excludedSkills: { id: string; words: string }[];
  excludedFamilies: RoleFamily[];
  /** Of those, the ones ruled out only as a whole job ("no HR-only roles", "tylko kadrowego"): a title that mixes them with the wanted role is a doubt. */
  excludedOnlyAlone: RoleFamily[];
  /** Conditions and workplaces ruled out ("no night shifts"), ids of exclusions.ts. */
  /** Conditions ruled out; `soft`: said as a preference ("no weekends if possible", "prefer no nights"), a small doubt the gate never reads. */
  /** `always`: ruled out only as the whole of the job ("sin turno partido todos los días", "permanent nights"). */
  excludedConditions: { id: string; words: string; soft?: boolean; always?: boolean }[];
  /** What the user ruled out, word by word, to find in a job title ("no UX writing"). */
  excludedTitleWords: { words: string[]; phrase: string }[];
  /** The words the user named their role with ("gameplay programmer"). */
  roleWords: string[];
  /** Every word of what the user asks for (the prompt without its refusals), to tell a title that speaks of it at all. */
  askedWords: string[];
  /** Every family the asked-for text names, in any sentence: `families` keeps the ones it judges wanted, and that judgement can be wrong. */
  namedFamilies: RoleFamily[];
  /** The role asked for is a software one (a known software family, or software words for a role the rules do not know). */
  softwareRole: boolean;
  /** No family knows the prompt's role: the words that name it ("dental hygienist"), to find in titles. */
  unknownRoleWords: string[];
  /** The years of experience the user states ("7 yrs", "4 ans d'expérience"), when they do. */
  experienceYears: number | null;
  /** The seniority came from years of experience, not from a level the user named. */
  seniorityInferred: boolean;
  preferredIndustries: string[];
  wantsRemote: boolean;
  acceptsHybrid: boolean;
  acceptsOnsite: boolean;
  regions: Region[];
  countries: { name: string; region: Region }[];
  /** Gazetteer cities the prompt names (home and accepted towns), and how far from them an office may be. */
  homeCities: City[];
  /** Gazetteer cities the prompt rules out ("Drammen is too far", "Haarlem of Almere niet", "not … down to Solihull"). */
  refusedCities: City[];
  commuteKm: number;
  minSalaryEur: number | null;
  minSalaryText: string | null;
  /** Every pay floor the prompt states, in its own currency and gross a year. */
  payFloors: PromptPay[];
  maxCompanySize: number | null;
  wantsProductCompany: boolean;
  wantsCodeReview: boolean;
  wantsFairOnCall: boolean;
  /** The most office days a week the user accepts ("max 3 days in office", "hybryda max 2 dni w biurze"). */
  maxOfficeDays: number | null;
  /** The most travel the user takes, in per cent of the time ("max 20 % travel"), when stated. */
  maxTravelShare: number | null;
  /** The user's notice period in days ("60 days notice"), when stated. */
  noticeDays: number | null;
  /** Weekend days a month the user accepts at most ("one Saturday a month is fine", "un dimanche par mois"). */
  maxWeekendsPerMonth: { max: number; day: 'saturday' | 'sunday' | 'weekend' } | null;
  /** On call at most one week in N ("at most one week a month" = 4, "como mucho una semana al mes"). */
  onCallAtMostOneIn: number | null;
  noOnCall: boolean;
  wantsWorkLifeBalance: boolean;
  acceptsContract: boolean;
  acceptsPartTime: boolean;
  /** "CDI only", "permanent", "PAYE not self employed", "umowa o pracę", "loondienst", "W2". */
  wantsPermanent: boolean;
  /** "Employee only, no freelance", "niente partita IVA", "no recibos verdes": a fixed term may do, self-employment does not. */
  refusesSelfEmployment: boolean;
  /** The shortest contract the user takes, in months ("perm or a long contract (6 months +)"). */
  minContractMonths: number | null;
  /** "Full-time", "Vollzeit", "jornada completa". */
  wantsFullTime: boolean;
  /** Spoken languages the user cannot work in ("I don't speak German", "my Dutch is A2", "English only"). */
  weakLanguages: string[];
  /** The languages the user says they work in (listed with a level, after "I speak", or written in), null when they list none. */
  spokenLanguages: string[] | null;
  /** Weekly hours the user wants ("28–32 uur", "35 to 39h"), when stated. */
  hours: { min: number; max: number } | null;
  /** Part-time and nothing else ("part time 20-30 hrs", "3 days a week"). */
  wantsPartTimeOnly: boolean;
  /** Contracts or freelance only ("contract only", "not going back to perm"). */
  wantsContractOnly: boolean;
  /** UK contracting: outside IR35 only. */
  outsideIr35Only: boolean;
}

// "no crypto", "not in consulting", "avoid agencies", "without on-call", "pas de pharmacie
// hospitalière", "keine Agentur", "nada de hoteles", "geen ZZP", "niente stagionali", "nie chcę
// tras międzynarodowych"; "no more than 500 people" is a size, not an exclusion.
const NEGATION =
  /(?<![\p{L}])(?:no|not|nothing|avoid(?:ing)?|without|never|inga|inte|ingen|ikke|ej|tampoco|tampouco|nemmeno|neanche|nichts|niets|exclud(?:e|ing)|nothing (?:in|with)|don'?t want|do not want|not interested in|stay away from|done with|finished with|sick of|fed up with|had enough of|can'?t|cannot|won'?t|don'?t speak|do not speak|don'?t have|pas de|pas d'|pas en|pas (?:le|la|les|l')|sans|ni|nada de|ni de|sin|keine?[nmrs]?|nicht|geen|niet|zonder|nie chc[eę]|nie|ani|non voglio|non|niente|nessun[oa]?|né|senza|n[ãa]o quero|n[ãa]o|nem|ne (?:veux|souhaite|cherche|voudrais) (?:pas|plus)(?: (?:travailler|faire|aller))?)(?![\p{L}])(?!\s+(?:more|less|fewer|later|earlier|older|than)\b)\s*([^.;,:!?\n()]+)/giu;

// "Not looking for: UX/UI designer roles, market research agencies, research ops" — a list after a
// colon a negation opens ("not doing:", "no:") is ruled out item by item, to the end of the line or
// sentence (a plain negation stops at the first comma, "no nights, happy with weekends", and at a
// colon: "nada de hoteles: quiero restaurante gastronómico" wants what follows).
const NEGATED_LIST =
  /(?<![\p{L}])(?:not looking for|not interested in|not doing|not open to|no|not|nothing|avoid(?:ing)?|exclud(?:e|ing)|don'?t want|do not want|keine?|pas de|nada de|geen|nie)(?![\p{L}])(?:\s+[\p{L}'-]+){0,2}\s*:\s*([^\n.]+)/giu;

// "not the industry (labo, affaires réglementaires, visite médicale)": the list in brackets after a
// negation is what it rules out, item by item, and none of it is what the user wants.
const NEGATED_BRACKETS =
  /(?<![\p{L}])(?:no|not|nothing|avoid(?:ing)?|without|exclud(?:e|ing)|don'?t want|do not want|not interested in|pas de|pas d'|nada de|keine?[nmrs]?|nicht|geen|niet|nie|niente|non)(?![\p{L}])([^.;:!?\n()]{0,60})\(([^()\n]+)\)((?:\s*,?\s*(?:or|nor|and|ni|oder|ou|ani|lub|albo|o|né)\s+[^.;:!?\n()]+)?)/giu;

// "Pas de week-ends si possible, mais ça reste négociable", "prefer no weekend work": a wish, not a rule.
const POSTFIX_NEGATION =
  /([^.;,:!?\n()]{2,60}?)\s+(?:mnie nie interesuje|mnie nie interesują|no me interesa|no me interesan|ne m'int[ée]resse(?:nt)? pas|interessier(?:t|en) mich nicht|non mi interessa(?:no)?|n[ãa]o me interessa(?:m)?|(?:is|are) not for me|kommt nicht in frage|interesseert me niet|intresserar mig inte)(?![\p{L}])/giu;
const NEGATION_LIST = new RegExp(
  // A list keeps to its line: "NOT lead / manager, and\n- Eindhoven region" does not refuse Eindhoven.
  NEGATION.source.replace(String.raw`\s*([^.;,:!?\n()]+)`, String.raw`\s*((?:[^.;,:!?\n()]+,[^\S\n]*){1,5}[^.;,:!?\n()]*?\b(?:or|nor|and|ni|o|ou|oder|lub|albo|eller|och|y|e)[^\S\n]+[^.;,:!?\n()]+)`),
  'giu',
);
// "No nights, happy with weekends or evenings": the list turns into what the user accepts.
const ACCEPTING = /\b(happy|fine|ok(ay)?|open|prefer\w*|like|love|welcome|but|good|great|want|looking|need|can|will)\b/i;
const SOFT_WORDS = /\b(if possible|where possible|ideally|preferably|prefer(red)?|rather|negotiable|flexible|si possible|de pr[ée]f[ée]rence|id[ée]alement|n[ée]gociable|wenn m[öo]glich|m[öo]glichst|verhandelbar|si es posible|preferiblemente|negociable|se possibile|possibilmente|indien mogelijk|liefst|bespreekbaar|je[sś]li to mo[żz]liwe)\b/i;

// In Portuguese "no Douro" is "in the Douro" (a refusal says "não"); in Czech, Slovak, Croatian,
// Finnish, Hungarian and Greek a refusal's word is one the patterns do not read ("žádná spolupráce na
// IČO", "ne sezonu", "ei yövuoroja", "nem", "όχι"): read as "no" when the prompt is written in that
// language (two of its marker words, writtenIn in spoken-languages.ts).
const PORTUGUESE_NO = /(?<![\p{L}])no(?![\p{L}])/giu;
const LOCAL_NEGATIONS: Readonly<Record<string, RegExp>> = {
  czech: /(?<![\p{L}])(?:ne|nechci|[žz][áa]dn\p{L}*|nic|nikdy)(?![\p{L}])/giu,
  slovak: /(?<![\p{L}])(?:ne|nechcem|[žz]iadn\p{L}*|[žz][áa]dn\p{L}*|nic|nikdy)(?![\p{L}])/giu,
  croatian: /(?<![\p{L}])(?:ne|nikakv\p{L}*|nikako)(?![\p{L}])/giu,
  slovenian: /(?<![\p{L}])(?:ne|nikakr\p{L}*)(?![\p{L}])/giu,
  finnish: /(?<![\p{L}])(?:ei|eik[äa]|en)(?![\p{L}])/giu,
  hungarian: /(?<![\p{L}])(?:nem|ne|semmi)(?![\p{L}])/giu,
  greek: /(?<![\p{L}])(?:όχι|οχι|δεν|χωρίς|ούτε)(?![\p{L}])/giu,
};

function withReadableNegations(written: string): string {
  const languages = writtenIn(written, 2);
  if (languages.includes('portuguese')) return written.replace(PORTUGUESE_NO, (no) => (no === 'No' ? 'Em' : 'em'));
  for (const language of languages) {
    const negation = LOCAL_NEGATIONS[language];
    if (negation) return written.replace(negation, 'no');
  }
  return written;
}

function negatedPhrases(written: string): { phrases: string[]; positive: string; soft: Set<string> } {
  const prompt = withReadableNegations(written);
  const phrases: string[] = [];
  const soft = new Set<string>();
  // "…(weekends on site) or outbound call centre sales": what follows the brackets after "or" is ruled out too.
  const bracketed = prompt.replace(NEGATED_BRACKETS, (_whole, head: string, list: string, tail: string) => {
    if (head.trim()) phrases.push(head.trim());
    const continued = tail.trim().replace(/^,?\s*(or|nor|and|ni|oder|ou|ani|lub|albo|o|né)\s+/i, '');
    if (continued) phrases.push(continued);
    for (const item of list.split(/\s*[,;/]\s*/)) if (item.trim()) phrases.push(item.trim().replace(/^(or|and|nor|ni|oder|ou|o|etc\.?)\s+/i, ''));
    return ' ';
  });
  const listed = bracketed.replace(NEGATED_LIST, (_whole, list: string) => {
    for (const item of list.split(/\s*[,;]\s*/)) if (item.trim()) phrases.push(item.trim().replace(/^(or|and|nor|ni|oder|ou|o)\s+/i, ''));
    return ' ';
  });
  // "I won't sell for cannabis, firearms or crypto companies": a short list the negation runs through to its "or".
  // "Czysty frontend mnie nie interesuje", "la hostelería no me interesa": the refusal after what it refuses.
  const postfixed = listed.replace(POSTFIX_NEGATION, (_whole: string, phrase: string) => {
    phrases.push(phrase.trim());
    return ' ';
  });
  const listedWithCommas = postfixed.replace(NEGATION_LIST, (whole: string, list: string) => {
    const items = list.split(/\s*,\s*|\s+(?:or|nor|and|ni|o|ou|oder|lub|albo|eller|och|y|e)\s+/i).map((item) => item.trim()).filter(Boolean);
    if (SOFT_WORDS.test(whole) || items.some((item) => item.split(/\s+/).length > 4 || ACCEPTING.test(item))) return whole;
    phrases.push(...items);
    return ' ';
  });
  const positive = listedWithCommas.replace(NEGATION, (whole: string, phrase: string, offset: number, text: string) => {
    phrases.push(phrase.trim());
    // The wish may sit in the phrase, just before it, or in the rest of its sentence ("…, mais ça reste négociable").
    const sentenceEnd = text.slice(offset + whole.length).search(/[.;!?\n]/);
    const around = `${text.slice(Math.max(0, offset - 20), offset)} ${whole} ${text.slice(offset + whole.length, offset + whole.length + (sentenceEnd === -1 ? 60 : Math.min(sentenceEnd, 60)))}`;
    if (SOFT_WORDS.test(around)) soft.add(phrase.trim());
    return ' ';
  });
  return { phrases, positive, soft };
}

// "No split shift every day", "I won't do permanent nights again": a condition refused only when it is the whole job.
const ALWAYS = /\b(todos los d[ií]as|every ?day|daily|each day|tous les jours|jeden tag|t[äa]glich|ogni giorno|tutti i giorni|elke dag|codziennie|todos os dias|permanent|fixed|fixes|fissi|fijos|fixos|dauer\w*|vaste)\b/i;

// Words that carry no meaning of their own in "no X roles please".
const FILLER = new Set([
  'roles', 'positions', 'please', 'anything', 'nothing', 'again', 'interested', 'really', 'reinen', 'bitte', 'companies', 'company',
  'industry', 'sector', 'where', 'which', 'because', 'required', 'needed', 'settings', 'setting', 'anymore', 'moving', 'going',
  'working', 'postes', 'puestos', 'ruolo', 'ruoli', 'stellen', 'banen', 'functies', 'pracy', 'other', 'either', 'things', 'stuff',
  'contract', 'contracts', 'heavy', 'fixed', 'chasing', 'either', 'mostly', 'types', 'kinds', 'level', 'field', 'about', 'there', 'their',
]);

/** The meaningful words of a phrase: five letters or more, or an acronym ("UX", "ZZP", "CIS"). */
export function contentWords(phrase: string): string[] {
  return (phrase.match(/[\p{L}][\p{L}'-]*/gu) ?? [])
    .filter((word) => (word.length >= 5 && !FILLER.has(word.toLowerCase())) || /^[A-Z]{2,5}$/.test(word))
    .map((word) => word.toLowerCase());
}

// Short words that carry no meaning of their own in a ruled-out phrase.
const SHORT_FILLER = new Set(['pls', 'plz', 'the', 'and', 'any', 'all', 'for', 'with', 'who', 'that', 'this', 'from', 'into', 'your', 'our', 'more', 'less', 'very', 'too', 'job', 'jobs', 'role', 'work', 'etc', 'also', 'only', 'just', 'some', 'like', 'them', 'they', 'than', 'then', 'when', 'what', 'over', 'part', 'want', 'does', 'done', 'where', 'les', 'des', 'une', 'pour', 'der', 'die', 'das', 'und', 'los', 'las', 'del', 'het', 'een']);

/** The three- and four-letter words of a phrase that are not fillers ("farm", "seo"). */
/** Whether `word` is the initials of consecutive words of the user's role ("ot" for occupational therapist). */
function initialsOf(roleWords: readonly string[], word: string): boolean {
  if (!/^[a-z]{2,3}$/.test(word)) return false;
  for (let start = 0; start + word.length <= roleWords.length; start++) {
    if (roleWords.slice(start, start + word.length).map((own) => own[0]).join('') === word) return true;
  }
  return false;
}

function shortWords(phrase: string): string[] {
  return (phrase.match(/[\p{L}][\p{L}'-]*/gu) ?? [])
    .filter((word) => word.length >= 3 && word.length < 5 && !/^[A-Z]{2,5}$/.test(word) && !SHORT_FILLER.has(word.toLowerCase()))
    .map((word) => word.toLowerCase());
}

// "physiotherapist" and "fysiotherapeut", "pharmacist" and "farmacéutico": the same word spelled in
// another language's way, for comparing a prompt's words with a title's.
const spelling = (word: string) => word.replace(/ph/g, 'f').replace(/th/g, 't').replace(/y/g, 'i');

// Short forms people write for title words ("neuro rehab", "physio", "admin").
const SHORT_FORMS: Readonly<Record<string, string>> = {
  rehab: 'rehabilitation', physio: 'physiotherapist', admin: 'administrator', neuro: 'neurology', psych: 'psychology', ortho: 'orthopaedic',
  peds: 'paediatric', paeds: 'paediatric', vet: 'veterinary', exec: 'executive', mgr: 'manager', dev: 'developer', eng: 'engineer', ops: 'operations',
};

/** "writing" and "writer", "hospitalière" and "hospitalier": the same word for a title match. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const longA = SHORT_FORMS[a];
  const longB = SHORT_FORMS[b];
  if (longA || longB) return prefixMatch(longA ?? a, longB ?? b);
  if (a.length >= 6 && b.length >= 6 && (/ph|th|y/.test(a) || /ph|th|y/.test(b))) return prefixMatch(spelling(a), spelling(b));
  return prefixMatch(a, b);
}

function prefixMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  return common >= 4 && common >= 0.55 * Math.max(a.length, b.length);
}

const YEARS = /(\d{1,2})\s*\+?\s*(?:years?|yrs?|y\b|ans?\b|años|anni|jaar|lat[a]?\b|jahre?n?)/giu;

/** "7 yrs", "4 ans d'expérience", "6 lat doświadczenia": the most years a prompt names. */
function yearsOfExperience(text: string): number | null {
  let most: number | null = null;
  for (const match of text.matchAll(YEARS)) {
    const years = Number.parseInt(match[1] ?? '', 10);
    if (years > 0 && years < 45) most = Math.max(most ?? 0, years);
  }
  return most;
}

/** Every family the text names anywhere, with its context. */
function namedFamiliesOf(positive: string): RoleFamily[] {
  const folded = foldAccents(positive);
  return PROMPT_FAMILY_RULES.filter(([, pattern, context]) => pattern.test(folded) && (!context || context.test(folded))).map(([family]) => family);
}

/** The families named in the first sentence that names any: later ones tell past jobs. */
function wantedFamilies(positive: string): { families: RoleFamily[]; words: string[] } {
  const folded = foldAccents(positive);
  for (const sentence of folded.split(/(?<=[.!?])\s+|\n+/)) {
    const matches: { family: RoleFamily; start: number; end: number; text: string }[] = [];
    for (const [family, pattern, context] of PROMPT_FAMILY_RULES) {
      const match = pattern.exec(sentence);
      if (!match || (context && !context.test(folded))) continue;
      matches.push({ family, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
    // "Veterinary nurse" is not also "nurse", "Front Office Manager" not also "office manager": a
    // family named only inside another family's words is not asked for.
    const kept = matches.filter((m) => !matches.some((other) => other !== m && other.start <= m.start && other.end >= m.end && other.end - other.start > m.end - m.start));
    const families = kept.map((m) => m.family);
    const words = kept.flatMap((m) => contentWords(m.text));
    if (families.length === 0) continue;
    // "Senior backend engineer": 'software' only when nothing more specific was said.
    const specific = families.filter((family) => family !== 'software');
    const nonSoftware = specific.filter((family) => !SOFTWARE_FAMILIES.has(family));
    const softwareOnes = specific.filter((family) => SOFTWARE_FAMILIES.has(family));
    // The role named first is the job: "Technical writer for developer documentation" is the writer,
    // "Desarrollador Odoo …: contabilidad, ventas" the developer of accounting and sales modules.
    const first = kept.reduce((earliest, match) => (match.start < earliest.start ? match : earliest));
    if (first.family === 'software' || SOFTWARE_FAMILIES.has(first.family)) return { families: softwareOnes.length > 0 ? softwareOnes : ['software'], words };
    return { families: nonSoftware.length > 0 ? nonSoftware : specific.length > 0 ? specific : families, words };
  }
  return { families: [], words: [] };
}

// Words that open a prompt without naming the role ("Hello, I search work in data entry…").
const NOT_A_ROLE = new Set([
  'hello', 'hallo', 'bonjour', 'hola', 'looking', 'search', 'searching', 'seeking', 'want', 'wants', 'work', 'jobs', 'position', 'positions', 'role',
  'remote', 'hybrid', 'onsite', 'senior', 'junior', 'experienced', 'qualified', 'registered', 'certified', 'licensed', 'freelance', 'contract', 'based', 'years',
  'year', 'full', 'time', 'part', 'permanent', 'currently', 'with', 'from', 'have', 'been', 'also', 'next', 'new', 'open', 'ready', 'first', 'some',
  // The same openings in the set's other languages.
  // Where the user is from, said first ("Kiwi in Osaka", "Filipino RN in Dubai").
  'kiwi', 'aussie', 'brit', 'expat', 'filipino', 'filipina', 'pinoy', 'pinay', 'canadian', 'american', 'nigerian', 'indian', 'irish', 'scottish',
  'busco', 'buscando', 'puesto', 'trabajo', 'empleo', 'cherche', 'recherche', 'poste', 'emploi', 'travail', 'suche', 'stelle', 'arbeit', 'zoek', 'zoeken',
  'baan', 'functie', 'szukam', 'pracy', 'praca', 'cerco', 'lavoro', 'ruolo', 'posizione', 'como', 'comme', 'jako', 'come', 'sono', 'jestem', 'soy',
  // "Ik werk nu 4 jaar als planner", "ich arbeite seit 5 Jahren als …": how long, not which job.
  'werk', 'jaar', 'jaren', 'arbeite', 'jahre', 'jahren', 'anni', 'anos', 'lata', 'travaille',
]);

// "Ich suche eine Stelle als (Senior) Eventmanagerin", "I search job as nurse", "je cherche un poste de
// fleuriste": the words before the role say that a job is wanted, not which.
const WANTED_JOB_LEAD =
  /^.*?\b(?:(?:job|position|role|post|work|stelle|arbeit|poste|emploi|puesto|trabajo|empleo|baan|functie|pracy|lavoro|posizione|ruolo|vaga)\s+(?:as|als|de|comme|como|jako|come|en tant que)|(?:work|working|werken|trabajar|travailler|lavorare|pracowa[cć])\s+(?:as|als|como|comme|come|jako)|(?:looking for|search(?:ing)? for|seeking|je cherche|ich suche|busco|cerco|zoek|szukam)\s+(?:an?|eine?n?|un[ea]?|een)?\s*)\s+/i;
// "(Senior)", "(m/w/d)": brackets inside the role's words qualify it and do not end it.
const QUALIFIER_BRACKETS = /\((?:senior|junior|lead|m\/w\/d|m\/f\/d|h\/f|f\/h|m\/v|k\/m)\)/gi;

// "HR-only", "pure compliance", "tylko kadrowego", "reine Lohnbuchhaltung": the job as a whole, not a part of it.
const ONLY_ALONE = /(-only\b|\bonly\b|\bpure(ly)?\b|\btylko\b|\bnur\b|\breine?[nrs]?\b|\bsolo\b|\bpurement\b|\balleen\b|\bpur[oa]s?\b|\buniquement\b)/i;

// Words of four letters or more that say nothing of a job's kind, in a prompt or a title.
const PLAIN_WORDS = new Set([...NOT_A_ROLE, 'with', 'from', 'that', 'this', 'have', 'looking', 'want', 'work', 'working', 'years', 'year', 'experience', 'company', 'companies', 'team', 'role', 'roles', 'jobs', 'position', 'lead', 'head', 'level', 'full', 'time', 'part', 'days', 'hours', 'week', 'month', 'remote', 'hybrid', 'office', 'onsite', 'permanent', 'temporary', 'contract', 'based', 'city', 'area', 'near', 'also', 'only', 'more', 'than', 'would', 'prefer', 'like', 'salary', 'good', 'some', 'other', 'about', 'into', 'over', 'need', 'plus', 'must', 'open', 'well', 'will', 'shift', 'shifts', 'nights', 'weekends', 'para', 'como', 'pour', 'avec', 'dans', 'oder', 'nach', 'voor', 'naar', 'przy', 'jako']);

/** The asked-for text's own words, folded, that could name a kind of job. */
function askedWordsOf(positive: string): string[] {
  const words = (foldAccents(positive).toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((word) => !PLAIN_WORDS.has(word) && !GENERIC_ROLE_WORDS.has(word));
  return [...new Set(words)];
}

/** A prompt whose role no family knows: the words of its first clause that name a role ("dental hygienist"). */
function unknownRoleWords(positive: string): string[] {
  const text = foldAccents(positive).replace(QUALIFIER_BRACKETS, ' ');
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const words = roleWordsOfClauses(sentence.replace(WANTED_JOB_LEAD, ''));
    if (words.length > 0) return words;
  }
  return [];
}

function roleWordsOfClauses(sentence: string): string[] {
  for (const whole of sentence.split(/[.,;:()\n!?/]|\s[-–—]\s/)) {
    // "Florist in Lyon": the place after the role is not part of it.
    const clause = whole.split(/\s(?:in|at|near|around|within|from|bei|im|en|w)\s/i)[0] ?? '';
    const words = (clause.match(/[\p{L}][\p{L}'-]*/gu) ?? [])
      .filter((word) => /^[A-Z]{2,5}$/.test(word) || (word.length >= 4 && !NOT_A_ROLE.has(word.toLowerCase()) && !FILLER.has(word.toLowerCase())))
      .map((word) => word.toLowerCase());
    if (words.length > 0 && words.length <= 5) return words;
  }
  return [];
}

// "Contract only", "freelance/contract only, not going back to perm", "outside IR35 only".
// "No permanent night shifts" is about nights: perm must stand alone or name a kind of job.
const CONTRACT_ONLY =
  /\b(contract(s|ing)? only|freelance only|only (contracts?|freelance)|(contract|freelance)\s*\/\s*(contract|freelance) only|outside ir35 only|(not (going back to|interested in|looking for|open to)|no) perm(anent)?(\s+(roles?|jobs?|positions?|contracts?|employment|work))?(?=\s*([.,;:!?)]|$|however|anymore|again|please|for now)))/i;
const OUTSIDE_IR35_ONLY = /\boutside (of )?ir35\b(?!\s+(preferred|ideally|if possible))/i;
// "£550/day outside IR35, inside only if £650+": inside is fine at a price, so not outside only.
const EITHER_IR35 = /\binside (ir35 )?(only )?(if|at|for|when)\b|\binside\b[^.]{0,20}\b(or|and|\/)\b[^.]{0,10}\boutside|\boutside\b[^.]{0,20}\b(or|and|\/)\b[^.]{0,10}\binside/i;

// A prompt typed all in lower case ("dublin and commutable (kildare, meath, wicklow)") still names
// places; common words that are also towns are not read as towns.
const NOT_TOWNS = new Set(['reading', 'sale', 'bath', 'nice', 'bury', 'hull', 'derby', 'split', 'phoenix', 'aurora', 'boulder', 'mesa', 'gilbert', 'chandler', 'wells', 'deal', 'orange', 'mobile', 'columbus', 'hamilton', 'chester', 'preston', 'wellington']);

/** A prompt typed in lower case, with its words capitalised as the gazetteer writes towns. */
function capitalisedTowns(text: string): string {
  return text.replace(/\p{L}[\p{L}'-]{2,}/gu, (word) => (NOT_TOWNS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)));
}

function homeCitiesOf(positive: string): City[] {
  const countries = namedCountries(positive);
  const found = citiesInNamedCountries(positive, countries, { world: true });
  if (found.length > 0 || /\p{Lu}/u.test(positive)) return found;
  // A prompt all in lower case: only the hand-written towns, whose common-word names are known (NOT_TOWNS).
  return citiesInNamedCountries(capitalisedTowns(positive), countries);
}

// "Drammen is too far", "Parramatta/Western Sydney is too far", "Haarlem of Almere niet", "Bonn ist zu weit":
// places named as out of reach, said after the place rather than with a leading "no".
const TOO_FAR = new RegExp(
  [
    String.raw`([^.;:,!?\n()]{2,60}?)\s+(?:is|are|feels|seems|'s)\s+(?:(?:just|way|much|a bit|already)\s+)?(?:too far|too long a commute|a no)\b`,
    String.raw`([^.;:,!?\n()]{2,60}?)\s+(?:ist|sind)\s+(?:mir\s+)?zu weit\b|([^.;:,!?\n()]{2,60}?)\s+(?:is|zijn)\s+te ver\b|([^.;:,!?\n()]{2,60}?)\s+(?:er|blir)\s+for langt\b`,
    String.raw`([^.;:,!?\n()]{2,60}?)\s+(?:est|c'est)\s+trop loin\b|([^.;:,!?\n()]{2,60}?)\s+(?:est[áa]|queda|es)\s+(?:demasiado |muy )?lejos\b|([^.;:,!?\n()]{2,60}?)\s+[èe]\s+troppo lontan[oa]\b|([^.;:,!?\n()]{2,60}?)\s+(?:[ée]|fica)\s+(?:muito |demasiado )?longe\b`,
    // Dutch and German put the refusal after the places: "Haarlem of Almere niet".
    String.raw`((?:\p{Lu}[\p{L}-]+)(?:\s*(?:,|of|oder|en|und)\s*\p{Lu}[\p{L}-]+)*)\s+(?:niet|nicht|lieber nicht|liever niet)(?![\p{L}])`,
  ].join('|'),
  'gu',
);
// "Western Sydney", "north of Dublin": a part of the city or land beyond it, not the city itself.
const AREA_OF_CITY = /\b(?:north|south|east|west|inner|outer|greater|upper|lower)(?:ern|-?(?:east|west)(?:ern)?)?\s+(?:of\s+)?\p{Lu}[\p{L}-]+/giu;
// "Not relocating from Berlin", "anywhere outside Madrid": a place in such a refusal is where the user is.
const NOT_A_PLACE_REFUSAL = /\b(relocat\w*|move|moving|outside|beyond|except|other than|besides|apart from|au[ßs]erhalb|hors de|fuera de|fora de|umzug|d[ée]m[ée]nag\w*|mudar\w*|remote)\b/i;

/** The places a prompt refuses, and the text left once the "… is too far" clauses are taken out. */
function refusedPlacesOf(prompt: string, positive: string, phrases: readonly string[]): { refused: City[]; positive: string } {
  const clauses: string[] = [];
  const rest = positive.replace(TOO_FAR, (whole: string, ...groups: unknown[]) => {
    const captured = groups.slice(0, groups.findIndex((group) => typeof group === 'number'));
    const clause = captured.find((group): group is string => typeof group === 'string' && group.trim() !== '');
    if (clause) clauses.push(clause);
    return ' ';
  });
  const named = [...clauses, ...phrases.filter((phrase) => !NOT_A_PLACE_REFUSAL.test(phrase))].map((text) => text.replace(AREA_OF_CITY, ' '));
  const countries = namedCountries(prompt);
  const lowerCaseOnly = !/\p{Lu}/u.test(prompt);
  const refused = named.flatMap((text) => (lowerCaseOnly ? citiesInNamedCountries(capitalisedTowns(text), countries) : citiesInNamedCountries(text, countries, { world: true })));
  return { refused: refused.filter((city, index) => refused.findIndex((other) => other.name === city.name) === index), positive: rest };
}

// "0.8 (30 hrs) ideally, full time ok", "28 uur of voltijds": a full week is fine too.
const FULL_TIME_TOO = /\b(?:full[- ]?time|fulltime|vollzeit|temps plein|jornada completa|tempo pieno|voltijds?|pe[łl]ny etat)\b[^.;\n]{0,12}\b(?:ok(?:ay)?|fine|too|also|possible|welcome|works)\b|\b(?:or|oder|ou|o|of|albo|lub)\s+(?:a\s+)?(?:full[- ]?time|fulltime|vollzeit|temps plein|jornada completa|tempo pieno|voltijds?|pe[łl]ny etat)\b/i;

/** The weekly hours the user wants, open above when a full week is fine too. */
function weekWanted(positive: string): { min: number; max: number } | null {
  const hours = wantedHoursIn(positive);
  return hours && FULL_TIME_TOO.test(positive) ? { min: hours.min, max: 60 } : hours;
}

/** "Part-time, 3 days a week", "part time 20-30 hrs": a full-time post is not what the user wants. */
function wantsPartTimeOnly(positive: string, hours: { min: number; max: number } | null): boolean {
  if (!/\bpart[- ]?time\b|\bteilzeit\b|\btemps partiel\b|\bmedia jornada\b|\bdeeltijd\b/i.test(positive)) return false;
  if (/\b(full[- ]time|vollzeit|temps plein|jornada completa|fulltime)\b|\b(open to|or|also|happy with) part[- ]?time|part[- ]?time (or|and|\/) full|part[- ]?time[^.;]{0,30}\b(also|too|as well|possible|ok(ay)?|fine|welcome)\b/i.test(positive)) return false;
  return (hours !== null && hours.max <= 34) || /\b[1-4](?:[.,]5)? days? (a|per|each) week\b|\bpart[- ]?time\s*(only|please|[,:(]|\d)/i.test(positive);
}

const SOFTWARE_WORDS = /\b(software|sw (?:engineer|developer|dev)|developer|programmer|programming|coding|devops|frontend|front-end|backend|back-end|full[- ]?stack|engineer(ing)? (at|in) (a )?(tech|saas|software))\b/i;

// Users write "typescript or go": in a list of languages the lower-case word is Go too.
const LOWERCASE_GO = /(?:\b(?:or|and)|[,/])\s*go\b(?!\s+(?:to|for|with|on)\b)|\bgo\s*(?:[,/]|\bor\b|\band\b)\s*(?:typescript|rust|python|java|node|kotlin|scala)/i;

// "…albo B2B od 20 000 zł netto", "or a fixed-term contract of at least 12 months", "a long contract is okay too": not permanent only.
const NOT_PERMANENT_WORD = String.raw`(?:b2b|pfa|srl|freelance|contract(?:or|ing|s)?|zzp|self[- ]employed|aut[óo]nomo|fixed[- ]term|cdd|umowa zlecenie|maternity cover|temporary|plazo fijo|contrato temporal|a termo|termo certo|tempo determinato|befristet|tijdelijk)`;
const ALSO_NOT_PERMANENT = new RegExp(String.raw`\b(?:or|albo|lub|oder|ou|o|eller|but)\s+(?:(?:\d[\d.,]*|[^\s,.;]+)\s+){0,4}?${NOT_PERMANENT_WORD}\b|\b${NOT_PERMANENT_WORD}\b[^.;]{0,40}\b(?:is |are )?(?:also |too )?(?:ok|okay|fine|welcome|possible|ambos ok|tamb[ée]n)\b`, 'i');

// Self-employment as users name it when they refuse it ("no freelance on a day rate", "geen zzp", "niente partita IVA").
const SELF_EMPLOYMENT_WORDS =
  /\b(freelanc\w*|self[- ]employ\w*|zzp|cis|1099|b2b|partita iva|p\.?\s?iva|recibos? verdes|aut[óo]nomo|auto-?entrepreneur|micro-?entrepreneur|selbstst[äa]ndig\w*|freiberuf\w*|umowa zlecenie|day rate|contractor|zelfstandigen?|statuut (?:van )?zelfstandige|i[čc]o|[žz]ivnos\w*|osv[čc]|obrt\w*|toiminimi|urakoitsij\w*|v[áa]llalkoz\w*|prestaci[óo]n de servicios)\b/i;
const EMPLOYEE_ONLY = /\b(employee only|employed only|only as an? employee|salaried only|(?:in )?loondienst|solo (?:come )?dipendente|nur (?:als )?angestellt\w*|nur festanstellung|apenas (?:por )?conta de outrem|s[oó]lo por cuenta ajena|paye only|w-?2 only)\b/i;

const DAY_COUNT = String.raw`(\d|one|two|three|four|jeden|dwa|trzy|cztery|un|deux|trois|quatre|uno|dos|tres|cuatro|ein(?:en)?|zwei|drei|vier)`;
const OFFICE_LIMIT = [
  // "in ufficio a Milano al massimo 2 giorni a settimana", "office in Cork max 2 days a week": the office named first.
  new RegExp(String.raw`\b(?:office|ufficio|oficina|escrit[óo]rio|bureau|b[üu]ro|biurze|biuro|kantoor)\b[^.;\n]{0,30}?\b(?:max(?:imum)?\.?|al massimo|como m[áa]ximo|au maximum|h[öo]chstens|maks(?:ymalnie)?\.?|at most|up to|no more than)\s*${DAY_COUNT}\s*(?:days?|giorni|d[ií]as?|jours?|tage?n?|dni|dagen)\b`, 'i'),
  new RegExp(String.raw`\b(?:max(?:imum)?\.?|at most|up to|no more than|not more than|maks(?:ymalnie)?\.?|maximal|h[öo]chstens|como m[áa]ximo|au maximum|massimo)\s*${DAY_COUNT}\s*(?:office\s+)?(?:days?|dni|tage?n?|jours?|d[ií]as?|giorni)\b(?:\s*(?:a|per|w)\s*(?:week|tygodniu))?\s*(?:in|at|w|im|au|en|in the|at the)?\s*(?:the\s+)?(?:office|biurze|b[üu]ro|bureau|oficina|ufficio)`, 'i'),
  new RegExp(String.raw`\b${DAY_COUNT}\s*(?:office\s+)?days?\s*(?:a week\s*)?(?:in (?:the )?office\s*)?(?:max(?:imum)?|at most|tops)\b`, 'i'),
];

/** "max 3 days in office", "hybryda max 2 dni w biurze": the most office days a week the user takes. */
function maxOfficeDaysIn(prompt: string): number | null {
  for (const pattern of OFFICE_LIMIT) {
    const match = pattern.exec(prompt);
    const days = match ? parseCount(DAY_WORDS[match[1]!.toLowerCase()] ?? match[1]!) : null;
    if (days !== null && days >= 0 && days <= 5) return days;
  }
  return null;
}
// "min 2 days home office", "au moins 2 jours de télétravail": the rest of the week is the most in the office.
const HOME_DAYS = new RegExp(String.raw`\b(?:min(?:imum)?\.?|at least|mindestens|au moins|al menos|co najmniej)\s*${DAY_COUNT}\s*(?:days?|tage?|jours?|d[ií]as?|dni)\s*(?:a week\s*)?(?:of\s*|de\s*)?(?:home ?office|remote|wfh|from home|t[ée]l[ée]travail|teletrabajo|zdalnie|thuiswerk)`, 'i');
function minHomeDaysLimit(prompt: string): number | null {
  const match = HOME_DAYS.exec(prompt);
  const days = match ? parseCount(DAY_WORDS[match[1]!.toLowerCase()] ?? match[1]!) : null;
  return days !== null && days >= 1 && days <= 5 ? 5 - days : null;
}

// "One Saturday a month is fine", "One Sunday / garde per month is ok", "un dimanche par mois".
const WEEKEND_LIMIT =
  /\b(one|1|un|une|uno|una|ein(?:en)?|jeden|two|2|deux|dos|zwei)\s+(?:saturday|sunday|weekend|week-end|dimanche|samedi|domingo|s[áa]bado|sonntag|samstag|wochenende|fin de semana)s?\b[^.;]{0,25}?\b(?:a|per|par|al|pro|im|w)\s+(?:month|mois|mes|monat|miesi)/i;
function weekendLimitIn(prompt: string): PromptSignals['maxWeekendsPerMonth'] {
  const match = WEEKEND_LIMIT.exec(prompt);
  if (!match) return null;
  return { max: /^(two|2|deux|dos|zwei)$/i.test(match[1]!) ? 2 : 1, day: weekendDayOf(match[0]) };
}

const DAY_WORDS: Record<string, string> = { jeden: '1', dwa: '2', trzy: '3', cztery: '4', un: '1', deux: '2', trois: '3', quatre: '4', uno: '1', dos: '2', tres: '3', cuatro: '4', ein: '1', einen: '1', zwei: '2', drei: '3', vier: '4' };

// "On-call, but at most one week a month", "guardias … como mucho una semana al mes", "max one week in four".
const ON_CALL_LIMIT = new RegExp(String.raw`(?<![\p{L}])(?:${ON_CALL_WORDS})(?![\p{L}])[^.]{0,60}?\b(?:at most|max(?:imum)?\.?|no more than|como m[áa]ximo|como mucho|h[öo]chstens|au maximum|maks(?:ymalnie)?)\s*(?:one|1|una|un|eine|une|jeden)\s*(?:week|semana|woche|semaine|settimana|tydzie[ńn])\s*(?:a|per|al|pro|par|in|every|out of|w|na)?\s*(month|mes|monat|mois|mese|miesi[ąa]c\w*|\d|two|three|four|five|six)\b`, 'iu');

// "Dyżury ok, ale raz w miesiącu", "on call once a month is fine": once a month is one week in four.
const ON_CALL_MONTHLY = new RegExp(String.raw`(?<![\p{L}])(?:${ON_CALL_WORDS})(?![\p{L}])[^.]{0,40}?\b(?:once a month|once every (?:four|4) weeks|raz w miesi[ąa]cu|una vez al mes|einmal (?:im|pro) monat|une fois par mois|una volta al mese)\b`, 'iu');

function onCallLimitIn(prompt: string): number | null {
  if (ON_CALL_MONTHLY.test(prompt)) return 4;
  const match = ON_CALL_LIMIT.exec(prompt);
  if (!match) return null;
  const unit = match[1]!.toLowerCase();
  return /^(month|mes|monat|mois|mese|miesi)/.test(unit) ? 4 : parseCount(unit);
}

function has(text: string, pattern: RegExp): boolean {
  return pattern.test(text);
}

// Words that say "that kind of employer" without narrowing it: "crypto companies", "betting apps".
const INDUSTRY_FILLER = new Set([
  'industry', 'industries', 'companies', 'company', 'firms', 'firm', 'brands', 'brand', 'shops', 'products', 'product', 'sector', 'anything', 'stuff',
  'related', 'businesses', 'business', 'operators', 'startups', 'start-ups', 'exchanges', 'employers', 'clients', 'world', 'space', 'roles', 'jobs',
  'work', 'type', 'types', 'kind', 'sort', 'please', 'chasing', 'interested', 'entreprises', 'unternehmen', 'firmen', 'empresas', 'aziende', 'bedrijven',
]);

// "Crypto, betting or weight-loss clinics": the parts of a refused list, one industry each.
const INDUSTRY_PARTS = /\s*(?:\/|,|\bor\b|\band\b|\bnor\b|\bni\b|\boder\b|\bund\b|\bou\b|\bo\b|\by\b|\be\b|\blub\b|\beller\b|\boch\b|\bog\b)\s*/iu;

const namesIndustry = (text: string, term: (typeof INDUSTRIES)[number]) => anyMatch(text, term.patterns) || new RegExp(`\\b${term.label}\\b`, 'i').test(text);

/** The words of the part that names the industry, besides the industry's own and its fillers ("companies", "stuff"). */
function besidesIndustry(part: string, term: (typeof INDUSTRIES)[number]): string[] {
  return contentWords(part).filter((word) => !namesIndustry(word, term) && !INDUSTRY_FILLER.has(word) && !/^(type|sales)$/.test(word));
}

/**
 * The words that narrow an industry in the part of the phrase that names it ("weight-loss" in
 * "weight-loss clinic"), or null when the part names the industry as a whole ("no crypto",
 * "gambling companies").
 */
function industryQualifier(phrase: string, term: (typeof INDUSTRIES)[number]): string[] | null {
  const part = phrase.split(INDUSTRY_PARTS).find((candidate) => namesIndustry(candidate, term));
  if (part === undefined) return null;
  // "outsourcing body-leasing where I am rented to a client": what follows "where" describes it, it does not narrow it.
  const rest = besidesIndustry(part.split(/\b(?:where|which|that|who|when|wo|où|donde|dove|gdzie)\b/i)[0] ?? part, term);
  return rest.length > 0 ? rest : null;
}

/**
 * An industry the user asks for in the same prompt ("a clinic that sends its after-hours to the
 * emergency centre" and "no clinics that pay on production"): the refusal narrows it, to the
 * words it says besides the industry's, or null when it says none.
 */
function askedForToo(phrase: string, positive: string, term: (typeof INDUSTRIES)[number]): string[] | null {
  if (!anyMatch(positive, term.patterns)) return null;
  const rest = besidesIndustry(phrase.split(INDUSTRY_PARTS).find((candidate) => namesIndustry(candidate, term)) ?? phrase, term);
  return rest.length > 0 ? rest : null;
}

/** Reads a user's prompt. */
export function extractPromptSignals(prompt: string): PromptSignals {
  const { phrases, positive, soft } = negatedPhrases(prompt);
  const excludedIndustries: PromptSignals['excludedIndustries'] = [];
  const excludedSkills: PromptSignals['excludedSkills'] = [];
  const excludedFamilies: RoleFamily[] = [];
  const excludedOnlyAlone: RoleFamily[] = [];
  const excludedConditions: PromptSignals['excludedConditions'] = [];
  const excludedTitleWords: PromptSignals['excludedTitleWords'] = [];
  let noOnCall = false;
  let noOffice = false;
  const wanted = wantedFamilies(positive);
  const wantedWords = wanted.families.length > 0 ? wanted.words : unknownRoleWords(positive);
  for (const phrase of phrases) {
    for (const term of EXCLUSIONS) {
      if (term.prompt.test(phrase) && !excludedConditions.some((e) => e.id === term.id))
        excludedConditions.push({ id: term.id, words: clip(phrase, 60), ...(soft.has(phrase) ? { soft: true } : {}), ...(ALWAYS.test(phrase) ? { always: true } : {}) });
    }
    for (const part of phrase.split(/\s*(?:\/|,|—|–|\s-\s|\bor\b|\band\b|\bnor\b|\bni\b|\bo\b|\boder\b|\bund\b|\bof\b|\bou\b|\by\b|\blub\b|\balbo\b|\bani\b|\be\b|\bné(?![\p{L}])|\beller\b|\boch\b|\bog\b)\s*/iu)) {
      // "farm animals": the short word belongs to the phrase too, or "animals" alone would rule out "Small Animal".
      // "school-based OT" for an occupational therapist: the initials of their own role are not what they rule out.
      const words = [...contentWords(part), ...shortWords(part)].filter((word) => !initialsOf(wantedWords, word));
      // The user's own role words are not what they rule out ("UX/UI designer roles" for a UX researcher).
      if (words.length > 0 && words.length <= 3 && contentWords(part).length > 0 && !words.every((word) => wantedWords.some((own) => sameWord(own, word))))
        excludedTitleWords.push({ words, phrase: clip(part, 60) });
    }
    for (const term of INDUSTRIES) {
      if (anyMatch(phrase, term.patterns) || new RegExp(`\\b${term.label}\\b`, 'i').test(phrase)) {
        const qualifier = industryQualifier(phrase, term) ?? askedForToo(phrase, positive, term);
        excludedIndustries.push(qualifier ? { id: term.id, words: clip(phrase, 60), qualifier } : { id: term.id, words: clip(phrase, 60) });
      }
    }
    // "No consultancies" is about the employer; "not functional consultant roles" is about the job, not the company's industry.
    if (/\bbyr[åa]|\b(agenc(y|ies)|body[- ]?leasing|outsourcing|consultor(a|as|es|ia)|consult(ing|ancy|ancies)|consultants?(?!\s+(roles?|positions?|jobs?|work))|agentur|agence|agencia)\b/i.test(phrase) && !excludedIndustries.some((e) => e.id === 'consulting')) {
      excludedIndustries.push({ id: 'consulting', words: clip(phrase, 60) });
    }
    for (const term of SKILLS) {
      if (anyMatch(phrase, term.patterns)) excludedSkills.push({ id: term.id, words: clip(phrase, 60) });
    }
    for (const [family, pattern, context] of PROMPT_FAMILY_RULES) {
      if (family !== 'software' && pattern.test(foldAccents(phrase)) && (!context || context.test(foldAccents(phrase)))) {
        excludedFamilies.push(family);
        if (ONLY_ALONE.test(phrase)) excludedOnlyAlone.push(family);
      }
    }
    if (/\bmanag(ement|er|ing)\b/i.test(phrase)) excludedFamilies.push('management');
    if (/\bon[- ]call\b|\bpager\b/i.test(phrase)) noOnCall = true;
    // "No office", "no commute"; "I won't relocate" keeps the user where they are, it does not ask for remote.
    // "I don't want a commute over about 40 minutes" limits the commute; it does not refuse the office.
    // "NOT commuting to Dublin" refuses a place, not every office ("no commute over 40 minutes" a distance).
    const namesPlace = /\b(?:to|into|in)\s+\p{Lu}/u.test(phrase) || citiesIn(phrase).length > 0;
    if (/\b(on-?site|office|commut)/i.test(phrase) && !namesPlace && !/\bcommut\w*\s+(?:of\s+)?(?:over|longer than|more than|beyond|above|past|exceeding)\b/i.test(phrase)) noOffice = true;
  }

  for (const term of EXCLUSIONS) {
    if (term.promptWhole?.test(prompt) && !excludedConditions.some((e) => e.id === term.id)) excludedConditions.push({ id: term.id, words: clip(term.promptWhole.exec(prompt)?.[0] ?? term.label, 60) });
  }
  // "Social worker, not child protection": a neighbour inside the wanted family is ruled out by
  // its words (excludedTitleWords, excludedConditions), not by dropping the whole family.
  // "Revenue operations (sales ops); no sales roles with a quota": sales is ruled out, sales ops wanted.
  const remaining = wanted.families.filter((family) => !excludedFamilies.includes(family));
  const families = remaining.length > 0 ? remaining : wanted.families;
  const ruledOutFamilies = excludedFamilies.filter((family) => !families.includes(family));
  // A role the rules do not know is a software one only when the prompt says so ("I go by bike" is not Go).
  const softwareRole = families.length === 0 ? SOFTWARE_WORDS.test(positive) : families.some((family) => SOFTWARE_FAMILIES.has(family));
  // "Head of"/"director" as the user's own level only where they name their role; elsewhere it is someone else ("I report to the finance director").
  const roleSentence = positive.split(/[.;,!?\n]+/).find((clause) => PROMPT_FAMILY_RULES.some(([, pattern]) => pattern.test(foldAccents(clause)))) ?? '';
  // "Mid or senior level, not lead": a level named in a refusal is out, whatever else the prompt says.
  const excludedSeniorities = [...new Set(SENIORITY_RULES.filter(([, pattern]) => phrases.some((phrase) => phrase.split(/\s+/).length <= 6 && pattern.test(phrase))).map(([level]) => level))];
  const namedSeniorities = [...new Set(SENIORITY_RULES.filter(([level, pattern]) => pattern.test(level === 5 ? roleSentence : positive)).map(([level]) => level))];
  // No level named: years of experience say it ("7 yrs" is past junior).
  const years = namedSeniorities.length === 0 ? yearsOfExperience(positive) : null;
  const seniorities: Seniority[] = namedSeniorities.length > 0 ? namedSeniorities : years === null ? [] : [years >= 5 ? 3 : years >= 2 ? 2 : 1];
  const skillIds = (kind: 'language' | 'tool') =>
    SKILLS.filter(
      (term) =>
        term.kind === kind &&
        (anyMatch(positive, term.patterns) || (term.id === 'go' && LOWERCASE_GO.test(positive))),
    ).map((term) => term.id);
  const places = placesIn(positive);
  const refusal = refusedPlacesOf(prompt, positive, phrases);
  const homeCities = homeCitiesOf(refusal.positive);
  const refusedCities = refusal.refused.filter((city) => !homeCities.some((home) => home.name === city.name));
  const salary = minimumSalaryFromPrompt(positive);
  const size =
    /\b(?:under|fewer than|less than|below|at most|max(?:imum)?|up to|no more than|<)\s*(\d{1,3}(?:,\d{3})*|\d+)\s*(?:people|employees|staff|persons?)\b/i.exec(prompt);
  const smallWords = /\b(small (company|team|startup)|early[- ]stage|startup)\b/i.test(positive);
  const wantsRemote = has(positive, /\bremote\b/i) || noOffice;
  const maxOfficeDays = maxOfficeDaysIn(prompt) ?? minHomeDaysLimit(prompt);
  // "Vienna or remote Austria", "Kraków hybrydowo albo full remote": the named city's office is fine too.
  const orRemote = has(positive, /\b(or|albo|lub|oder|ou|o|of)\s+(fully |full |100 ?% )?remote\b|\bremote\s+(or|albo|oder|ou|o|of)\b/i);
  return {
    families,
    excludedSeniorities,
    seniorities,
    seniorityInferred: namedSeniorities.length === 0 && seniorities.length > 0,
    excludedConditions,
    excludedTitleWords,
    roleWords: wantedWords,
    askedWords: askedWordsOf(positive),
    namedFamilies: namedFamiliesOf(positive),
    unknownRoleWords: families.length === 0 ? unknownRoleWords(positive) : [],
    // Programming languages and tools are a software prompt's words ("I go by bike" is not Go).
    softwareRole,
    experienceYears: yearsOfExperience(positive),
    languages: softwareRole ? skillIds('language') : [],
    tools: softwareRole ? skillIds('tool') : [],
    // Once per industry, and whole before narrowed: "branży hazardowej (kasyna online, zakłady)" names gambling twice.
    excludedIndustries: excludedIndustries.filter((entry, index) => {
      const first = excludedIndustries.findIndex((other) => other.id === entry.id && !other.qualifier);
      return first === -1 ? excludedIndustries.findIndex((other) => other.id === entry.id) === index : first === index;
    }),
    excludedSkills,
    excludedFamilies: ruledOutFamilies,
    excludedOnlyAlone: excludedOnlyAlone.filter((family) => ruledOutFamilies.includes(family)),
    preferredIndustries: INDUSTRIES.filter(
      (term) => term.id !== 'consulting' && anyMatch(positive, term.patterns),
    ).map((term) => term.id),
    wantsRemote,
    // "In ufficio al massimo 2 giorni a settimana": a limit on office days takes hybrid work.
    acceptsHybrid: !noOffice && (orRemote || has(positive, /\b(hybrid|hybride|hybryd|h[íi]brid|ibrid|home office|thuiswerk|t[ée]l[ée]travail)/i) || (maxOfficeDays ?? 0) > 0),
    acceptsOnsite: !noOffice && (!wantsRemote || orRemote || has(positive, /\b(on-?site|in the office|office in|relocat|office (or|and)|vor ort|sur site|presencial|in sede|stacjonarn|op locatie)/i)),
    regions: places.regions,
    countries: places.countries,
    homeCities,
    refusedCities,
    commuteKm: commuteLimitKm(positive, homeCities.length),
    minSalaryEur: salary?.eur ?? null,
    minSalaryText: salary?.text ?? null,
    payFloors: payFloorsFromPrompt(prompt),
    maxCompanySize: size ? Number.parseInt((size[1] ?? '').replace(/,/g, ''), 10) : smallWords ? 200 : null,
    wantsProductCompany: has(positive, /\b(product (company|companies|startup|team)|own product|product-led|saas)\b/i),
    wantsCodeReview: has(positive, /\bcode[- ]review/i),
    maxOfficeDays,
    maxTravelShare: maxTravelShareIn(prompt),
    noticeDays: noticeDaysIn(prompt),
    maxWeekendsPerMonth: weekendLimitIn(prompt),
    onCallAtMostOneIn: onCallLimitIn(prompt),
    wantsFairOnCall: has(positive, /\bon[- ]call\b[^.]{0,50}\b(fair|shared|rotation)|\b(fair|shared)\b[^.]{0,30}\bon[- ]call\b/i),
    noOnCall,
    wantsWorkLifeBalance: has(positive, /\b(work[- ]life balance|sustainable pace|healthy (engineering )?culture|no crunch|family[- ]friendly)\b/i),
    acceptsContract: has(positive, /\b(contract(or)?|freelance)\b/i),
    // "Full time or 0.8", "temps plein ou 4/5e", "80 % ok": a reduced week is fine.
    // "Liefst 28–32 uur": hours under a full week are a part-time wish whatever the word.
    // "I'd actually prefer 4 days", "a four-day week": a reduced week is a wish.
    acceptsPartTime: has(positive, /\bpart[- ]time\b|\b0[.,][5-9]\b|\b[1-4]\/5e?\b|\b[5-9]0 ?%|\bteilzeit\b|\btemps partiel\b|\bmedia jornada\b|\bdeeltijd\b|\b(?:4|four|vier|quatre|cuatro|quattro|cztery)[- ](?:day|tage|jours|d[ií]as|giorni|dni)\b|\bprefer (?:4|four) days\b/i) || (wantedHoursIn(positive)?.max ?? 99) <= 34,
    // (?!\w), not \b: "umowa o pracę" ends on a letter \b does not count as one.
    // "Umowa o pracę od 15 000 zł albo B2B od 20 000 zł netto", "permanent, or a fixed-term contract of at least 12 months": both are fine.
    refusesSelfEmployment:
      has(positive, EMPLOYEE_ONLY) || phrases.some((phrase) => SELF_EMPLOYMENT_WORDS.test(phrase) && !/\b(only|just|fine|ok(ay)?)\b/i.test(phrase)),
    wantsPermanent: !has(positive, ALSO_NOT_PERMANENT) && has(positive, /\b(cdi|permanent|unbefristet|festanstellung|tempo indeterminato|indeterminat|indefinido|vaste? (contract|aanstelling)|umow[aęy] o prac[ęe]|loondienst|paye|w-?2|salaried|tpp|hpp|neur[čc]it|neodre[đd]en|cjelogodi[šs]nj|vakitui|vakinai|hat[áa]rozatlan|sem termo|t[ée]rmino indefinido)(?!\w)/i),
    minContractMonths: minContractMonthsIn(prompt),
    weakLanguages: (() => {
      const weak = weakLanguages(prompt, phrases);
      return weak.allButEnglish ? SPOKEN_LANGUAGES.filter((l) => l.id !== 'english').map((l) => l.id) : weak.ids;
    })(),
    spokenLanguages: listedLanguages(prompt, homeCities.map((city) => city.country)),
    hours: weekWanted(positive),
    wantsPartTimeOnly: wantsPartTimeOnly(positive, wantedHoursIn(positive)),
    wantsContractOnly: CONTRACT_ONLY.test(prompt),
    outsideIr35Only: OUTSIDE_IR35_ONLY.test(prompt) && !EITHER_IR35.test(prompt),
    // "€4.200 bruto per maand bij fulltime" with "28–32 uur": a full-time figure, not a full-time wish.
    wantsFullTime: has(positive, /\b(full[- ]time|vollzeit|temps plein|jornada completa|tempo pieno|pe[łl]ny etat|fulltime)\b/i) && (wantedHoursIn(positive)?.max ?? 99) > 34,
  };
}
