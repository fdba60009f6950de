import type { Attempt, PublicContest, Submitted } from './api.ts';
import { formatDateTime, formatDuration } from './format.ts';
import { useT } from './i18n.ts';

/** After submission: what the contest's review policy allows, nothing more. */
export function DoneScreen(props: {
  contest: PublicContest;
  attempt: Attempt;
  submitted: Submitted;
  onBack: () => void;
}) {
  const { t } = useT();
  const { attempt, submitted } = props;
  const result = submitted.result;
  return (
    <div className="cp-stack">
      <section className="cp-card cp-stack-tight" data-testid="submitted">
        <h1 className="cp-title">{t('submitted')}</h1>
        {submitted.status === 'late' ? <p className="cp-error">{t('submittedLate')}</p> : null}
        {submitted.status === 'expired' ? <p className="cp-error">{t('expired')}</p> : null}
        <p className="cp-muted">{formatDateTime(submitted.submittedAt)}</p>
        <p>{t('duration', { time: formatDuration(t, submitted.durationMs) })}</p>
        {result ? (
          <p className="cp-score" data-testid="score">
            {t('score', {
              score: result.score,
              max: result.maxScore,
              correct: result.correctCount,
              total: result.questionCount,
            })}
          </p>
        ) : (
          <p data-testid="score-later">{t('scoreAfterRound')}</p>
        )}
        <button type="button" className="cp-button cp-button-big" onClick={props.onBack}>
          {t('back')}
        </button>
      </section>
      {submitted.review ? (
        <section className="cp-card" data-testid="review">
          <h2>{t('review')}</h2>
          <ol className="cp-review">
            {submitted.review.map((item) => {
              const question = attempt.questions.find((q) => q.id === item.questionId);
              if (!question) return null;
              const given = attempt.answers.find((a) => a.questionId === item.questionId);
              const names = (ids: string[]) =>
                question.options
                  .filter((o) => ids.includes(o.id))
                  .map((o) => o.text)
                  .join('; ');
              return (
                <li key={item.questionId}>
                  <p>{question.text}</p>
                  <p className="cp-small">
                    {t('correctAnswer')}: <strong>{names(item.correctOptionIds)}</strong>
                  </p>
                  {given ? (
                    <p className="cp-small">
                      {t('yourAnswer')}: {names(given.optionIds)}
                    </p>
                  ) : null}
                  {item.explanation ? (
                    <p className="cp-muted cp-small">{item.explanation}</p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
