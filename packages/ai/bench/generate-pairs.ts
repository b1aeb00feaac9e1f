// Generates varied postings and prompts from vocabularies and templates (seeded, so every run
// builds the same set). Two postings in three are drawn near a user's wishes (right role and
// language; seniority and location half the time; industry, salary, size and culture at
// random), the way a scraper that searches for users' terms finds them: those near-misses are
// what makes a pre-filter's job hard. The rest are drawn from the whole market.
import type { JobInput } from '../src/index';

export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll <= 0) return item;
  }
  return items[items.length - 1]![0];
}

type Family = 'backend' | 'frontend' | 'fullstack' | 'mobile' | 'data' | 'devops' | 'qa' | 'embedded' | 'management' | 'product' | 'design' | 'sales' | 'support';

interface Profile {
  family: Family;
  /** Languages the role is written in ([] for non-engineering roles). */
  languages: readonly string[];
  tools: readonly string[];
}

const STACKS: Record<Family, readonly Profile[]> = {
  backend: [
    { family: 'backend', languages: ['TypeScript', 'Node.js'], tools: ['PostgreSQL', 'Redis', 'Kafka'] },
    { family: 'backend', languages: ['Go'], tools: ['PostgreSQL', 'Kubernetes', 'gRPC'] },
    { family: 'backend', languages: ['Java'], tools: ['Spring Boot', 'Kafka', 'Oracle'] },
    { family: 'backend', languages: ['Python'], tools: ['Django', 'PostgreSQL', 'Celery'] },
    { family: 'backend', languages: ['Kotlin'], tools: ['PostgreSQL', 'AWS'] },
    { family: 'backend', languages: ['Ruby'], tools: ['Rails', 'MySQL', 'Sidekiq'] },
    { family: 'backend', languages: ['PHP'], tools: ['Laravel', 'MySQL'] },
    { family: 'backend', languages: ['C#'], tools: ['.NET', 'Azure', 'SQL Server'] },
    { family: 'backend', languages: ['Rust'], tools: ['PostgreSQL', 'Kafka'] },
    { family: 'backend', languages: ['Elixir'], tools: ['Phoenix', 'PostgreSQL'] },
    { family: 'backend', languages: ['Scala'], tools: ['Akka', 'Kafka'] },
  ],
  frontend: [
    { family: 'frontend', languages: ['TypeScript'], tools: ['React', 'Next.js', 'GraphQL'] },
    { family: 'frontend', languages: ['JavaScript'], tools: ['Vue', 'CSS'] },
    { family: 'frontend', languages: ['TypeScript'], tools: ['Angular', 'RxJS'] },
  ],
  fullstack: [
    { family: 'fullstack', languages: ['TypeScript', 'Node.js'], tools: ['React', 'PostgreSQL'] },
    { family: 'fullstack', languages: ['Python'], tools: ['Django', 'React'] },
    { family: 'fullstack', languages: ['Ruby'], tools: ['Rails', 'React'] },
  ],
  mobile: [
    { family: 'mobile', languages: ['Swift'], tools: ['SwiftUI', 'iOS'] },
    { family: 'mobile', languages: ['Kotlin'], tools: ['Android', 'Jetpack Compose'] },
    { family: 'mobile', languages: ['Dart'], tools: ['Flutter'] },
    { family: 'mobile', languages: ['TypeScript'], tools: ['React Native'] },
  ],
  data: [
    { family: 'data', languages: ['Python'], tools: ['Spark', 'Airflow', 'dbt'] },
    { family: 'data', languages: ['Python'], tools: ['PyTorch', 'SQL'] },
    { family: 'data', languages: ['Scala'], tools: ['Spark', 'Kafka'] },
  ],
  devops: [
    { family: 'devops', languages: ['Go', 'Python'], tools: ['Kubernetes', 'Terraform', 'AWS'] },
    { family: 'devops', languages: ['Python'], tools: ['Terraform', 'GCP', 'Docker'] },
  ],
  qa: [{ family: 'qa', languages: ['TypeScript'], tools: ['Playwright', 'Cypress'] }, { family: 'qa', languages: ['Java'], tools: ['Selenium'] }],
  embedded: [{ family: 'embedded', languages: ['C++'], tools: ['RTOS', 'Linux'] }, { family: 'embedded', languages: ['Rust'], tools: ['embedded Linux'] }],
  management: [{ family: 'management', languages: [], tools: [] }],
  product: [{ family: 'product', languages: [], tools: [] }],
  design: [{ family: 'design', languages: [], tools: ['Figma'] }],
  sales: [{ family: 'sales', languages: [], tools: ['Salesforce'] }],
  support: [{ family: 'support', languages: [], tools: ['Zendesk'] }],
};

