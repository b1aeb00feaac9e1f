import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { ParsedCompanyResearchInput } from '../inputs';
import { newBoundary, truncate, untrustedBlock, untrustedRules } from './untrusted';

export const COMPANY_PROMPT_VERSION = 'company-v1';

/** `companyInfoSchema`'s fields without the length bounds strict structured outputs reject. */
export const companyAnswerSchema = z.object({
  size: z.string().describe('headcount or range, e.g. "51-200 employees", or "unknown"'),
  culture: z.string().describe('how the team works, from the postings'),
  funding: z.string().describe('stage and investors, "public", "bootstrapped" or "unknown"'),
  tech_stack: z.array(z.string()).max(30),
  red_flags: z.array(z.string()).max(10),
  green_flags: z.array(z.string()).max(10),
  summary: z.string().describe('3-5 sentences: what the company does and what it is like to work there'),
});

export function companyMessages(input: ParsedCompanyResearchInput): ChatCompletionMessageParam[] {
  const boundary = newBoundary();
  // Each posting gets an equal share of a bounded prompt.
  const share = Math.max(1_000, Math.floor(16_000 / Math.max(1, input.postings.length)));
  const postings = input.postings.map((posting, index) =>
    untrustedBlock(
      boundary,
      `posting ${index + 1}`,
      JSON.stringify({ title: posting.title, location: posting.location ?? null, remote: posting.remote ?? null, description: truncate(posting.description, share) }, null, 1),
    ),
  );
  const system = [
    "You are JobPing's company researcher. You describe one hiring company for job seekers.",
    untrustedRules(boundary),
    'Use the postings and what you reliably know about the company. Never guess: write "unknown" for size or funding you cannot support, and leave lists empty rather than invent items.',
    'red_flags: things a job seeker would want to know before applying (for example crunch, heavy on-call, no salary ranges, controversial industry). green_flags: the opposite.',
    'Answer with JSON only, in the given schema.',
  ].join('\n');
  const user = [
    `Company: ${JSON.stringify(input.name)}${input.website ? `, website ${JSON.stringify(input.website)}` : ''}`,
    postings.length > 0 ? postings.join('\n\n') : 'No postings available.',
  ].join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}
