import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readMatchAnalysis } from '../api/ai-json';
import { api } from '../api/client';
import { setMatchFeedback } from '../api/queries';
import type { Feedback, FeedbackResult, Match } from '../api/types';
import { CompanyDetails } from './CompanyInfo';
import { JobMeta } from './JobMeta';
import { MatchControls } from './MatchControls';
import { WhyPanel } from './WhyPanel';
import { ExternalLink } from './SafeLink';
import { RecommendationTag, ScoreBadge } from './ScoreBadge';
import { ErrorMessage } from './States';

/** Inline SVG rather than an emoji: not every system has an emoji font (and it inherits the colour). */
function ThumbIcon({ down = false }: { down?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" style={down ? { transform: 'rotate(180deg)' } : undefined}>
      <path
        fill="currentColor"
        d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"
      />
    </svg>
  );
}

function ReasonList({ title, items, kind }: { title: string; items: string[]; kind: 'pros' | 'cons' }) {
  return (
    <div className={`reasons reasons-${kind}`}>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One match: score, recommendation, the reasons, the company, a link, and 👍/👎. */
export function MatchCard({ match }: { match: Match }) {
  const queryClient = useQueryClient();
  const { job } = match;
  const analysis = readMatchAnalysis(match.analysis);
  const rate = useMutation({
    mutationFn: (feedback: Feedback) => api<FeedbackResult>('POST', `/api/users/me/matches/${match.job_id}/feedback`, { feedback }),
    onSuccess: (result) => setMatchFeedback(queryClient, result.job_id, result.feedback),
  });
  // Shown at once while it is being saved; back to the stored value if saving fails.
  const feedback = rate.isPending ? rate.variables : match.feedback;

  return (
    <article className="card match" aria-labelledby={`match-${match.id}`} data-testid="match-card">
      <header className="match-head">
        <ScoreBadge score={match.score} />
        <div>
          <h2 id={`match-${match.id}`} className="match-title">
            {job.title}
          </h2>
          <JobMeta job={job} />
        </div>
        <RecommendationTag recommendation={analysis.recommendation} />
      </header>
      {analysis.explanation && <p className="explanation">{analysis.explanation}</p>}
      <div className="grid-2 reasons-grid">
        <ReasonList title="Why it fits" items={analysis.pros} kind="pros" />
        <ReasonList title="Watch out" items={analysis.cons} kind="cons" />
      </div>
      <details className="company-details">
        <summary>About {job.company.name}</summary>
        <CompanyDetails company={job.company} />
      </details>
      <WhyPanel jobId={match.job_id} />
      <footer className="match-foot">
        <ExternalLink href={job.url} className="button secondary">
          View the posting
        </ExternalLink>
        <div className="feedback" role="group" aria-label="Was this a good match?">
          <button type="button" className="button icon" aria-pressed={feedback === 'up'} onClick={() => rate.mutate('up')} title="Good match">
            <ThumbIcon />
            <span className="visually-hidden">Good match</span>
          </button>
          <button type="button" className="button icon" aria-pressed={feedback === 'down'} onClick={() => rate.mutate('down')} title="Bad match">
            <ThumbIcon down />
            <span className="visually-hidden">Bad match</span>
          </button>
        </div>
      </footer>
      <MatchControls jobId={match.job_id} company={match.job.company.name} idSuffix={match.id} />
      {rate.error && <ErrorMessage error={rate.error} />}
    </article>
  );
}