const FAMILY_WEIGHTS: readonly (readonly [Family, number])[] = [
  ['backend', 24], ['frontend', 14], ['fullstack', 9], ['mobile', 7], ['data', 10], ['devops', 7], ['qa', 4],
  ['embedded', 3], ['management', 5], ['product', 5], ['design', 4], ['sales', 5], ['support', 3],
];

const TITLE_WORDS: Record<Family, readonly string[]> = {
  backend: ['Backend Engineer', 'Backend Developer', 'Software Engineer, Backend', 'Platform Engineer', 'Server Engineer'],
  frontend: ['Frontend Engineer', 'Frontend Developer', 'UI Engineer'],
  fullstack: ['Full-Stack Engineer', 'Full Stack Developer'],
  mobile: ['Mobile Engineer', 'iOS Developer', 'Android Engineer'],
  data: ['Data Engineer', 'Data Scientist', 'Machine Learning Engineer', 'Analytics Engineer'],
  devops: ['DevOps Engineer', 'Site Reliability Engineer', 'Cloud Engineer'],
  qa: ['QA Engineer', 'Test Automation Engineer'],
  embedded: ['Embedded Software Engineer', 'Firmware Engineer'],
  management: ['Engineering Manager', 'Head of Engineering'],
  product: ['Product Manager', 'Product Owner'],
  design: ['Product Designer', 'UX Designer'],
  sales: ['Account Executive', 'Sales Development Representative', 'Account Manager'],
  support: ['Customer Support Specialist', 'Customer Success Manager'],
};

interface Industry {
  id: string;
  about: string;
  weight: number;
}
const INDUSTRY_LIST: readonly Industry[] = [
  { id: 'fintech', about: 'builds invoicing and accounting software for small businesses', weight: 10 },
  { id: 'health', about: 'builds scheduling and telehealth software for clinics and their patients', weight: 8 },
  { id: 'climate', about: 'builds software that helps energy companies run battery storage and renewables', weight: 7 },
  { id: 'logistics', about: 'gives shippers real-time freight visibility and carrier management', weight: 7 },
  { id: 'ecommerce', about: 'runs an e-commerce platform with storefronts and checkout for independent retailers', weight: 8 },
  { id: 'hr', about: 'makes payroll and HR software for mid-sized companies', weight: 6 },
  { id: 'devtools', about: 'makes developer tooling that speeds up CI pipelines', weight: 6 },
  { id: 'edtech', about: 'runs a learning platform for schools and universities', weight: 5 },
  { id: 'saas', about: 'builds project planning software for construction teams', weight: 8 },
  { id: 'consulting', about: 'is an IT consultancy delivering client projects for banks and insurers', weight: 7 },
  { id: 'public-sector', about: 'is a public-sector contractor building e-government services', weight: 3 },
  { id: 'games', about: 'is a games studio making online co-op games for PC and consoles', weight: 4 },
  { id: 'crypto', about: 'operates a crypto exchange and wallet for retail and institutional traders', weight: 5 },
  { id: 'gambling', about: 'runs an online casino and sports betting platform', weight: 3 },
  { id: 'adtech', about: 'runs a programmatic advertising platform (real-time bidding) for agencies', weight: 4 },
  { id: 'defense', about: 'builds software for the defense industry and military customers', weight: 2 },
];

