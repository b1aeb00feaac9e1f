import { useAction } from '../../api/useAction';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorMessage, Notice } from '../States';

const MAX = 4000; // auth-api's PROMPT_MAX_LENGTH

/** Starting points; the first one is what the local scorer understands best (role, stack, place, pay, dealbreakers). */
export const EXAMPLE_PROMPTS = [
  {
    label: 'Senior backend, remote EU',
    text: 'Senior backend engineer, TypeScript or Go, remote within the EU. I want a product company under 500 people with a healthy engineering culture (code review, on-call that is shared fairly). Salary at least €80k. No crypto, no gambling, no adtech.',
  },
  {
    label: 'Frontend in Berlin',
    text: 'Frontend engineer (React and TypeScript) in Berlin or remote in Germany, mid-level or senior, at a company that cares about accessibility and design. At least €65k. No agencies.',
  },
  {
    label: 'Data engineer, hybrid',
    text: 'Data engineer working with Python, SQL and Airflow, hybrid in Amsterdam or remote in the EU, at a company under 1,000 people. At least €70k. No gambling.',
  },
];

export function PromptEditor({ user, onSaved, submitLabel = 'Save description' }: { user: User; onSaved(user: User): void; submitLabel?: string }) {
  const [prompt, setPrompt] = useState(user.prompt ?? '');
  const { run, busy, error, done: saved } = useAction(async () => {
    onSaved(await api<User>('PUT', '/api/users/me/prompt', { prompt: prompt.trim() === '' ? null : prompt }));
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void run();
  }

  return (
    <form onSubmit={submit} className="form">
      <fieldset className="examples">
        <legend>Start from an example</legend>
        <div className="example-list">
          {EXAMPLE_PROMPTS.map((example) => (
            <button key={example.label} type="button" className="button secondary small" onClick={() => setPrompt(example.text)}>
              {example.label}
            </button>
          ))}
        </div>
      </fieldset>
      <label htmlFor="prompt">Your ideal job, in your own words</label>
      <textarea
        id="prompt"
        rows={6}
        maxLength={MAX}
        value={prompt}
        aria-describedby="prompt-hint"
        onChange={(e) => setPrompt(e.target.value)}
      />
      <p id="prompt-hint" className="hint">
        Role, languages, seniority, where you can work, minimum salary, company size and culture, and what you never want. {prompt.length}/{MAX}
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
      {saved && <Notice>Description saved. New jobs are scored against it.</Notice>}
      <button type="submit" className="button" disabled={busy || prompt.trim() === ''}>
        {busy ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
