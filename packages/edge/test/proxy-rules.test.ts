import { describe, expect, it } from '@jest/globals';
import { matchesRules, proxyPattern, proxyRules, replaceGeneratedSection } from '../src';

describe('proxyRules', () => {
  const rules = proxyRules(['/api/users/me', '/api/login', '/api/users/me/channels/:id', '/api/users/me/channels/:id/test', '/api/users/me/channels']);

  it('matches plain paths exactly and parameterised ones by their prefix, once each', () => {
    expect(rules).toEqual([
      { match: 'exact', path: '/api/login' },
      { match: 'exact', path: '/api/users/me' },
      { match: 'exact', path: '/api/users/me/channels' },
      { match: 'prefix', path: '/api/users/me/channels/' },
    ]);
  });

  it('keeps a neighbour that only shares a beginning out', () => {
    expect(matchesRules(rules, '/api/users/me')).toBe(true);
    expect(matchesRules(rules, '/api/users/me/channels/0b6c/test')).toBe(true);
    expect(matchesRules(rules, '/api/users/me/matches')).toBe(false);
    expect(matchesRules(rules, '/api/login/x')).toBe(false);
  });

  it('gives the same answers as a regular expression over path and query (the Vite proxy key)', () => {
    const pattern = new RegExp(proxyPattern(rules));
    for (const path of ['/api/users/me', '/api/users/me?x=1', '/api/users/me/channels/abc', '/api/users/me/channels/abc?y', '/api/users/me/matches', '/api/users/mex', '/api/login.json']) {
      expect({ path, matched: pattern.test(path) }).toEqual({ path, matched: matchesRules(rules, path.split('?')[0] as string) });
    }
  });

  it('refuses a relative path', () => {
    expect(() => proxyRules(['api/login'])).toThrow(/not an absolute path/);
  });
});

describe('replaceGeneratedSection', () => {
  const text = ['a {', '  # BEGIN generated: routes (do not edit)', '  old;', '  # END generated: routes', '}'].join('\n');

  it('replaces the lines between the markers, indented like the marker', () => {
    expect(replaceGeneratedSection(text, 'routes', ['one;', 'two;'])).toBe(['a {', '  # BEGIN generated: routes (do not edit)', '  one;', '  two;', '  # END generated: routes', '}'].join('\n'));
  });

  it('says what to add when the markers are missing', () => {
    expect(() => replaceGeneratedSection('x', 'routes', [], { what: 'nginx.conf' })).toThrow(/nginx.conf has no "# BEGIN generated: routes"/);
  });
});
