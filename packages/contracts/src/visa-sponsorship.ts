import { z } from 'zod';

/**
 * Whether a posting sponsors a work visa, as its text says: the one reader of it in JobPing,
 * run once when a job is stored. `unknown` when the text says nothing — most postings — so a
 * user who needs sponsorship decides whether silence is enough.
 */
export const visaSponsorships = ['offered', 'not_offered', 'unknown'] as const;
export type VisaSponsorship = (typeof visaSponsorships)[number];
export const visaSponsorshipSchema = z.enum(visaSponsorships, { error: `one of ${visaSponsorships.join(', ')}` });

const VISA = String.raw`(?:visa|work permit|sponsorship|sponsor|h-?1b|skilled worker|blue card|blaue karte|arbeitserlaubnis|visum|titre de séjour)`;

/**
 * Refusals, read first: a posting that says both ("we sponsor visas for engineers; this role is
 * unable to offer sponsorship") means this role does not.
 */
const NOT_OFFERED: readonly RegExp[] = [
  /\b(?:unable|not able|cannot|can ?not|can['’]t|won['’]t|will not|do not|don['’]t|does not|doesn['’]t|are not in a position to)\s+(?:currently\s+)?(?:to\s+)?(?:offer|provide|support|sponsor|consider)\b[^.;\n]{0,60}?\b(?:visa|sponsor|work permit|immigration)/i,
  /\b(?:no|without)\s+(?:the need (?:for|of)\s+)?(?:visa\s+|immigration\s+)?(?:sponsorship|sponsoring|visa support)\b/i,
  /\b(?:sponsorship|visa sponsorship|visa support) (?:is|are)\s+(?:not|unfortunately not)\s+(?:available|offered|possible|provided)\b/i,
  /\bnot\s+(?:eligible|available)\s+for\s+(?:visa\s+)?sponsorship\b/i,
  /\b(?:must|need to|required to)\s+(?:already\s+)?(?:have|hold|possess)\s+(?:the\s+|a\s+)?(?:full\s+|existing\s+|valid\s+|current\s+)?(?:right to work|work(?:ing)? rights|work authori[sz]ation|work permit)\b/i,
  /\b(?:must|need to) be (?:legally )?(?:authori[sz]ed|eligible|entitled) to work\b[^.;\n]{0,80}?\b(?:without|no)\b[^.;\n]{0,20}?\bsponsor/i,
  /\bkein(?:e|en)?\s+(?:visa|visum)[- ]?(?:sponsoring|unterstützung)\b/i,
  /\b(?:nous ne (?:pouvons|sommes) pas|pas de)\s+[^.;\n]{0,40}?(?:visa|sponsor|titre de séjour)/i,
];

const OFFERED: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:we|the company|employer)\s+(?:will|can|do|does|are able to|is able to|happily|gladly)?\s*(?:sponsor|support|offer|provide|assist with|help with)\s+(?:your\s+|the\s+|a\s+)?${VISA}`, 'i'),
  new RegExp(String.raw`\b${VISA}\s+(?:sponsorship|support|assistance)?\s*(?:is|are)?\s*(?:available|offered|provided|possible|included)\b`, 'i'),
  /\b(?:visa|relocation and visa|visa and relocation)\s+(?:sponsorship|support|assistance)\b(?![^.;\n]{0,30}\bnot\b)/i,
  /\bsponsorship (?:for|of) (?:work )?visas?\b/i,
  /\b(?:open to|welcome)\s+(?:candidates|applicants)?\s*(?:who|that)?\s*(?:need|require)\s+(?:visa\s+)?sponsorship\b/i,
  /\b(?:visum|visa)[- ]?(?:unterstützung|sponsoring)\b/i,
  /\bblaue karte\b|\bblue card\b/i,
];

/** What a posting says about visa sponsorship. */
export function parseVisaSponsorship(text: string): VisaSponsorship {
  if (NOT_OFFERED.some((pattern) => pattern.test(text))) return 'not_offered';
  if (OFFERED.some((pattern) => pattern.test(text))) return 'offered';
  return 'unknown';
}
