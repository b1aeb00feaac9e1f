import { describe, expect, it } from '@jest/globals';
import { parseVisaSponsorship, type VisaSponsorship } from '../src/index';

// Sentences as postings write them, and what they say about sponsorship.
const table: [string, VisaSponsorship][] = [
  ['We are unable to sponsor visas for this position.', 'not_offered'],
  ['Unfortunately we cannot offer visa sponsorship.', 'not_offered'],
  ["We can't sponsor work permits at this time.", 'not_offered'],
  ['We do not currently sponsor visas.', 'not_offered'],
  ['No visa sponsorship is available for this role.', 'not_offered'],
  ['Candidates must have the right to work in the UK.', 'not_offered'],
  ['You must be authorized to work in the US without the need for sponsorship.', 'not_offered'],
  ['Sponsorship is not available for this role.', 'not_offered'],
  ['This role is not eligible for visa sponsorship.', 'not_offered'],
  ['Applicants must hold a valid work permit for Switzerland.', 'not_offered'],
  ['Leider bieten wir kein Visa-Sponsoring an.', 'not_offered'],
  ['We sponsor visas for engineers, but this role is unable to offer sponsorship.', 'not_offered'],
  ['Visa sponsorship is available.', 'offered'],
  ['We will sponsor your visa and help you relocate.', 'offered'],
  ['Relocation and visa support provided.', 'offered'],
  ['We offer visa sponsorship and a relocation budget.', 'offered'],
  ['We can support the Blue Card application.', 'offered'],
  ['Visum-Unterstützung und Umzugshilfe inklusive.', 'offered'],
  ['We welcome applicants who need sponsorship.', 'offered'],
  ['Competitive salary, 30 days of holiday, a pension plan.', 'unknown'],
  ['You will sponsor our internal engineering blog.', 'unknown'],
  ['Experience with immigration law is a plus.', 'unknown'],
];

describe('parseVisaSponsorship', () => {
  it.each(table)('%j → %j', (text, expected) => {
    expect(parseVisaSponsorship(text)).toBe(expected);
  });
});
