import { describe, expect, it } from '@jest/globals';
import { keywordPhrases, keywordWords, normalizeKeyword } from '../src/index';

describe('excluded keywords', () => {
  it('reads words with their inner punctuation and the + and # of language names', () => {
    expect(keywordWords('Node.js, C++ and C#; on-call rota. We’re hiring!')).toEqual(['node.js', 'c++', 'and', 'c#', 'on-call', 'rota', 'we’re', 'hiring']);
  });

  it('stores a keyword as the words it is compared as', () => {
    expect(normalizeKeyword('  PHP  ')).toBe('php');
    expect(normalizeKeyword('Sales   Engineer')).toBe('sales engineer');
    expect(normalizeKeyword('...')).toBe('');
  });

  // keyword, text, found
  const table: [string, string, boolean][] = [
    ['java', 'Senior Java Engineer', true],
    ['java', 'JavaScript developer', false],
    ['php', 'We use PHP 8 and Laravel.', true],
    ['php', 'Our stack: Go, PHPUnit-free.', false],
    ['c++', 'Modern C++ (17/20).', true],
    ['c', 'Modern C++ (17/20).', false],
    ['on-call', 'You will join the on-call rotation.', true],
    ['on call', 'You will join the on-call rotation.', false],
    ['sales engineer', 'Title: Senior Sales Engineer, EMEA', true],
    ['sales engineer', 'Sales and Engineering teams', false],
    ['crypto', 'Crypto-native teams', false],
    ['Crypto', 'We build crypto wallets', true],
  ];
  it.each(table)('%s in %j: %s', (keyword, text, found) => {
    expect(keywordPhrases(text).includes(normalizeKeyword(keyword))).toBe(found);
  });

  it('builds phrases of up to three words within each text, never across two', () => {
    const phrases = keywordPhrases('Staff Data Engineer', 'Remote');
    expect(phrases).toEqual(expect.arrayContaining(['staff', 'staff data', 'staff data engineer', 'data engineer', 'remote']));
    expect(phrases).not.toContain('engineer remote');
    expect(phrases).toHaveLength(7);
  });
});
