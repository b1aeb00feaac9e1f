import { describe, expect, test } from '@jest/globals';
import { renderDocs, undescribedVariables } from '../src/configuration-doc';

describe.each(renderDocs().map((doc) => [doc.path, doc] as const))('%s', (_path, doc) => {
  test('is what the config schemas say now (else run `pnpm docs:write` and commit)', () => {
    expect(doc.committed).toBe(doc.rendered);
  });
});

test('every variable of every config schema has a .describe() text (the configuration page is written from them)', () => {
  expect(undescribedVariables()).toEqual([]);
});
