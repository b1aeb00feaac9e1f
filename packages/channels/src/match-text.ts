import { formatSalary, type NotificationContent } from './discord-message';

const RECOMMENDATION = { apply: 'Apply', consider: 'Consider', skip: 'Skip' } as const;

/** The facts of a match as labelled lines, shared by the e-mail, Telegram and Slack renderings. */
export interface MatchSummary {
  title: string;
  url: string;
  facts: { label: string; value: string }[];
  explanation: string;
  pros: string[];
  cons: string[];
}

export function summarizeMatch(c: NotificationContent): MatchSummary {
  const facts = [
    { label: 'Score', value: `${c.score}/100` },
    { label: 'Recommendation', value: RECOMMENDATION[c.analysis.recommendation] },
  ];
  const location = [c.location, c.remote && !/remote/i.test(c.location ?? '') ? 'Remote' : null].filter(Boolean).join(' · ');
  if (location) facts.push({ label: 'Location', value: location });
  const salary = formatSalary(c);
  if (salary) facts.push({ label: 'Salary', value: salary });
  return {
    title: `${c.jobTitle} at ${c.company}`,
    url: c.jobUrl,
    facts,
    explanation: c.analysis.explanation,
    pros: c.analysis.pros.slice(0, 3),
    cons: c.analysis.cons.slice(0, 3),
  };
}

/** Plain text lines of a match (Telegram without parse mode: nothing in it is markup). */
export function matchPlainText(c: NotificationContent): string {
  const s = summarizeMatch(c);
  return [
    s.title,
    s.facts.map((f) => `${f.label}: ${f.value}`).join('\n'),
    s.explanation,
    s.pros.length ? `Pros:\n${s.pros.map((p) => `+ ${p}`).join('\n')}` : '',
    s.cons.length ? `Cons:\n${s.cons.map((p) => `- ${p}`).join('\n')}` : '',
    s.url,
  ]
    .filter(Boolean)
    .join('\n\n');
}
