import { describe, expect, test } from '@jest/globals';
import { renderGeneratedFiles } from '../src/generated';

describe.each(renderGeneratedFiles().map((file) => [file.path, file] as const))('%s', (_path, file) => {
  test('has its generated sections up to date (else run `pnpm routes:write` and commit)', () => {
    expect(file.committed).toBe(file.rendered);
  });
});