const EU_CITIES = [
  ['Berlin', 'Germany'], ['Munich', 'Germany'], ['Hamburg', 'Germany'], ['Amsterdam', 'Netherlands'], ['Paris', 'France'],
  ['Madrid', 'Spain'], ['Barcelona', 'Spain'], ['Lisbon', 'Portugal'], ['Dublin', 'Ireland'], ['Helsinki', 'Finland'],
  ['Stockholm', 'Sweden'], ['Warsaw', 'Poland'], ['Vienna', 'Austria'], ['Copenhagen', 'Denmark'], ['Prague', 'Czechia'],
] as const;
const US_CITIES = ['New York', 'San Francisco', 'Austin', 'Seattle', 'Boston'] as const;
const COUNTRIES = ['Germany', 'Netherlands', 'Spain', 'Poland', 'Portugal', 'France'] as const;
const SYLLABLES = ['led', 'volt', 'stack', 'care', 'mint', 'freight', 'loop', 'till', 'box', 'quell', 'nova', 'vant', 'ora', 'grid', 'wise', 'tern', 'lumen', 'pax', 'orbit', 'kite'];

const SENIORITY_WORDS = ['Intern', 'Junior', '', 'Senior', 'Staff'] as const;
const YEARS = ['0-1', '1-2', '2-4', '5+', '8+'] as const;
const BASE_SALARY = [0, 48_000, 64_000, 86_000, 110_000];

interface Posting extends JobInput {
  family: Family;
}

