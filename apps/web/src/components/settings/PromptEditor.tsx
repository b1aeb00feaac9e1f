import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { authApiLimits, type PromptBody, type User } from '../../api/types';
import { ErrorMessage, Notice } from '../States';

const MAX = authApiLimits.promptMaxLength;

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
  const queryClient = useQueryClient();
  const [prompt, setPrompt] = useState(user.prompt ?? '');
  const save = useMutation({
    mutationFn: (body: PromptBody) => api<User>('PUT', '/api/users/me/prompt', body),
    onSuccess: (updated) => {
      onSaved(updated);
      // The threshold preview estimates the jobs not scored yet against the prompt.
      void queryClient.invalidateQueries({ queryKey: queryKeys.thresholdPreviews });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ prompt: prompt.trim() === '' ? null : prompt });
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
      {save.error && <ErrorMessage error={save.error} />}
      {save.isSuccess && <Notice>Description saved. New jobs are scored against it.</Notice>}
      <button type="submit" className="button" disabled={save.isPending || prompt.trim() === ''}>
        {save.isPending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
