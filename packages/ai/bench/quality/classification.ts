// Binary-classification figures for the quality bench: a pair is predicted `ping` when its
// score reaches the user's threshold. A few lines of arithmetic, kept here with their own
// test (test/quality-classification.test.ts) rather than pulled in as a dependency.

export interface Judged {
  /** The label: a careful recruiter would send it. */
  actual: boolean;
  score: number;
  threshold: number;
}

export interface Classification {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** null when nothing was predicted (undefined ratio). */
  precision: number | null;
  /** null when the set has no positives. */
  recall: number | null;
  /** 2·tp / (2·tp + fp + fn); null when there is neither a positive nor a prediction. */
  f1: number | null;
  /** ROC AUC of the raw score against the labels; null without both classes. */
  auc: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function classify(items: readonly Judged[]): Classification {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { actual, score, threshold } of items) {
    const predicted = score >= threshold;
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  return {
    n: items.length,
    positives: tp + fn,
    tp,
    fp,
    fn,
    tn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    auc: rocAuc(
      items.map((item) => item.actual),
      items.map((item) => item.score),
    ),
  };
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting half (the Mann–Whitney U statistic over average ranks).
 */
export function rocAuc(actual: readonly boolean[], scores: readonly number[]): number | null {
  if (actual.length !== scores.length) throw new Error(`rocAuc: ${actual.length} labels but ${scores.length} scores`);
  const positives = actual.filter(Boolean).length;
  const negatives = actual.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = scores.map((score, index) => ({ score, index })).sort((a, b) => a.score - b.score);
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.score === order[start]!.score) end++;
    const averageRank = (start + end) / 2 + 1; // ranks are 1-based
    for (let k = start; k <= end; k++) if (actual[order[k]!.index]) positiveRankSum += averageRank;
    start = end + 1;
  }
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