function companyName(random: Random): string {
  const name = pick(random, SYLLABLES) + pick(random, SYLLABLES);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** One posting; `near` fixes role and stack to a user's wishes. */
export function generatePosting(random: Random, near?: { family: Family; languages: readonly string[]; level: number; where: string }): Posting {
  const family = near?.family ?? weighted(random, FAMILY_WEIGHTS);
  const stacks = STACKS[family];
  const profile = near ? (stacks.find((stack) => stack.languages.some((l) => near.languages.includes(l))) ?? pick(random, stacks)) : pick(random, stacks);
  const level = near && random() < 0.5 ? near.level : weighted(random, [[0, 4], [1, 12], [2, 32], [3, 40], [4, 12]] as const);
  const titleSeniority = random() < 0.75 ? SENIORITY_WORDS[level] : '';
  const languageInTitle = profile.languages.length > 0 && random() < 0.5 ? ` (${profile.languages[0]})` : '';
  const title = `${titleSeniority ? `${titleSeniority} ` : ''}${pick(random, TITLE_WORDS[family])}${languageInTitle}`.trim();
  const industry = weighted(random, INDUSTRY_LIST.map((item) => [item, item.weight] as const));
  const company = companyName(random);
  const size = Math.round(Math.exp(Math.log(15) + random() * (Math.log(25_000) - Math.log(15))));
  const funding = pick(random, ['Series A', 'Series B', 'Series C', 'bootstrapped and profitable', 'publicly listed', 'privately owned']);

  const nearWhere = near && random() < 0.5 ? ({ 'remote-eu': 'remote-eu', remote: 'remote-world', 'hybrid-city': 'hybrid-eu', 'remote-country': 'remote-country', us: 'remote-us', london: 'london' } as Record<string, string>)[near.where] : undefined;
  const where = (nearWhere as 'remote-eu' | undefined) ?? weighted(random, [
    ['remote-eu', 30], ['remote-country', 9], ['remote-us', 8], ['remote-world', 5], ['hybrid-eu', 22], ['onsite-eu', 12], ['london', 5], ['us-office', 9],
  ] as const);
  const city = pick(random, EU_CITIES);
  const country = pick(random, COUNTRIES);
  const [location, remote, locationLine] = {
    'remote-eu': ['Remote (EU)', true, 'Remote from anywhere in the EU'],
    'remote-country': [`Remote (${country})`, true, `Remote, but you must live in ${country}`],
    'remote-us': ['Remote (US only)', true, 'Remote within the United States only'],
    'remote-world': ['Remote (Worldwide)', true, 'Remote from anywhere in the world'],
    'hybrid-eu': [`${city[0]}, ${city[1]}`, false, `Hybrid in ${city[0]}, ${city[1]}: ${pick(random, ['two', 'three'])} days per week in the office`],
    'onsite-eu': [`${city[0]}, ${city[1]}`, false, `On-site in ${city[0]}, ${city[1]}, ${pick(random, ['four', 'five'])} days per week`],
    london: ['London, United Kingdom', false, 'Hybrid in London, United Kingdom: three days per week in the office'],
    'us-office': [`${pick(random, US_CITIES)}, USA`, false, 'On-site in our US office four days per week'],
  }[where] as [string, boolean, string];

  const employmentType = level === 0 ? 'internship' : random() < 0.08 ? 'contract' : random() < 0.04 ? 'part_time' : 'full_time';
  const us = where === 'remote-us' || where === 'us-office';
  const currency = us ? 'USD' : where === 'london' ? 'GBP' : 'EUR';
  const base = BASE_SALARY[level]! * (us ? 1.6 : where === 'london' ? 0.85 : 1) * (0.8 + random() * 0.45);
  const published = random() < 0.7;
  const salary =
    level === 0
      ? { salaryMin: 1_800, salaryMax: 2_200, salaryCurrency: 'EUR', salaryPeriod: 'month' as const }
      : employmentType === 'contract'
        ? { salaryMin: Math.round(base / 1_500), salaryMax: Math.round(base / 1_250), salaryCurrency: currency, salaryPeriod: 'hour' as const }
        : { salaryMin: Math.round(base / 1000) * 1000, salaryMax: Math.round((base * 1.2) / 1000) * 1000, salaryCurrency: currency, salaryPeriod: 'year' as const };

  const stackLine = profile.languages.length > 0 ? `- Build and run ${family} systems in ${profile.languages.join(' and ')} with ${profile.tools.join(', ')}` : `- Work with ${profile.tools.join(', ') || 'our product and engineering teams'}`;
  const culture: string[] = [];
  if (random() < 0.6) culture.push('- Every change is code reviewed by a teammate');
  const onCall = random();
  if (onCall < 0.4) culture.push(`- Share on-call with the whole team: one week in ${pick(random, ['six', 'eight', 'ten'])}, paid`);
  else if (onCall < 0.5) culture.push('- Be on call one week in three for our 24/7 platform');
  if (random() < 0.05) culture.push('- Expect crunch before big launches');
  const description = [
    `${company} ${industry.about}. We are about ${size.toLocaleString('en-GB')} people, ${funding}.`,
    '',
    "What you'll do:",
    stackLine,
    ...culture,
    '',
    'What we look for:',
    level === 0 ? '- A student looking for an internship' : `- ${SENIORITY_WORDS[level] || 'Mid-level'} ${family === 'management' ? 'manager' : 'engineer'} with ${YEARS[level]} years of experience`,
    `- ${locationLine}`,
    '',
    published && salary.salaryPeriod === 'year' ? `Compensation: a competitive package and stock options.` : 'Compensation: competitive.',
  ].join('\n');
  return {
    family,
    title,
    company,
    location,
    remote,
    ...(published || level === 0 ? salary : {}),
    employmentType,
    description,
  };
}

export interface GeneratedPrompt {
  prompt: string;
  threshold: number;
  family: Family;
  languages: readonly string[];
  level: number;
  where: string;
}

const PROMPT_ROLE: Partial<Record<Family, readonly string[]>> = {
  backend: ['backend engineer', 'backend developer', 'server-side engineer'],
  frontend: ['frontend engineer', 'frontend developer'],
  fullstack: ['full-stack engineer', 'full stack developer'],
  mobile: ['mobile developer', 'iOS developer', 'Android engineer'],
  data: ['data engineer', 'data scientist', 'machine learning engineer'],
  devops: ['DevOps engineer', 'site reliability engineer'],
  qa: ['QA engineer', 'test automation engineer'],
  management: ['engineering manager'],
  product: ['product manager'],
  design: ['product designer'],
};

export function generatePrompt(random: Random): GeneratedPrompt {
  const family = weighted(random, [['backend', 30], ['frontend', 14], ['fullstack', 10], ['mobile', 7], ['data', 12], ['devops', 8], ['qa', 3], ['management', 6], ['product', 6], ['design', 4]] as const);
  const profile = pick(random, STACKS[family]);
  const languages = profile.languages.length > 0 ? (random() < 0.35 ? [...new Set([profile.languages[0]!, pick(random, STACKS[family])[`languages`][0] ?? profile.languages[0]!])] : [profile.languages[0]!]) : [];
  const level = weighted(random, [[1, 10], [2, 25], [3, 50], [4, 15]] as const);
  const parts: string[] = [`${SENIORITY_WORDS[level] || 'Mid-level'} ${pick(random, PROMPT_ROLE[family]!)}`];
  if (languages.length > 0) parts.push(languages.join(' or '));
  const where = weighted(random, [['remote-eu', 40], ['remote', 15], ['hybrid-city', 15], ['remote-country', 10], ['any', 10], ['us', 5], ['london', 5]] as const);
  const city = pick(random, EU_CITIES);
  parts.push(
    {
      'remote-eu': 'remote within the EU',
      remote: 'fully remote',
      'hybrid-city': `remote or hybrid in ${city[0]}`,
      'remote-country': `remote in ${pick(random, COUNTRIES)}`,
      any: 'location flexible, happy to relocate',
      us: 'remote in the US',
      london: 'hybrid or on-site in London',
    }[where],
  );
  const sentences = [parts.join(', ') + '.'];
  if (random() < 0.5) {
    const minimum = Math.round((BASE_SALARY[level]! * (0.85 + random() * 0.35) * (where === 'us' ? 1.6 : 1)) / 5000) * 5;
    sentences.push(where === 'us' ? `Salary at least $${minimum}k.` : `Salary at least €${minimum}k.`);
  }
  if (random() < 0.35) sentences.push(`Product company under ${pick(random, [50, 200, 500, 1000])} people.`);
  if (random() < 0.3) sentences.push('I care about code review and on-call that is shared fairly.');
  if (random() < 0.15) sentences.push(`Ideally in ${pick(random, ['climate tech', 'healthcare', 'fintech', 'logistics', 'education'])}.`);
  const negatives = ['no crypto', 'no gambling', 'no adtech', 'no defense', 'no consultancies', 'no Java', 'no PHP'].filter(() => random() < 0.22);
  if (negatives.length > 0) sentences.push(`${negatives.join(', ').replace(/^n/, 'N')}.`);
  const threshold = weighted(random, [[60, 15], [70, 55], [75, 15], [80, 15]] as const);
  return { prompt: sentences.join(' '), threshold, family, languages, level, where };
}

/** `jobs` postings (two in three drawn near a prompt's wishes) and `prompts` prompts. */
export function generateSet(seed: number, jobs: number, prompts: number): { postings: Posting[]; prompts: GeneratedPrompt[] } {
  const random = rng(seed);
  const promptList = Array.from({ length: prompts }, () => generatePrompt(random));
  const postings = Array.from({ length: jobs }, (_, index) => {
    if (index % 3 !== 0) {
      const wish = pick(random, promptList);
      return generatePosting(random, wish);
    }
    return generatePosting(random);
  });
  return { postings, prompts: promptList };
}
