import { readCompanyInfo } from '../api/ai-json';
import type { Company } from '../api/types';
import { ExternalLink } from './SafeLink';

/** What research found about the hiring company (plain text: it comes from an LLM). */
export function CompanyDetails({ company }: { company: Company }) {
  if (!company.info) return <p className="hint">Not researched yet.</p>;
  const info = readCompanyInfo(company.info);
  return (
    <div className="company">
      {info.summary && <p>{info.summary}</p>}
      <dl className="facts">
        {info.size && (
          <>
            <dt>Size</dt>
            <dd>{info.size}</dd>
          </>
        )}
        {info.funding && (
          <>
            <dt>Funding</dt>
            <dd>{info.funding}</dd>
          </>
        )}
        {info.tech_stack.length > 0 && (
          <>
            <dt>Tech stack</dt>
            <dd>{info.tech_stack.join(', ')}</dd>
          </>
        )}
        {info.culture && (
          <>
            <dt>Culture</dt>
            <dd>{info.culture}</dd>
          </>
        )}
        {info.green_flags.length > 0 && (
          <>
            <dt>Green flags</dt>
            <dd>{info.green_flags.join('; ')}</dd>
          </>
        )}
        {info.red_flags.length > 0 && (
          <>
            <dt>Red flags</dt>
            <dd>{info.red_flags.join('; ')}</dd>
          </>
        )}
      </dl>
      {company.website && <ExternalLink href={company.website}>Company website</ExternalLink>}
    </div>
  );
}
