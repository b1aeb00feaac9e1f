// The words the local provider understands. Everything it concludes about a posting or a
// prompt comes from these lists, so a surprising score can be traced to one line here.

export interface Term {
  id: string;
  label: string;
  patterns: readonly RegExp[];
}

export type SkillKind = 'language' | 'tool';
export interface SkillTerm extends Term {
  kind: SkillKind;
  /** Languages close enough to count for part of a match (Node.js for TypeScript). */
  related?: readonly string[];
}

const skill = (id: string, label: string, kind: SkillKind, patterns: RegExp[], related?: string[]): SkillTerm => ({
  id,
  label,
  kind,
  patterns,
  ...(related ? { related } : {}),
});

export const SKILLS: readonly SkillTerm[] = [
  skill('typescript', 'TypeScript', 'language', [/\btypescript\b/i], ['javascript', 'nodejs']),
  skill('javascript', 'JavaScript', 'language', [/\bjavascript\b/i, /\bes20\d\d\b/i], ['typescript', 'nodejs']),
  skill('nodejs', 'Node.js', 'language', [/\bnode(\.js|js)?\b(?![ -]?(pool|graph))/i], ['typescript', 'javascript']),
  // "Go" is an English word too: only the capitalised form, and never "Go-to-market".
  skill('go', 'Go', 'language', [/\bGo\b(?![-‑]to)(?! to\b)/, /\bgolang\b/i]),
  skill('python', 'Python', 'language', [/\bpython\b/i, /\bdjango\b/i, /\bfastapi\b/i]),
  skill('java', 'Java', 'language', [/\bjava\b(?!script)/i, /\bspring boot\b/i], ['kotlin']),
  skill('kotlin', 'Kotlin', 'language', [/\bkotlin\b/i], ['java']),
  skill('scala', 'Scala', 'language', [/\bscala\b/i]),
  skill('rust', 'Rust', 'language', [/\brust\b/i]),
  skill('cpp', 'C++', 'language', [/\bc\+\+/i], ['c']),
  // "C" alone only as a capital letter that is not C++ or C#: "in C", "C/C++".
  // "C/AL" and "C/SIDE" are Dynamics NAV's language and IDE, not C.
  skill('c', 'C', 'language', [/(?<![\w+#-])C(?![\w+#]|\/\/|\/(?:AL|SIDE)\b)(?=[\s,/)]|$)/], ['cpp']),
  skill('csharp', 'C#/.NET', 'language', [/\bc#/i, /\.net\b/i]),
  skill('ruby', 'Ruby', 'language', [/\bruby\b/i, /\brails\b/i]),
  skill('php', 'PHP', 'language', [/\bphp\b/i, /\blaravel\b/i, /\bsymfony\b/i]),
  skill('elixir', 'Elixir', 'language', [/\belixir\b/i]),
  skill('swift', 'Swift', 'language', [/\bswift(ui)?\b/i]),
  skill('dart', 'Dart/Flutter', 'language', [/\bdart\b/i, /\bflutter\b/i]),
  skill('solidity', 'Solidity', 'language', [/\bsolidity\b/i]),
  skill('react', 'React', 'tool', [/\breact\b(?! native)/i]),
  skill('react-native', 'React Native', 'tool', [/\breact native\b/i]),
  skill('vue', 'Vue', 'tool', [/\bvue(\.js)?\b/i]),
  skill('angular', 'Angular', 'tool', [/\bangular\b/i]),
  skill('nextjs', 'Next.js', 'tool', [/\bnext\.js\b/i]),
  skill('postgresql', 'PostgreSQL', 'tool', [/\bpostgre(s|sql)\b/i]),
  skill('mysql', 'MySQL', 'tool', [/\bmysql\b/i, /\bmariadb\b/i]),
  skill('mongodb', 'MongoDB', 'tool', [/\bmongo(db)?\b/i]),
  skill('redis', 'Redis', 'tool', [/\bredis\b/i]),
  skill('kafka', 'Kafka', 'tool', [/\bkafka\b/i]),
  skill('rabbitmq', 'RabbitMQ', 'tool', [/\brabbitmq\b/i]),
  skill('clickhouse', 'ClickHouse', 'tool', [/\bclickhouse\b/i]),
  skill('elasticsearch', 'Elasticsearch', 'tool', [/\belastic(search)?\b/i, /\bopensearch\b/i]),
  skill('graphql', 'GraphQL', 'tool', [/\bgraphql\b/i]),
  skill('grpc', 'gRPC', 'tool', [/\bgrpc\b/i]),
  skill('kubernetes', 'Kubernetes', 'tool', [/\bkubernetes\b/i, /\bk8s\b/i]),
  skill('docker', 'Docker', 'tool', [/\bdocker\b/i, /\bcontainers?\b/i]),
  skill('terraform', 'Terraform', 'tool', [/\bterraform\b/i]),
  skill('aws', 'AWS', 'tool', [/\baws\b/i, /\bamazon web services\b/i]),
  skill('gcp', 'GCP', 'tool', [/\bgcp\b/i, /\bgoogle cloud\b/i]),
  skill('azure', 'Azure', 'tool', [/\bazure\b/i]),
  skill('spark', 'Spark', 'tool', [/\bspark\b/i]),
  skill('airflow', 'Airflow', 'tool', [/\bairflow\b/i]),
  skill('dbt', 'dbt', 'tool', [/\bdbt\b/i]),
  skill('pytorch', 'PyTorch', 'tool', [/\bpytorch\b/i, /\btensorflow\b/i]),
  skill('sql', 'SQL', 'tool', [/\bsql\b/i]),
  skill('unreal', 'Unreal', 'tool', [/\bunreal\b/i]),
  skill('unity', 'Unity', 'tool', [/\bunity\b/i]),
];

export { FAMILY_LABELS, familyTitleMatches, familyTitleSpan, foldAccents, headFamilyOf, GENERIC_ROLE_WORDS, PROMPT_FAMILY_RULES, SOFTWARE_FAMILIES, TITLE_FAMILY_RULES, UNKNOWN_ROLE, familyCompatibility, type RoleFamily } from './roles';

/** A title that names a server-side language ("Go Engineer", "Java Developer") is backend. */
export const BACKEND_LANGUAGE_TITLE =
  /\b(go|golang|java(?!script)|python|node(\.js)?|ruby|php|rust|scala|kotlin|elixir|c#|\.net)\b.{0,30}\b(engineer|developer|programmer)\b|\b(engineer|developer)\b.{0,10}\((go|golang|java|python|node\.js|ruby|php|rust|scala|kotlin|elixir)\)/i;
export const SOFTWARE_TITLE = /\b(software|developer|engineer|programmer|engineering|development)\b/i;

/** Words in a description that lean a generic "Software Engineer" towards a side. */
export const BACKEND_SIGNALS =
  /\b(api|apis|backend|back-end|microservices?|database|postgresql|postgres|kafka|rabbitmq|queues?|server|services|integrations?|data models?)\b/gi;
export const FRONTEND_SIGNALS = /\b(frontend|front-end|react|vue|angular|css|browser|ui components?|design system|web app)\b/gi;

// 0 intern · 1 junior · 2 mid · 3 senior · 4 staff/principal/lead · 5 head of a function/director
export type Seniority = 0 | 1 | 2 | 3 | 4 | 5;
/** On call as users and postings write it ("on-call", "Bereitschaft", "guardia", "astreinte", "reperibilità", "dyżur"); end it with a letter look-ahead. */
export const ON_CALL_WORDS = String.raw`on[- ]call|pager|guardias?|bereitschaft\w*|astreintes?|reperibilit[àa]|dy[żz]ur\w*|consignatie\w*`;

export const SENIORITY_LABELS = ['intern', 'junior', 'mid-level', 'senior', 'staff/principal', 'head/director'] as const;
export const SENIORITY_RULES: readonly (readonly [Seniority, RegExp])[] = [
  [0, /\b(intern(ship)?|working student|werkstudent|trainee|apprentice|stagiaire|becari[oa]|stagista|tirocinante|stagiair|praktykant|sta[żz]ysta|azubi)\b/i],
  // "Junior & Senior High School", "Senior High": a school, not a level.
  [1, /\b(junior(?!\s*(?:high|(?:&|and|\/)\s*senior high|school|college))|jr\.?|entry[- ]level|graduate|new grad|d[ée]butant|improver|helper|ayudante|assistente junior)\b/i],
  // "Head of Accounting", "Director of IT": leading a function, two steps above a senior in it.
  [5, /\b(head of|director|direktor|dyrektor|leiter(in)? der|vp|vice president|chief)\b/i],
  // "Staff Engineer" is a level; "Staff Nurse" is the nurse's ordinary title.
  [4, /\b(staff (?=(software|engineer|data|machine|ml|product|designer|scientist|developer|sre|site reliability|backend|frontend|full[- ]?stack|platform|security|research|analyst|ux))|(principal|distinguished|lead|architect)\b)/i],
  [3, /\b(senior(?!\s*(?:high|school|secondary))|sr\.?|s[ée]nior|confirm[ée]|starszy)\b/i],
  [2, /\b(mid[- ]level|intermediate(?! care)|medior|regular)\b/i],
];

export interface IndustryTerm extends Term {
  /** Shown in a con when the user excluded it: "crypto exchange". */
  noun: string;
}
const industry = (id: string, label: string, noun: string, patterns: RegExp[]): IndustryTerm => ({ id, label, noun, patterns });

export const INDUSTRIES: readonly IndustryTerm[] = [
  // Meaning families: a user who writes "no crypto" means the on-chain payments start-up too.
  industry('crypto', 'crypto', 'crypto', [/\bcrypto(currency|currencies|s)?\b/i, /\bblockchain\b/i, /\bweb ?3\b/i, /\bdefi\b/i, /\b(bitcoin|ethereum|solana)\b/i, /\bnfts?\b/i, /\bon[- ]chain\b/i, /\bstablecoins?\b/i, /\btoken (grant|sale|holders?|economy)s?\b/i, /\btokenomics\b|\btokeni[sz]/i, /\bdapps?\b/i, /\blayer[- ][12]\b/i, /\bdigital[- ]assets?\b/i, /\bsmart contracts?\b/i, /\bkrypto/i, /\bcryptomonnaie/i, /\bcripto/i]),
  industry('gambling', 'gambling', 'gambling', [/\bpokies\b/i, /\bcasinos?\b/i, /\bcasino(bolag|f[öo]retag|selskab)/i, /\bspel(bolag|f[öo]retag)/i, /\b(sports )?betting\b/i, /\bgambling\b/i, /\bsportsbooks?\b/i, /\bigaming\b/i, /\bpoker\b/i, /\bslot machines?\b|\bslots\b/i, /\bwager(s|ing)?\b/i, /\b(odds|bets) (and|&) (odds|bets)\b/i, /\blotter(y|ies)\b/i, /\bgl[üu]cksspiel|\bsportwetten|\bjeux d'argent|\bapuestas|\bkasyn|\bscommesse|\bgokken|\bcassinos?\b|\bapostas\b|\bbets\b|\bquota fixa\b|\bjogos? de azar|\bjuegos? de azar|\bfanta\w* (?:sports )?(?:apostas|betting)/i, /\broulette\b|\bblackjack\b|\blive[- ](?:dealer|casino)\b|\bhazardow\w*|\bbukmacher\w*|\bm[áa]quinas de premios\b|\btragamonedas\b/i]),
  industry('adtech', 'adtech', 'advertising technology', [/\bad[- ]?tech\b/i, /\bprogrammatic\b/i, /\bdemand-side platform\b/i, /\breal-time bidding\b/i, /\bad exchange\b/i, /\badvertising\b/i, /\bbid requests?\b/i, /\bimpressions? (is |are )?auctioned\b/i, /\b(ad|display|video) (and video )?inventory\b/i, /\bdemand-side partners?\b/i, /\bsupply-side platform\b/i, /\bad targeting\b/i]),
  industry('defense', 'defense', 'defense/military', [/\bdefen[cs]e (industry|contractor|company|applications?|sector|customers?)\b/i, /\bmilitary\b/i, /\bweapons?\b/i, /\bdual[- ]use\b/i, /\br[üu]stung|\bwehrtechni|\bverteidigung|\bwaffen|\bstreitkr[äa]fte|\bbundeswehr/i, /\barmed forces\b|\bforces arm[ée]es\b|\bfuerzas armadas\b|\bkrijgsmacht\b|\barmaments?\b|\bmunitions?\b|\bammunition\b/i, /\bdefensie|\bd[ée]fense\b|\bdefensa\b/i, /\bdod\b|\bsecurity clearance\b|\bts\/sci\b/i, /\b(secret|top secret|active|government|dv|sc) (security )?clearance\b|\bclearance (is )?required\b|\bclearable\b/i, /\bfirearms?\b|\bguns?\b/i]),
  industry('cannabis', 'cannabis', 'cannabis', [/\bcannabis\b/i, /\bmarijuana\b/i, /\bdispensar(y|ies)\b/i, /\bthc\b/i, /\bweed\b/i, /\bpre-?rolls?\b/i, /\bedibles\b/i, /\blicensed (cannabis )?producer\b/i]),
  // "No booze brands": beer, wine and spirits makers and sellers.
  industry('alcohol', 'alcohol', 'alcohol', [/\bbooze\b/i, /\balcohol(ic)?\b/i, /\bbrewer(y|ies)\b/i, /\bdistiller(y|ies)\b/i, /\bliquor\b/i, /\bspirits (brands?|company|group|producers?|portfolio)\b/i, /\bwiner(y|ies)\b/i, /\bcraft beer\b/i, /\bbrauerei|\bspirituosen|\bbrasseur|\bdistillerie|\bcervecer[ií]a|\bbrouwerij|\bbrowar|\bbirrificio/i]),
  // "No vape shops", "no tobacco brands": nicotine in any form.
  industry('tobacco', 'tobacco', 'tobacco/vaping', [/\btobacco\b/i, /\bcigar(ette)?s?\b/i, /\be-?cig(arette)?s?\b/i, /\be-?liquids?\b/i, /\bvap(e|es|ing|our|or)\b/i, /\bnicotine\b/i, /\bheated[- ]tobacco\b/i, /\btabak|\btabac|\btabaco|\bsigaret|\bpapieros/i, /\bsnus\b/i, /\bnikotin|\btobak/i]),
  // IT work billed to clients by the hour: "no MSPs".
  industry('managed-services', 'managed services (MSP)', 'managed IT services', [/\bmsps?\b/i, /\bmanaged (it )?services? providers?\b/i, /\bmanaged it services\b/i, /\bbillable (hours|utili[sz]ation)\b/i, /\butili[sz]ation targets?\b/i]),
  industry('consulting', 'consulting', 'consultancy/agency work', [/\bconsultanc(y|ies)\b/i, /\bconsulting\b/i, /\bclient (projects?|sites?)\b/i, /\boutsourcing\b/i, /\b(body[- ]?leasing|staff augmentation|outstaffing|team extension)\b/i, /\bembedded in the client['’]?s\b|\bjoin our client\b|\bcontracted by us\b|\bim kundenbetrieb\b|\bbei unseren kunden\b/i, /\bcliente nuestro\b|\bequipo [^.]{0,30}del cliente\b|\binstalaciones del cliente\b/i, /\b(digital|software) agency\b/i]),
  industry('public-sector', 'public sector', 'public-sector contracting', [/\bpublic[- ]sector\b/i, /\be-government\b/i, /\bgovernment agencies\b/i]),
  // "Not for betting or dating apps": an app for singles looking for relationships is one.
  industry('dating', 'dating apps', 'dating', [/\bdating\b/i, /\bsingles\b[^.]{0,40}\b(relationships?|matches|partners?|love)\b/i, /\bpartnersuche\b|\bsite de rencontres?\b|\bapp(s)? de citas\b|\bincontri\b/i]),
  industry('games', 'games', 'games', [/\bgames? studio\b/i, /\bvideo games?\b/i, /\b(online|co-op|console|pc) games?\b/i]),
  industry('fintech', 'fintech', 'financial technology', [/\bfintech\b/i, /\binvoicing\b/i, /\baccounts[- ]receivable\b/i, /\bbanking\b/i, /\bpayments? (platform|provider|infrastructure)\b/i]),
  industry('health', 'healthtech', 'healthcare', [/\bhealth ?tech\b/i, /\bhealthcare\b/i, /\btelehealth\b/i, /\bclinics?\b/i, /\bpatients?\b/i]),
  industry('climate', 'climate tech', 'climate/energy', [/\bclimate\b/i, /\benergy\b/i, /\bbattery storage\b/i, /\brenewables?\b/i, /\bgrid\b/i]),
  industry('logistics', 'logistics', 'logistics', [/\blogistics\b/i, /\bfreight\b/i, /\bshippers?\b/i, /\bsupply chain\b/i]),
  industry('ecommerce', 'e-commerce', 'e-commerce', [/\be-?commerce\b/i, /\bstorefronts?\b/i, /\bonline shops?\b/i]),
  industry('hr', 'HR tech', 'HR/payroll software', [/\bpayroll\b/i, /\bhr software\b/i, /\bhuman resources\b/i]),
  industry('devtools', 'developer tools', 'developer tooling', [/\bdeveloper tool(ing|s)\b/i, /\bci pipelines?\b/i, /\bdevtools\b/i]),
  industry('edtech', 'edtech', 'education', [/\bed ?tech\b/i, /\beducation(al)?\b/i, /\blearning platform\b/i]),
];

// Places. Regions: eu, europe (EU + UK, CH, NO …), uk, us, na, apac, latam, world.
export interface Place {
  country: string;
  region: 'eu' | 'uk' | 'europe' | 'us' | 'na' | 'apac' | 'latam' | 'other';
  patterns: readonly RegExp[];
}
const place = (country: string, region: Place['region'], patterns: RegExp[]): Place => ({ country, region, patterns });

export const PLACES: readonly Place[] = [
  place('Germany', 'eu', [/\bgermany\b/i, /\bdeutschland\b/i, /\b(berlin|munich|münchen|hamburg|frankfurt|cologne|köln|leipzig|stuttgart|düsseldorf|dusseldorf)\b/i]),
  place('Netherlands', 'eu', [/\bnetherlands\b/i, /\bholland\b/i, /\b(amsterdam|rotterdam|utrecht|the hague|eindhoven)\b/i]),
  place('France', 'eu', [/\bfrance\b/i, /\b(paris|lyon|marseille|toulouse)\b/i]),
  place('Spain', 'eu', [/\bspain\b/i, /\b(madrid|barcelona|valencia)\b/i]),
  place('Portugal', 'eu', [/\bportugal\b/i, /\b(lisbon|porto)\b/i]),
  place('Italy', 'eu', [/\bitaly\b/i, /\b(milan|rome|turin)\b/i]),
  place('Ireland', 'eu', [/\bireland\b/i, /\b(dublin|cork)\b/i]),
  place('Finland', 'eu', [/\bfinland\b/i, /\b(helsinki|espoo|tampere)\b/i]),
  place('Sweden', 'eu', [/\bsweden\b/i, /\b(stockholm|gothenburg|malmö)(?![\w\u00C0-\u024F])/i]),
  place('Denmark', 'eu', [/\bdenmark\b/i, /\b(copenhagen|københavn|aarhus|billund|odense)\b/i]),
  place('Poland', 'eu', [/\bpoland\b/i, /\b(warsaw|krakow|kraków|wroclaw|wrocław)\b/i]),
  place('Austria', 'eu', [/\baustria\b/i, /\bvienna\b/i]),
  place('Belgium', 'eu', [/\bbelgium\b/i, /\bbrussels\b/i]),
  place('Luxembourg', 'eu', [/\bluxembourg\b/i]),
  place('Czechia', 'eu', [/\bczech(ia| republic)\b/i, /\bprague\b/i]),
  place('Estonia', 'eu', [/\bestonia\b/i, /\btallinn\b/i]),
  place('Malta', 'eu', [/\bmalta\b/i, /\bvalletta\b/i]),
  place('Greece', 'eu', [/\bgreece\b/i, /\bathens\b/i]),
  place('Romania', 'eu', [/\bromania\b/i, /\b(bucharest|cluj(-napoca)?|timi[sș]oara|ia[sș]i)\b/i]),
  place('Switzerland', 'europe', [/\bswitzerland\b/i, /\b(zurich|zürich|geneva|basel)\b/i]),
  place('Norway', 'europe', [/\bnorway\b/i, /\boslo\b/i]),
  place('United Kingdom', 'uk', [/\bunited kingdom\b/i, /\buk\b/i, /\bengland\b/i, /\bscotland\b/i, /\b(london|manchester|edinburgh|bristol|cambridge)\b/i]),
  place('United States', 'us', [/\bunited states\b/i, /\busa?\b/i, /\bu\.s\./i, /\b(new york|nyc|san francisco|seattle|austin|boston|chicago|los angeles|denver)\b/i]),
  place('Canada', 'na', [/\bcanada\b/i, /\b(toronto|vancouver|montreal)\b/i]),
  place('India', 'apac', [/\bindia\b/i, /\b(bangalore|bengaluru|hyderabad|pune|mumbai|chennai|delhi|gurugram|gurgaon|noida)\b/i]),
  place('Singapore', 'apac', [/\bsingapore\b/i]),
  place('Australia', 'apac', [/\baustralia\b/i, /\b(sydney|melbourne|brisbane|perth|adelaide|canberra)\b/i, /\b(queensland|qld|new south wales|nsw|victoria|tasmania|western australia)\b/i]),
  place('New Zealand', 'apac', [/\bnew zealand\b/i, /\bnz\b/i, /\baotearoa\b/i, /\b(auckland|wellington|christchurch)\b/i]),
  place('Brazil', 'latam', [/\bbrazil\b/i, /\bsão paulo\b/i]),
  // The Gulf: "open for Dubai or Abu Dhabi only, not Saudi or Qatar".
  place('United Arab Emirates', 'other', [/\b(united arab emirates|uae)\b/i, /\b(dubai|abu dhabi|sharjah|ajman)\b/i]),
  place('Saudi Arabia', 'other', [/\b(saudi arabia|saudi|ksa)\b/i, /\b(riyadh|jeddah|dammam|tabuk|neom)\b/i]),
  place('Qatar', 'other', [/\bqatar\b/i, /\b(doha|lusail)\b/i]),
  place('Oman', 'other', [/\boman\b/i, /\bmuscat\b/i]),
  place('Kuwait', 'other', [/\bkuwait\b/i]),
  place('Bahrain', 'other', [/\bbahrain\b/i, /\bmanama\b/i]),
];

export const REGION_PATTERNS: readonly (readonly [Place['region'] | 'world', RegExp])[] = [
  ['eu', /\b(eu|european union)\b/i],
  ['europe', /\b(europe|emea|european time ?zones?|cet)\b/i],
  ['us', /\b(us only|us-based)\b/i],
  ['na', /\bnorth america\b/i],
  ['apac', /\bapac\b/i],
  ['latam', /\blatam\b/i],
  // "Anywhere in NL" is not the world.
  ['world', /\b(worldwide|anywhere(?!\s+(in|within|inside|across|from|on)\b)|global(ly)?)\b/i],
];

/** Fixed, approximate rates to compare salaries (the local provider is not a currency service). */
export const EUR_PER_UNIT: Record<string, number> = { EUR: 1, USD: 0.92, GBP: 1.17, CHF: 1.05, SEK: 0.088, DKK: 0.134, NOK: 0.086, PLN: 0.23, CAD: 0.68, AUD: 0.6, NZD: 0.55, CZK: 0.04, HUF: 0.0025, RON: 0.2, SGD: 0.69, INR: 0.011, AED: 0.25, SAR: 0.245, QAR: 0.25, OMR: 2.4, KWD: 3, BHD: 2.45, MXN: 0.05, BRL: 0.17, ARS: 0.001, PHP: 0.016, ZAR: 0.05, CLP: 0.001, COP: 0.00023, MAD: 0.092, KES: 0.0071, NGN: 0.0006, JPY: 0.0061, EGP: 0.019, PEN: 0.25, MYR: 0.2, VND: 0.000035, BDT: 0.0078, PKR: 0.0032, IDR: 0.000056, KRW: 0.00066 };
