// The vocabulary's own patterns, checked as a whole: a word boundary after a letter outside ASCII
// never matches in a JavaScript pattern ("Bogotá\b", "co drugi tydzień\b" found nothing), so the
// end of such a word is written as a lookahead for "not a letter".
import { describe, expect, it } from '@jest/globals';
import { EXCLUSIONS } from './exclusions';
import { ROLES } from './roles';
import { INDUSTRIES, SKILLS } from './vocabulary';

function patternsIn(value: unknown, found: RegExp[] = []): RegExp[] {
  if (value instanceof RegExp) found.push(value);
  else if (Array.isArray(value)) for (const item of value) patternsIn(item, found);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) patternsIn(item, found);
  return found;
}

// A letter outside ASCII, or a class holding one, then "\b".
const BOUNDARY_AFTER_NON_ASCII = /(?:[\u00C0-\u024F]|\[[^\]]*[\u00C0-\u024F][^\]]*\])[)?*+]*\\b/;

describe('the vocabulary patterns', () => {
  const all = patternsIn([ROLES, INDUSTRIES, SKILLS, EXCLUSIONS]);

  it('are many (the check below reads every one)', () => {
    expect(all.length).toBeGreaterThan(400);
  });

  it('never put a word boundary after a letter outside ASCII', () => {
    expect(all.filter((pattern) => BOUNDARY_AFTER_NON_ASCII.test(pattern.source)).map((pattern) => pattern.source.slice(0, 80))).toEqual([]);
  });
});
