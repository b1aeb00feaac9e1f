import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEV_PARTS, defaultEvalDir, devPartOf, EvalSetError, loadSplit, scoredPairs, selectPart, SPLITS, type EvalSplit } from '../eval/dataset';

// The evaluation set's own rules (eval/README.md): big and varied enough to measure match
// quality across professions, labels with reasons, and a test split that shares nothing with
// the dev split that tuning reads.
const splits = Object.fromEntries(SPLITS.map((name) => [name, loadSplit(name)])) as Record<(typeof SPLITS)[number], EvalSplit>;
const all = Object.values(splits);
const pingShare = (split: EvalSplit) => {
  const scored = scoredPairs(split);
  return scored.filter((pair) => pair.label === 'ping').length / scored.length;
};

describe('the evaluation set', () => {
  it('has at least 320 labelled pairs and 18 profiles, a third of them outside software', () => {
    const pairs = all.reduce((sum, split) => sum + split.pairs.length, 0);
    const profiles = all.flatMap((split) => split.profiles);
    expect(pairs).toBeGreaterThanOrEqual(320);
    expect(profiles.length).toBeGreaterThanOrEqual(18);
    expect(profiles.filter((profile) => profile.sector === 'non_software').length).toBeGreaterThanOrEqual(profiles.length / 3);
    expect(new Set(profiles.map((profile) => profile.profession)).size).toBeGreaterThanOrEqual(15);
  });

  it('gives every label a one-line reason', () => {
    for (const pair of all.flatMap((split) => split.pairs)) {
      expect(pair.reason).toMatch(/^\S.{8,}\S$/);
      expect(pair.reason).not.toMatch(/\n/);
    }
  });

  it('uses every posting and every profile of a split in at least one pair', () => {
    for (const split of all) {
      const usedPostings = new Set(split.pairs.map((pair) => pair.posting.id));
      const usedProfiles = new Set(split.pairs.map((pair) => pair.profile.id));
      expect(split.postings.filter((posting) => !usedPostings.has(posting.id)).map((posting) => posting.id)).toEqual([]);
      expect(split.profiles.filter((profile) => !usedProfiles.has(profile.id)).map((profile) => profile.id)).toEqual([]);
    }
  });

  it('keeps dev and test apart: no profile, posting, prompt or posting text in both', () => {
    const { dev, test } = splits;
    const overlap = <T>(a: T[], b: T[]) => a.filter((item) => new Set(b).has(item));
    expect(overlap(dev.profiles.map((p) => p.id), test.profiles.map((p) => p.id))).toEqual([]);
    expect(overlap(dev.postings.map((p) => p.id), test.postings.map((p) => p.id))).toEqual([]);
    const norm = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
    expect(overlap(dev.profiles.map((p) => norm(p.prompt)), test.profiles.map((p) => norm(p.prompt)))).toEqual([]);
    expect(overlap(dev.postings.map((p) => norm(p.description)), test.postings.map((p) => norm(p.description)))).toEqual([]);
    // Within a split too, no two postings share a description (a copy-paste slip would double-count).
    for (const split of all) expect(new Set(split.postings.map((p) => norm(p.description))).size).toBe(split.postings.length);
  });

  // Dev was widened after each tuning round (dev-b to dev-m) and test four times (test-b, written alongside
  // dev-d, test-c, alongside dev-h and dev-i, test-d, alongside dev-j and dev-k, and test-e, alongside dev-l
  // and dev-m, all by people who do
  // not tune), so the share is a floor for each side rather than a fixed ratio: dev at least half, so
  // tuning sees the wider set, and test big enough that the number it reports still means something
  // (854 of 3,150 pairs, 27 %, with test-e and dev-l and dev-m).
  it('gives dev at least half of the pairs, test at least a fifth and 150 pairs, and both splits software and non-software profiles', () => {
    const total = all.reduce((sum, split) => sum + split.pairs.length, 0);
    expect(splits.dev.pairs.length / total).toBeGreaterThanOrEqual(0.5);
    expect(splits.test.pairs.length).toBeGreaterThanOrEqual(150);
    expect(splits.test.pairs.length / total).toBeGreaterThanOrEqual(0.2);
    for (const split of all) {
      expect(new Set(split.profiles.map((profile) => profile.sector))).toEqual(new Set(['software', 'non_software']));
    }
  });

  // The dev-b part was written so that a scorer tuned on dev has to generalise: many professions
  // the first round did not have, each with its own near-misses.
  it('has a dev-b part of at least 16 profiles and 240 pairs, two thirds of them in professions the first round did not have', () => {
    const isDevB = (id: string) => devPartOf(id) === 'dev-b';
    const devB = splits.dev.profiles.filter((profile) => isDevB(profile.id));
    const earlier = new Set(all.flatMap((split) => split.profiles).filter((profile) => devPartOf(profile.id) === 'first').map((profile) => profile.profession.toLowerCase()));
    expect(devB.length).toBeGreaterThanOrEqual(16);
    expect(splits.dev.pairs.filter((pair) => isDevB(pair.profile.id)).length).toBeGreaterThanOrEqual(240);
    expect(devB.filter((profile) => !earlier.has(profile.profession.toLowerCase())).length).toBeGreaterThanOrEqual((devB.length * 2) / 3);
  });

  // The dev-c part came after a second tuning round, which had fitted dev's own professions (leaving
  // each dev profile's profession out of the vocabulary dropped dev F1 from 0.91 to 0.77): every
  // dev-c profile is in a profession dev did not have yet, so dev-c read before any scorer change
  // is an estimate of how the scorer does on professions it was not tuned on.
  it('has a dev-c part of at least 14 profiles and 140 pairs, every one in a profession the rest of dev did not have', () => {
    const devC = splits.dev.profiles.filter((profile) => devPartOf(profile.id) === 'dev-c');
    const restOfDev = new Set(splits.dev.profiles.filter((profile) => devPartOf(profile.id) !== 'dev-c').map((profile) => profile.profession.toLowerCase()));
    expect(devC.length).toBeGreaterThanOrEqual(14);
    expect(splits.dev.pairs.filter((pair) => devPartOf(pair.profile.id) === 'dev-c').length).toBeGreaterThanOrEqual(140);
    expect(devC.filter((profile) => restOfDev.has(profile.profession.toLowerCase())).map((profile) => profile.id)).toEqual([]);
    expect(new Set(devC.map((profile) => profile.sector))).toEqual(new Set(['software', 'non_software']));
  });

  // The dev-d part widens dev again before the next tuning round: 13 profiles, all in professions no
  // earlier dev part has (nine outside software, four software ones), labelled from the text before any
  // scorer change, so its first reading is another estimate on professions the scorer was not tuned on.
  it('has a dev-d part of at least 12 profiles and 130 pairs, every one in a profession no earlier dev part has', () => {
    const devD = splits.dev.profiles.filter((profile) => devPartOf(profile.id) === 'dev-d');
    // Earlier parts only: later ones (dev-k) may bring new people in dev-d's professions.
    const earlier = new Set(splits.dev.profiles.filter((profile) => DEV_PARTS.indexOf(devPartOf(profile.id)) < DEV_PARTS.indexOf('dev-d')).map((profile) => profile.profession.toLowerCase()));
    expect(devD.length).toBeGreaterThanOrEqual(12);
    expect(splits.dev.pairs.filter((pair) => devPartOf(pair.profile.id) === 'dev-d').length).toBeGreaterThanOrEqual(130);
    expect(devD.filter((profile) => earlier.has(profile.profession.toLowerCase())).map((profile) => profile.id)).toEqual([]);
    expect(new Set(devD.map((profile) => profile.sector))).toEqual(new Set(['software', 'non_software']));
    const devDPart = selectPart(splits.dev, 'dev-d');
    expect(devDPart.profiles.map((profile) => profile.id)).toEqual(devD.map((profile) => profile.id));
    expect(devDPart.pairs.every((pair) => pair.profile.id.startsWith('dev-d-'))).toBe(true);
  });

  // The dev-e part is a fresh dev reading taken once before the next scorer change, shaped like a real
  // population of users: about half new people in professions dev already has, about half in
  // professions no earlier dev part has, four of them software.
  it('has a dev-e part of at least 12 profiles and 140 pairs, at least 4 of them in professions no earlier dev part has', () => {
    const devE = splits.dev.profiles.filter((profile) => devPartOf(profile.id) === 'dev-e');
    const earlier = new Set(splits.dev.profiles.filter((profile) => devPartOf(profile.id) !== 'dev-e').map((profile) => profile.profession.toLowerCase()));
    expect(devE.length).toBeGreaterThanOrEqual(12);
    expect(splits.dev.pairs.filter((pair) => devPartOf(pair.profile.id) === 'dev-e').length).toBeGreaterThanOrEqual(140);
    expect(devE.filter((profile) => !earlier.has(profile.profession.toLowerCase())).length).toBeGreaterThanOrEqual(4);
    expect(new Set(devE.map((profile) => profile.sector))).toEqual(new Set(['software', 'non_software']));
    const devEPart = selectPart(splits.dev, 'dev-e');
    expect(devEPart.profiles.map((profile) => profile.id)).toEqual(devE.map((profile) => profile.id));
    expect(devEPart.pairs.every((pair) => pair.profile.id.startsWith('dev-e-'))).toBe(true);
  });

  // Population-shaped dev readings, each written by someone who did not tune and read once before any
  // scorer change: new people, places and prompt wording, at least four of them in software.
  // - dev-g: about half in professions dev already had, the rest in professions no earlier part has.
  // - dev-f: written at the same time as dev-g by someone who did not see it, in professions no dev part
  //   had when it was planned; database administration (and restaurant management, named differently)
  //   turned out to be in dev-g as well, so all but one are in professions no other part has.
  // - dev-h: like dev-g.
  // - dev-i: from outside Europe too (the US, Canada, Mexico, the Philippines, India, the UK, New
  //   Zealand, Australia, Brazil, Argentina), half in professions dev already had.
  // - dev-j: parts of Europe the set had little of (Ireland outside Dublin, Estonia, Czechia, Belgium,
  //   Slovakia, Croatia, Switzerland, Scotland, Portugal outside Lisbon, Greece, Finland, Hungary).
  // - dev-k: beyond Europe again (Africa, the Gulf, India, South-East Asia, Japan, Latin America, the
  //   US Midwest, Australia), half in professions dev already had.
  // - dev-l and dev-m: big European markets and beyond Europe, written at the same time by two people
  //   who did not see each other's part; twelve of thirteen each in professions no earlier part had,
  //   three of them named the same in both (network engineering, computer vision, quantity surveying)
  //   and four more alike under other names (Rust systems, ERP development, vets, speech therapy).
  it.each([
    { part: 'dev-f', newProfessions: 12 },
    { part: 'dev-g', newProfessions: 4 },
    { part: 'dev-h', newProfessions: 4 },
    { part: 'dev-i', newProfessions: 4 },
    { part: 'dev-j', newProfessions: 4 },
    { part: 'dev-k', newProfessions: 4 },
    { part: 'dev-l', newProfessions: 9 },
    { part: 'dev-m', newProfessions: 9 },
  ] as const)('has a $part part of at least 12 profiles (4 in software) and 130 pairs, at least $newProfessions in professions no other dev part has', ({ part, newProfessions }) => {
    const profiles = splits.dev.profiles.filter((profile) => devPartOf(profile.id) === part);
    const others = new Set(splits.dev.profiles.filter((profile) => devPartOf(profile.id) !== part).map((profile) => profile.profession.toLowerCase()));
    expect(profiles.length).toBeGreaterThanOrEqual(12);
    expect(splits.dev.pairs.filter((pair) => devPartOf(pair.profile.id) === part).length).toBeGreaterThanOrEqual(130);
    expect(profiles.filter((profile) => !others.has(profile.profession.toLowerCase())).length).toBeGreaterThanOrEqual(newProfessions);
    expect(profiles.filter((profile) => profile.sector === 'software').length).toBeGreaterThanOrEqual(4);
    const selected = selectPart(splits.dev, part);
    expect(selected.profiles.map((profile) => profile.id)).toEqual(profiles.map((profile) => profile.id));
    expect(selected.pairs.every((pair) => pair.profile.id.startsWith(`${part}-`))).toBe(true);
  });

  it('selects one dev part for the bench: its profiles, their pairs and the postings they use', () => {
    const devC = selectPart(splits.dev, 'dev-c');
    expect(devC.pairs.length).toBe(splits.dev.pairs.filter((pair) => pair.profile.id.startsWith('dev-c-')).length);
    expect(devC.profiles.every((profile) => profile.id.startsWith('dev-c-'))).toBe(true);
    expect(new Set(devC.postings.map((posting) => posting.id))).toEqual(new Set(devC.pairs.map((pair) => pair.posting.id)));
    const sizes = (['first', 'dev-b', 'dev-c', 'dev-d', 'dev-e', 'dev-f', 'dev-g', 'dev-h', 'dev-i', 'dev-j', 'dev-k', 'dev-l', 'dev-m'] as const).map((part) => selectPart(splits.dev, part).pairs.length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(splits.dev.pairs.length);
    expect(() => selectPart(splits.test, 'dev-c')).toThrow(EvalSetError);
  });

  it('selects one test part for reporting, and the parts make the whole split', () => {
    const testB = selectPart(splits.test, 'test-b');
    expect(testB.profiles.length).toBeGreaterThan(0);
    expect(testB.pairs.every((pair) => pair.profile.id.startsWith('test-b-'))).toBe(true);
    const sizes = (['first', 'test-b', 'test-c', 'test-d', 'test-e'] as const).map((part) => selectPart(splits.test, part).pairs.length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(splits.test.pairs.length);
    expect(() => selectPart(splits.dev, 'test-b')).toThrow(EvalSetError);
  });

  it('is balanced: 25–40 % ping among scored pairs, few ambiguous, every profile with pings and refusals', () => {
    const everything: EvalSplit = { split: 'dev', profiles: [], postings: [], pairs: all.flatMap((split) => split.pairs) };
    expect(pingShare(everything)).toBeGreaterThanOrEqual(0.25);
    expect(pingShare(everything)).toBeLessThanOrEqual(0.4);
    for (const split of all) {
      expect(pingShare(split)).toBeGreaterThanOrEqual(0.22);
      expect(pingShare(split)).toBeLessThanOrEqual(0.42);
      expect(split.pairs.filter((pair) => pair.label === 'ambiguous').length / split.pairs.length).toBeLessThanOrEqual(0.12);
      for (const profile of split.profiles) {
        const labels = split.pairs.filter((pair) => pair.profile.id === profile.id).map((pair) => pair.label);
        expect({ profile: profile.id, pings: labels.filter((label) => label === 'ping').length >= 2 }).toEqual({ profile: profile.id, pings: true });
        expect({ profile: profile.id, refusals: labels.filter((label) => label === 'no').length >= 5 }).toEqual({ profile: profile.id, refusals: true });
      }
    }
  });

  // The test-b part (ids `test-b-…`) was added to test after dev-c, by someone who does not tune,
  // so that test stays big enough to report on and dev can grow again.
  it('has a test-b part of at least 12 profiles and 150 pairs', () => {
    const isTestB = (id: string) => id.startsWith('test-b-');
    expect(splits.test.profiles.filter((profile) => isTestB(profile.id)).length).toBeGreaterThanOrEqual(12);
    expect(splits.test.pairs.filter((pair) => isTestB(pair.profile.id)).length).toBeGreaterThanOrEqual(150);
  });

  // The test-c, test-d and test-e parts were added to test while dev grew again, each by someone who does not
  // tune: population-shaped sets of new people, at least four of them in software.
  it.each(['test-c', 'test-d', 'test-e'] as const)('has a %s part of at least 12 profiles and 130 pairs, at least 4 in software', (part) => {
    const selected = selectPart(splits.test, part);
    expect(selected.profiles.length).toBeGreaterThanOrEqual(12);
    expect(selected.pairs.length).toBeGreaterThanOrEqual(130);
    expect(selected.profiles.filter((profile) => profile.sector === 'software').length).toBeGreaterThanOrEqual(4);
    expect(selected.pairs.every((pair) => pair.profile.id.startsWith(`${part}-`))).toBe(true);
    expect(new Set(selected.profiles.map((profile) => profile.sector))).toEqual(new Set(['software', 'non_software']));
  });
});

describe('loadSplit', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'jobping-eval-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const profile = { id: 'dev-nurse', profession: 'Nursing', sector: 'non_software', prompt: 'Nurse in Hamburg, day shifts only', style: 'terse' };
  const posting = { id: 'dev-p1', title: 'Pflegefachkraft (m/w/d)', company: 'Klinik Nord', location: 'Hamburg', remote: false, description: 'Tagdienst.' };
  const label = { profile: 'dev-nurse', posting: 'dev-p1', label: 'ping', reason: 'a nursing job in Hamburg with day shifts' };
  function writeSplit(name: string, files: { profiles?: unknown; postings?: unknown; labels?: unknown }): string {
    const dir = path.join(scratch, name);
    mkdirSync(path.join(dir, 'dev'), { recursive: true });
    writeFileSync(path.join(dir, 'dev', 'profiles.json'), JSON.stringify(files.profiles ?? [profile]));
    writeFileSync(path.join(dir, 'dev', 'postings.json'), JSON.stringify(files.postings ?? [posting]));
    writeFileSync(path.join(dir, 'dev', 'labels.json'), JSON.stringify(files.labels ?? [label]));
    return dir;
  }

  it('reads a split, resolves pairs and defaults the threshold to 70', () => {
    const split = loadSplit('dev', writeSplit('ok', {}));
    expect(split.pairs).toEqual([expect.objectContaining({ id: 'dev-nurse/dev-p1', label: 'ping' })]);
    expect(split.pairs[0]!.profile.threshold).toBe(70);
  });

  it.each([
    ['a label naming an unknown posting', { labels: [{ ...label, posting: 'dev-p2' }] }, /dev-nurse\/dev-p2 names a posting that postings\.json does not have/],
    ['a label naming an unknown profile', { labels: [{ ...label, profile: 'dev-teacher' }] }, /names a profile that profiles\.json does not have/],
    ['a pair labelled twice', { labels: [label, { ...label, label: 'no' }] }, /dev-nurse\/dev-p1 is labelled twice/],
    ['a label without a reason', { labels: [{ ...label, reason: '' }] }, /labels\.json: 0\.reason/],
    ['an unknown label', { labels: [{ ...label, label: 'maybe' }] }, /0\.label/],
    ['a test id in the dev split', { postings: [{ ...posting, id: 'test-p1' }] }, /0\.id: an id of the dev split/],
    ['a duplicated posting id', { postings: [posting, posting] }, /dev-p1 appears twice/],
    ['a posting field the AI package does not read', { postings: [{ ...posting, url: 'https://example.com' }] }, /postings\.json: .*url/],
  ])('rejects %s', (_name, files, message) => {
    const dir = writeSplit(_name.replace(/\W+/g, '-'), files);
    expect(() => loadSplit('dev', dir)).toThrow(EvalSetError);
    expect(() => loadSplit('dev', dir)).toThrow(message);
  });

  it('finds packages/ai/eval from source and from the compiled bench', () => {
    const root = path.resolve(__dirname, '..');
    expect(defaultEvalDir(path.join(root, 'eval'))).toBe(path.join(root, 'eval'));
    expect(defaultEvalDir(path.join(root, 'dist', 'bench', 'eval'))).toBe(path.join(root, 'eval'));
  });
});
