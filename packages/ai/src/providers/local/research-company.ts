import type { CompanyInfo } from '@jobping/contracts';
import type { ParsedCompanyResearchInput } from '../../inputs';
import { extractJobSignals, type JobSignals } from './job-signals';
import { clip, findSentence, firstParagraph, firstSentence, listing } from './text';
import { INDUSTRIES } from './vocabulary';

const FUNDING: readonly (readonly [RegExp, (match: RegExpExecArray) => string])[] = [
  [/\bseries ([a-f])\b/i, (m) => `Series ${(m[1] ?? '').toUpperCase()}`],
  [/\bseed[- ](funded|stage|round)\b/i, () => 'seed stage'],
  [/\b(publicly (listed|traded)|listed on the|public company)\b/i, () => 'public'],
  [/\bbootstrapped\b/i, () => 'bootstrapped'],
  [/\bgrowth[- ]equity\b/i, () => 'growth equity'],
  [/\blate[- ]stage venture\b/i, () => 'late-stage venture'],
  [/\bprofitable and privately owned\b|\bprivately owned\b/i, () => 'privately owned'],
];

function fundingOf(text: string): string {
  const found: string[] = [];
  for (const [pattern, describe] of FUNDING) {
    const match = pattern.exec(text);
    if (match) found.push(describe(match));
  }
  if (/\bprofitable\b/i.test(text)) found.push('profitable');
  return found.length > 0 ? [...new Set(found)].slice(0, 2).join(', ') : 'unknown';
}

function share(count: number, total: number): string {
  return count === total ? (total === 1 ? 'the posting' : `all ${total} postings`) : `${count} of ${total} postings`;
}

/**
 * Company info from the company's own postings: size and funding as they state them, the
 * technologies they name, and flags a job seeker would care about. Nothing is invented:
 * what no posting says is "unknown".
 */
export function researchCompanyLocally(input: ParsedCompanyResearchInput): CompanyInfo {
  const postings = input.postings;
  const signals: JobSignals[] = postings.map((posting) => extractJobSignals(posting));
  const allText = postings.map((posting) => posting.description).join('\n\n');
  const total = postings.length;

  const sizeSignal = signals.find((signal) => signal.companySizeText !== null);
  const size = sizeSignal?.companySizeText ? clip(sizeSignal.companySizeText, 200) : 'unknown';

  const skillCounts = new Map<string, number>();
  for (const signal of signals) for (const skill of signal.skills) skillCounts.set(skill.label, (skillCounts.get(skill.label) ?? 0) + 1);
  const techStack = [...skillCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 20)
    .map(([label]) => label);

  const industries = INDUSTRIES.filter((term) => signals.some((signal) => signal.industries.some((i) => i.id === term.id)));
  const remote = signals.filter((signal) => signal.mode === 'remote').length;
  const codeReview = signals.filter((signal) => signal.codeReview).length;
  const fairOnCall = signals.filter((signal) => signal.onCall?.fair);
  const heavyOnCall = signals.filter((signal) => signal.onCall?.heavy);
  const withSalary = signals.filter((signal) => signal.salary).length;
  const crunch = signals.find((signal) => signal.crunch);
  const learning = findSentence(allText, /\b(learning|training|conference) budget\b/i);
  const leave = /\b(\d{2}) days of (paid )?(leave|vacation|holiday)/i.exec(allText);
  const remoteFirst = /\bremote[- ]first\b/i.test(allText);
  const officeHeavy = signals.filter((signal) => signal.mode !== 'remote' && (signal.officeDays ?? 0) >= 4).length;

  const cultureParts: string[] = [];
  if (remoteFirst) cultureParts.push('describes itself as remote-first');
  if (total > 0) cultureParts.push(`${share(remote, total)} ${remote === 1 && total === 1 ? 'is' : 'are'} remote`);
  if (codeReview > 0) cultureParts.push(`code review is mentioned in ${share(codeReview, total)}`);
  if (fairOnCall.length > 0) cultureParts.push(`on-call is a shared rotation (${clip(fairOnCall[0]!.onCall!.text, 120)})`);
  if (leave) cultureParts.push(`${leave[1]} days of leave`);
  const culture =
    cultureParts.length > 0
      ? clip(`From its postings: ${cultureParts.join('; ')}.`, 1_000)
      : 'The postings say little about how the team works.';

  const greenFlags: string[] = [];
  if (total > 0 && withSalary === total) greenFlags.push(`Publishes a salary range in ${share(withSalary, total)}`);
  else if (withSalary > 0) greenFlags.push(`Publishes a salary range in ${share(withSalary, total)}`);
  if (remoteFirst) greenFlags.push('Remote-first');
  if (codeReview > 0) greenFlags.push('Code review is part of the process');
  if (fairOnCall.length > 0) greenFlags.push(`On-call shared fairly: ${clip(fairOnCall[0]!.onCall!.text, 200)}`);
  if (learning) greenFlags.push(`Learning budget: ${clip(learning, 200)}`);

  const redFlags: string[] = [];
  for (const industry of industries.filter((term) => ['crypto', 'gambling', 'adtech', 'defense'].includes(term.id))) {
    redFlags.push(`Works in ${industry.noun}, which many candidates rule out`);
  }
  if (heavyOnCall.length > 0) redFlags.push(`Heavy on-call: ${clip(heavyOnCall[0]!.onCall!.text, 200)}`);
  if (crunch?.crunch) redFlags.push(`Mentions long hours: ${clip(crunch.crunch, 200)}`);
  if (total > 0 && withSalary === 0) redFlags.push(`No salary range in ${share(total, total)}`);
  if (officeHeavy > 0) redFlags.push(`Office four or more days a week in ${share(officeHeavy, total)}`);

  const about = postings.map((posting) => firstSentence(firstParagraph(posting.description))).find((sentence) => sentence.length > 20);
  const titles = [...new Set(postings.map((posting) => posting.title))];
  const summaryParts = [
    about ? clip(about, 400) : `${input.name}: no company description in the postings.`,
    industries.length > 0 ? `Industry: ${listing(industries.map((term) => term.label))}.` : '',
    total > 0 ? `Hiring for ${total} role${total === 1 ? '' : 's'}: ${clip(titles.join('; '), 600)}.` : 'No postings to learn from.',
    'Summarised by JobPing from the postings only.',
  ];
  return {
    size,
    culture,
    funding: fundingOf(allText),
    tech_stack: techStack.slice(0, 30),
    red_flags: redFlags.slice(0, 10).map((flag) => clip(flag, 300)),
    green_flags: greenFlags.slice(0, 10).map((flag) => clip(flag, 300)),
    summary: clip(summaryParts.filter(Boolean).join(' '), 2_000),
  };
}
