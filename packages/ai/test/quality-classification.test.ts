import { describe, expect, it } from '@jest/globals';
import { classify, rocAuc } from '../bench/quality/classification';

const pairs = (rows: [boolean, number][], threshold = 70) => rows.map(([actual, score]) => ({ actual, score, threshold }));

describe('classify', () => {
  it('counts a pair as predicted when its score reaches the threshold, and derives precision, recall and F1', () => {
    // tp: 90, 70 (equal to the threshold counts); fp: 75; fn: 40, 69; tn: 10, 30
    const result = classify(pairs([[true, 90], [true, 70], [false, 75], [true, 40], [true, 69], [false, 10], [false, 30]]));
    expect(result).toMatchObject({ n: 7, positives: 4, tp: 2, fp: 1, fn: 2, tn: 2 });
    expect(result.precision).toBeCloseTo(2 / 3, 10);
    expect(result.recall).toBeCloseTo(0.5, 10);
    expect(result.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 10); // 4/7
    expect(result.f1).toBeCloseTo(4 / 7, 10);
  });

  it('uses each pair\'s own threshold', () => {
    const result = classify([
      { actual: true, score: 65, threshold: 60 },
      { actual: true, score: 65, threshold: 80 },
    ]);
    expect(result).toMatchObject({ tp: 1, fn: 1 });
  });

  it('gives null where a ratio is undefined, and F1 0 when nothing is right', () => {
    const none = classify(pairs([[true, 10], [false, 20]]));
    expect(none.precision).toBeNull(); // nothing predicted
    expect(none.recall).toBe(0);
    expect(none.f1).toBe(0);
    const noPositives = classify(pairs([[false, 90], [false, 10]]));
    expect(noPositives.recall).toBeNull();
    expect(noPositives.precision).toBe(0);
    expect(classify([]).auc).toBeNull();
  });
});

describe('rocAuc', () => {
  it('matches the textbook example (scikit-learn roc_auc_score([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.75)', () => {
    expect(rocAuc([false, false, true, true], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 10);
  });

  it('is 1 for a perfect ranking, 0 for an inverted one, 0.5 when every score ties', () => {
    expect(rocAuc([true, true, false, false], [90, 80, 20, 10])).toBe(1);
    expect(rocAuc([true, true, false, false], [10, 20, 80, 90])).toBe(0);
    expect(rocAuc([true, false, true, false], [50, 50, 50, 50])).toBe(0.5);
  });

  it('counts a tie between a positive and a negative as half', () => {
    // positive scores 60, 80; negatives 60, 20: pairs (60,60)=0.5, (60,20)=1, (80,60)=1, (80,20)=1 → 3.5/4
    expect(rocAuc([true, true, false, false], [60, 80, 60, 20])).toBeCloseTo(0.875, 10);
  });

  it('is null without both classes', () => {
    expect(rocAuc([true, true], [1, 2])).toBeNull();
    expect(rocAuc([false], [1])).toBeNull();
  });

  it('is part of classify', () => {
    expect(classify(pairs([[false, 10], [false, 40], [true, 35], [true, 80]])).auc).toBeCloseTo(0.75, 10);
  });
});
