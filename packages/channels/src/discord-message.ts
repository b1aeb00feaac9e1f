import type { MatchAnalysis } from '@jobping/contracts';
import type { EmbedField, MessageInput } from '@jobping/discord';

export interface NotificationContent {
  jobTitle: string;
  company: string;
  jobUrl: string;
  location: string | null;
  remote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: string | null;
  score: number;
  analysis: MatchAnalysis;
}

const GREEN = 0x2ecc71;
const LIME = 0x9acd32;
const AMBER = 0xf1c40f;
const ORANGE = 0xe67e22;

/** Colour by score: the greener, the better the fit. */
export function colorForScore(score: number): number {
  if (score >= 85) return GREEN;
  if (score >= 70) return LIME;
  if (score >= 50) return AMBER;
  return ORANGE;
}

const RECOMMENDATION: Record<MatchAnalysis['recommendation'], string> = { apply: 'Apply', consider: 'Consider', skip: 'Skip' };

export function formatSalary(c: Pick<NotificationContent, 'salaryMin' | 'salaryMax' | 'salaryCurrency' | 'salaryPeriod'>): string | null {
  if (c.salaryMin === null && c.salaryMax === null) return null;
  const amount = (value: number) => {
    if (c.salaryCurrency && /^[A-Z]{3}$/.test(c.salaryCurrency)) {
      try {
        return new Intl.NumberFormat('en-GB', { style: 'currency', currency: c.salaryCurrency, maximumFractionDigits: 0 }).format(value);
      } catch {
        // an unknown currency code: fall through
      }
    }
    return `${new Intl.NumberFormat('en-GB').format(value)}${c.salaryCurrency ? ` ${c.salaryCurrency}` : ''}`;
  };
  const range =
    c.salaryMin !== null && c.salaryMax !== null && c.salaryMin !== c.salaryMax
      ? `${amount(c.salaryMin)}–${amount(c.salaryMax)}`
      : amount((c.salaryMax ?? c.salaryMin) as number);
  return c.salaryPeriod ? `${range} per ${c.salaryPeriod}` : range;
}

const bullets = (items: readonly string[], max: number) =>
  items
    .slice(0, max)
    .map((item) => `• ${item}`)
    .join('\n');

/** The Discord message of one match; `buildMessage` (packages/discord) clamps it to Discord's limits. */
export function notificationMessage(c: NotificationContent): MessageInput {
  const fields: EmbedField[] = [
    { name: 'Score', value: `${c.score}/100`, inline: true },
    { name: 'Recommendation', value: RECOMMENDATION[c.analysis.recommendation], inline: true },
  ];
  const location = [c.location, c.remote && !/remote/i.test(c.location ?? '') ? 'Remote' : null].filter(Boolean).join(' · ');
  if (location) fields.push({ name: 'Location', value: location, inline: true });
  const salary = formatSalary(c);
  if (salary) fields.push({ name: 'Salary', value: salary, inline: true });
  if (c.analysis.pros.length > 0) fields.push({ name: 'Pros', value: bullets(c.analysis.pros, 3) });
  if (c.analysis.cons.length > 0) fields.push({ name: 'Cons', value: bullets(c.analysis.cons, 3) });
  return {
    username: 'JobPing',
    embeds: [
      {
        title: `${c.jobTitle} at ${c.company}`,
        url: c.jobUrl,
        description: c.analysis.explanation,
        color: colorForScore(c.score),
        fields,
        footer: 'JobPing match',
        timestamp: new Date(),
      },
    ],
  };
}
