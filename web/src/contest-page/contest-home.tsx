import { useCallback, useEffect, useState } from 'react';
import type { Attempt, ContestApi, PublicContest, Standing, Submitted } from './api.ts';
import { ApiError } from './api.ts';
import { AttemptScreen } from './attempt-screen.tsx';
import { DoneScreen } from './done-screen.tsx';
import { formatDateTime, formatDuration } from './format.ts';
import type { T } from './i18n.ts';
import { useT } from './i18n.ts';
import { RegisterForm } from './register-form.tsx';
import { errorText } from './errors.ts';

type Loaded = {
  contest: PublicContest;
  standing: Standing | null;
  certificates: { roundId: string; downloadPath: string }[];
};
type Screen =
  | { kind: 'home' }
  | { kind: 'attempt'; attempt: Attempt }
  | { kind: 'done'; attempt: Attempt; submitted: Submitted };

/** The contest: what it is, its rounds, the participant's standing, and the way in. */
export function ContestHome({
  api,
  onResults,
}: {
  api: ContestApi;
  onResults: (id: string) => void;
}) {
  const { t } = useT();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setFailure(null);
    try {
      const contest = await api.contest();
      const standing = await api.standing().catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      });
      const anyClosed = contest.rounds.some((r) => r.status === 'closed');
      const certificates = standing && anyClosed ? await api.certificates() : [];
      setLoaded({ contest, standing, certificates });
      // Back after a reload mid-attempt: straight into the running attempt.
      if (standing?.activeAttemptId) {
        const attempt = await api.attempt(standing.activeAttemptId);
        if (attempt.status === 'active') setScreen({ kind: 'attempt', attempt });
      }
    } catch (error) {
      setFailure(error);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);
  const title = loaded?.contest.title;
  useEffect(() => {
    if (title) document.title = `${title} – ${t('appName')}`;
  }, [title, t]);

  const start = async () => {
    setBusy(true);
    setActionError(null);
    try {
      setScreen({ kind: 'attempt', attempt: await api.start() });
    } catch (error) {
      const running = (error as ApiError).details as { attemptId?: string } | undefined;
      if (running?.attemptId)
        setScreen({ kind: 'attempt', attempt: await api.attempt(running.attemptId) });
      else setActionError(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  if (failure) {
    const missing =
      failure instanceof ApiError && (failure.status === 404 || failure.status === 400);
    return (
      <div className="cp-notice" role="alert">
        <p>{missing ? t('notFound') : t('loadFailed')}</p>
        {missing ? null : (
          <button type="button" className="cp-button" onClick={() => void load()}>
            {t('retry')}
          </button>
        )}
      </div>
    );
  }
  if (!loaded)
    return (
      <p className="cp-notice" role="status">
        {t('loading')}
      </p>
    );
  const { contest, standing, certificates } = loaded;

  if (screen.kind === 'attempt') {
    return (
      <AttemptScreen
        api={api}
        attempt={screen.attempt}
        onSubmitted={(submitted, answered) =>
          setScreen({ kind: 'done', attempt: answered, submitted })
        }
      />
    );
  }
  if (screen.kind === 'done') {
    return (
      <DoneScreen
        contest={contest}
        attempt={screen.attempt}
        submitted={screen.submitted}
        // Fresh standing first (attempts left, best result), so nothing stale is shown.
        onBack={() => void load().then(() => setScreen({ kind: 'home' }))}
      />
    );
  }

  const open = contest.rounds.find((r) => r.status === 'open');
  const openStanding = open && standing?.rounds.find((r) => r.roundId === open.id);
  return (
    <div className="cp-stack">
      <section className="cp-card">
        <h1 className="cp-title" data-testid="contest-title">
          {contest.title}
        </h1>
        <p className="cp-muted">
          {t('organiser')}: <strong>{contest.organiser}</strong>
        </p>
        <ul className="cp-facts">
          <li>{t('questions', { n: contest.questionCount })}</li>
          <li>{timeLimitText(t, contest)}</li>
          {contest.attemptsPerRound ? (
            <li>{t('attemptsPerRound', { n: contest.attemptsPerRound })}</li>
          ) : null}
        </ul>
        {contest.rules ? (
          <details className="cp-rules" open>
            <summary>{t('rules')}</summary>
            <p>{contest.rules}</p>
          </details>
        ) : null}
      </section>

      <section className="cp-card" aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t('rounds')}</h2>
        <ol className="cp-rounds">
          {contest.rounds.map((round) => (
            <li key={round.id} data-testid={`round-${round.number}`}>
              <div className="cp-round-head">
                <strong>
                  {t('round', { n: round.number })}
                  {round.topic ? `: ${round.topic}` : ''}
                </strong>
                <span className={`cp-badge cp-badge-${round.status}`}>
                  {t(`status_${round.status}`)}
                </span>
              </div>
              <div className="cp-muted">
                {formatDateTime(round.opensAt)} – {formatDateTime(round.closesAt)}
              </div>
              {round.status === 'closed' ? (
                <button type="button" className="cp-link" onClick={() => onResults(round.id)}>
                  {t('seeResults')}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {standing ? (
        <section className="cp-card" data-testid="standing">
          <h2>{t('hello', { name: standing.participant.fullName })}</h2>
          {open && openStanding ? (
            <RoundStanding t={t} contest={contest} standing={openStanding} />
          ) : (
            <p>{t('noOpenRound')}</p>
          )}
          {actionError ? (
            <p className="cp-error" role="alert">
              {actionError}
            </p>
          ) : null}
          {open && openStanding && openStanding.attemptsLeft !== 0 ? (
            <button
              type="button"
              className="cp-button cp-button-big"
              disabled={busy}
              onClick={() => void start()}
            >
              {standing.activeAttemptId ? t('resume') : t('start')}
            </button>
          ) : null}
          {certificates.length > 0 ? (
            <div className="cp-certificates">
              <h3>{t('certificates')}</h3>
              {certificates.map((c) => {
                const round = contest.rounds.find((r) => r.id === c.roundId);
                return (
                  <a key={c.downloadPath} className="cp-link" href={c.downloadPath} download>
                    {t('downloadCertificate', { n: round?.number ?? '' })}
                  </a>
                );
              })}
            </div>
          ) : null}
        </section>
      ) : (
        <RegisterForm api={api} contestId={contest.id} onRegistered={() => void load()} />
      )}
    </div>
  );
}

function RoundStanding({
  t,
  contest,
  standing,
}: {
  t: T;
  contest: PublicContest;
  standing: Standing['rounds'][number];
}) {
  return (
    <div className="cp-stack-tight">
      {standing.attemptsLeft === null ? (
        <p>{t('attemptsUsed', { n: standing.attemptsUsed })}</p>
      ) : standing.attemptsLeft > 0 ? (
        <p data-testid="attempts-left">{t('attemptsLeft', { n: standing.attemptsLeft })}</p>
      ) : (
        <p data-testid="attempts-left">{t('noAttemptsLeft')}</p>
      )}
      {standing.best ? (
        <p data-testid="best-result">
          {t('best', {
            score: standing.best.score,
            max: standing.best.maxScore,
            time: formatDuration(t, standing.best.durationMs),
          })}
        </p>
      ) : standing.attemptsUsed > 0 && contest.reviewPolicy === 'after_round' ? (
        <p className="cp-muted">{t('bestLater')}</p>
      ) : null}
    </div>
  );
}

function timeLimitText(t: T, contest: PublicContest): string {
  if (contest.timeLimitKind === 'none' || !contest.timeLimitSeconds) return t('noTimeLimit');
  const limit = formatDuration(t, contest.timeLimitSeconds * 1000);
  return t('timeLimit', {
    t: contest.timeLimitKind === 'per_question' ? t('perQuestion', { t: limit }) : limit,
  });
}
