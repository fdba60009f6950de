import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answer, Attempt, ContestApi, Submitted } from './api.ts';
import { errorText } from './errors.ts';
import { formatClock } from './format.ts';
import { useT } from './i18n.ts';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * One question per screen, a countdown from the server's deadline, each answer saved as it is
 * given (the server records the instant), and the submission with the prediction. A reload
 * resumes here: the attempt comes back with the answers saved so far.
 */
export function AttemptScreen(props: {
  api: ContestApi;
  attempt: Attempt;
  /** The result, and the attempt with the answers as submitted (for the review). */
  onSubmitted: (submitted: Submitted, answered: Attempt) => void;
}) {
  const { t } = useT();
  const { api, attempt, onSubmitted } = props;
  const questions = attempt.questions;
  const [answers, setAnswers] = useState<Map<string, string[]>>(
    () => new Map(attempt.answers.map((a) => [a.questionId, a.optionIds])),
  );
  const [index, setIndex] = useState(() => {
    const firstOpen = questions.findIndex(
      (q) => !attempt.answers.some((a) => a.questionId === q.id),
    );
    return firstOpen === -1 ? questions.length : firstOpen;
  });
  const [prediction, setPrediction] = useState('');
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const remaining = useCountdown(attempt);
  // Saves go one after another so the server records them in the order they were given.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const answersRef = useRef(answers);
  answersRef.current = answers;

  const choose = (questionId: string, optionId: string, multiple: boolean) => {
    const current = answers.get(questionId) ?? [];
    const next = multiple
      ? current.includes(optionId)
        ? current.filter((id) => id !== optionId)
        : [...current, optionId]
      : [optionId];
    setAnswers(new Map(answers).set(questionId, next));
    setSaveState('saving');
    queue.current = queue.current.then(() =>
      api.save(attempt.id, [{ questionId, optionIds: next }]).then(
        () => setSaveState('saved'),
        () => setSaveState('failed'),
      ),
    );
  };

  const submit = useCallback(async () => {
    setSubmitting(true);
    setFailure(null);
    const all: Answer[] = [...answersRef.current].map(([questionId, optionIds]) => ({
      questionId,
      optionIds,
    }));
    const value = prediction.trim() === '' ? null : Number(prediction);
    try {
      await queue.current;
      const submitted = await api.submit(attempt.id, all, attempt.hasPrediction ? value : null);
      onSubmitted(submitted, { ...attempt, answers: all });
    } catch (error) {
      setFailure(errorText(t, error));
      setSubmitting(false);
    }
  }, [api, attempt, onSubmitted, prediction, t]);

  // Time is up: submit what has been given (the server counts only what arrived in time).
  const timedOut = remaining !== null && remaining <= 0;
  const autoSubmitted = useRef(false);
  useEffect(() => {
    if (timedOut && !autoSubmitted.current) {
      autoSubmitted.current = true;
      void submit();
    }
  }, [timedOut, submit]);

  const answered = questions.filter((q) => (answers.get(q.id) ?? []).length > 0).length;
  const question = questions[index];
  return (
    <div className="cp-stack">
      <div className="cp-attempt-bar" role="timer" aria-live="off">
        {remaining === null ? (
          <span />
        ) : (
          <span className={remaining < 60_000 ? 'cp-clock cp-clock-low' : 'cp-clock'}>
            <span className="cp-small">{t('timeLeft')} </span>
            <strong data-testid="countdown">{formatClock(remaining)}</strong>
          </span>
        )}
        <span className="cp-small" aria-live="polite" data-testid="save-state">
          {saveState === 'saving'
            ? t('saving')
            : saveState === 'saved'
              ? t('saved')
              : saveState === 'failed'
                ? t('saveFailed')
                : ''}
        </span>
      </div>
      <nav
        className="cp-dots"
        aria-label={t('answeredCount', { n: answered, total: questions.length })}
      >
        {questions.map((q, i) => (
          <button
            key={q.id}
            type="button"
            aria-current={i === index ? 'step' : undefined}
            className={(answers.get(q.id) ?? []).length > 0 ? 'cp-dot cp-dot-done' : 'cp-dot'}
            onClick={() => setIndex(i)}
          >
            {i + 1}
          </button>
        ))}
        <button
          type="button"
          aria-current={index === questions.length ? 'step' : undefined}
          className="cp-dot cp-dot-finish"
          onClick={() => setIndex(questions.length)}
        >
          ✓
        </button>
      </nav>

      {question ? (
        <fieldset className="cp-card cp-question" key={question.id} data-testid="question">
          <legend className="cp-muted cp-small">
            {t('question', { n: index + 1, total: questions.length })} ·{' '}
            {question.kind === 'multiple' ? t('pickMany') : t('pickOne')}
          </legend>
          <p className="cp-question-text">{question.text}</p>
          <div className="cp-options">
            {question.options.map((option) => {
              const checked = (answers.get(question.id) ?? []).includes(option.id);
              return (
                <label key={option.id} className={checked ? 'cp-option cp-option-on' : 'cp-option'}>
                  <input
                    type={question.kind === 'multiple' ? 'checkbox' : 'radio'}
                    name={question.id}
                    checked={checked}
                    disabled={submitting}
                    onChange={() => choose(question.id, option.id, question.kind === 'multiple')}
                  />
                  <span>{option.text}</span>
                </label>
              );
            })}
          </div>
          <div className="cp-row">
            <button
              type="button"
              className="cp-button cp-button-quiet"
              disabled={index === 0}
              onClick={() => setIndex(index - 1)}
            >
              {t('previous')}
            </button>
            <button type="button" className="cp-button" onClick={() => setIndex(index + 1)}>
              {index === questions.length - 1 ? t('finish') : t('next')}
            </button>
          </div>
        </fieldset>
      ) : (
        <section className="cp-card cp-stack-tight" data-testid="finish">
          <p>{t('answeredCount', { n: answered, total: questions.length })}</p>
          {attempt.hasPrediction ? (
            <div className="cp-field">
              <label htmlFor="prediction">{t('prediction')}</label>
              <input
                id="prediction"
                inputMode="numeric"
                value={prediction}
                maxLength={9}
                aria-describedby="prediction-hint"
                onChange={(e) => setPrediction(e.target.value.replace(/\D/g, ''))}
              />
              <p id="prediction-hint" className="cp-muted cp-small">
                {t('predictionHint')}
              </p>
            </div>
          ) : null}
          {failure ? (
            <p className="cp-error" role="alert">
              {failure}
            </p>
          ) : null}
          <button
            type="button"
            className="cp-button cp-button-big"
            disabled={submitting}
            onClick={() => void submit()}
          >
            {submitting ? t('submitting') : t('confirmSubmit')}
          </button>
        </section>
      )}
    </div>
  );
}

/** Milliseconds left by the server's clock (its offset to this phone measured once), or null. */
function useCountdown(attempt: Attempt): number | null {
  const [offset] = useState(() => Date.parse(attempt.serverTime) - Date.now());
  const endsAt = attempt.endsAt ? Date.parse(attempt.endsAt) : null;
  const left = () => (endsAt === null ? null : endsAt - (Date.now() + offset));
  const [remaining, setRemaining] = useState(left);
  useEffect(() => {
    if (endsAt === null) return;
    const timer = setInterval(() => setRemaining(endsAt - (Date.now() + offset)), 500);
    return () => clearInterval(timer);
  }, [endsAt, offset]);
  return remaining;
}
