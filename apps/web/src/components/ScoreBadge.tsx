/** The match score with a text label, so colour is never the only cue. */
export function ScoreBadge({ score }: { score: number }) {
  const level = score >= 75 ? 'high' : score >= 50 ? 'mid' : 'low';
  return (
    <span className={`score score-${level}`} aria-label={`Score ${score} out of 100`}>
      {score}
    </span>
  );
}

const RECOMMENDATION_LABEL = { apply: 'Apply', consider: 'Consider', skip: 'Skip' } as const;

export function RecommendationTag({ recommendation }: { recommendation: keyof typeof RECOMMENDATION_LABEL | undefined }) {
  if (!recommendation || !(recommendation in RECOMMENDATION_LABEL)) return null;
  return <span className={`tag tag-${recommendation}`}>{RECOMMENDATION_LABEL[recommendation]}</span>;
}
