import { describe, expect, test } from '@jest/globals';
import { renderDocs, undescribedVariables } from '../src/configuration-doc';
import { README, README_MAX_LINES, brokenLinks, docPages, outsidePointers } from '../src/docs';
import { readRepoFile } from '../src/repo';

describe.each(renderDocs().map((doc) => [doc.path, doc] as const))('%s', (_path, doc) => {
  test('is what the config schemas say now (else run `pnpm docs:write` and commit)', () => {
    expect(doc.committed).toBe(doc.rendered);
  });
});

test('every variable of every config schema has a .describe() text (the configuration page is written from them)', () => {
  expect(undescribedVariables()).toEqual([]);
});

test(`the README stays a front door: at most ${README_MAX_LINES} lines (the rest belongs in docs/)`, () => {
  expect(readRepoFile(README).split('\n').length).toBeLessThanOrEqual(README_MAX_LINES);
});

describe.each(docPages().map((page) => [page] as const))('%s', (page) => {
  test('links only to files and headings that exist', () => {
    expect(brokenLinks(page)).toEqual([]);
  });
});

test('no comment or doc points outside the repository (docs/ holds the product description and the notes)', () => {
  expect(outsidePointers()).toEqual([]);
});
