import { describe, expect, it } from '@jest/globals';
import { companyKey, jobDedupeKey } from './keys';

describe('companyKey', () => {
  it.each([
    ['Ledgerly GmbH', 'ledgerly'],
    ['ledgerly', 'ledgerly'],
    ['  Stackwise, Inc. ', 'stackwise'],
    ['Émber & Fall Ltd', 'ember-and-fall'],
  ])('%p → %p', (name, key) => expect(companyKey(name)).toBe(key));
});

describe('jobDedupeKey', () => {
  it('is the same for one posting listed on two boards with cosmetic differences', () => {
    expect(jobDedupeKey({ company: 'Stackwise Inc.', title: 'Senior Backend Engineer (TypeScript)', location: 'Remote (EU)' })).toBe(
      jobDedupeKey({ company: 'stackwise', title: 'Senior Backend Engineer – TypeScript', location: 'remote eu' }),
    );
  });

  it('differs when the title or location differs', () => {
    const base = { company: 'Ledgerly', title: 'Backend Engineer', location: 'Berlin' };
    expect(jobDedupeKey(base)).not.toBe(jobDedupeKey({ ...base, title: 'Senior Backend Engineer' }));
    expect(jobDedupeKey(base)).not.toBe(jobDedupeKey({ ...base, location: 'Munich' }));
  });
});
