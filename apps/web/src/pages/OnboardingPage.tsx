import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { FiltersForm } from '../components/settings/FiltersForm';
import { PromptEditor } from '../components/settings/PromptEditor';
import { ThresholdPicker } from '../components/settings/ThresholdPicker';
import { WebhookForm } from '../components/settings/WebhookForm';

const STEPS = ['Describe your ideal job', 'Set your must-haves', 'Connect Discord', 'Choose a threshold'] as const;

/** Four steps after sign-up: prompt, must-haves (optional), Discord (optional), threshold. */
export function OnboardingPage() {
  const { user, updateUser } = useAuth();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    // Keyboard and screen-reader users land on the new step's heading.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);
  if (!user) return null;

  return (
    <section aria-labelledby="onboarding-title" className="card">
      <p className="step-count">
        Step {step + 1} of {STEPS.length}
      </p>
      <ol className="steps" aria-label="Onboarding steps">
        {STEPS.map((label, i) => (
          <li key={label} className={i === step ? 'current' : i < step ? 'done' : ''} aria-current={i === step ? 'step' : undefined}>
            {label}
          </li>
        ))}
      </ol>
      <h1 id="onboarding-title" ref={heading} tabIndex={-1}>
        {STEPS[step]}
      </h1>
      {step === 0 && (
        <PromptEditor
          user={user}
          submitLabel="Save and continue"
          onSaved={(updated) => {
            updateUser(updated);
            setStep(1);
          }}
        />
      )}
      {step === 1 && (
        <>
          <p className="muted">
            What a job must offer, checked before any scoring: seniority, remote or office, salary, visa sponsorship, employment type. Optional; you can change them any
            time in Settings.
          </p>
          <FiltersForm
            user={user}
            submitLabel="Save must-haves"
            onSaved={(updated) => {
              updateUser(updated);
              setStep(2);
            }}
          />
          <div className="button-row">
            <button type="button" className="button secondary" onClick={() => setStep(2)}>
              Skip for now
            </button>
          </div>
        </>
      )}
      {step === 2 && (
        <>
          <p className="muted">Get a Discord message the moment a job fits. You can skip this and set it up later in Settings.</p>
          <WebhookForm user={user} onSaved={updateUser} />
          <div className="button-row">
            <button type="button" className="button" onClick={() => setStep(3)}>
              {user.discord.status === 'ok' ? 'Continue' : 'Skip for now'}
            </button>
          </div>
        </>
      )}
      {step === 3 && (
        <ThresholdPicker
          user={user}
          submitLabel="Save and finish"
          onSaved={(updated) => {
            updateUser(updated);
            void navigate('/matches');
          }}
        />
      )}
    </section>
  );
}
