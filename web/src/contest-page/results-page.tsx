import { useEffect, useState } from 'react';
import type { ContestApi, Results } from './api.ts';
import { ApiError } from './api.ts';
import { errorText } from './errors.ts';
import { useT } from './i18n.ts';

/** A closed round's results, as published: masked names and phones, paged by 100. */
export function ResultsPage(props: { api: ContestApi; roundId: string; onBack: () => void }) {
  const { t } = useT();
  const { api, roundId } = props;
  const [page, setPage] = useState(1);
  const [results, setResults] = useState<Results | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setFailure(null);
    api.results(roundId, page).then(
      (r) => live && setResults(r),
      (error: unknown) => {
        if (!live) return;
        const notClosed = error instanceof ApiError && error.status === 409;
        setFailure(notClosed ? t('notClosedYet') : errorText(t, error));
      },
    );
    return () => {
      live = false;
    };
  }, [api, roundId, page, t]);

  const pages = results ? Math.max(1, Math.ceil(results.total / results.pageSize)) : 1;
  return (
    <div className="cp-stack">
      <button type="button" className="cp-link" onClick={props.onBack}>
        ← {t('back')}
      </button>
      {failure ? (
        <p className="cp-notice" role="alert">
          {failure}
        </p>
      ) : !results ? (
        <p className="cp-notice" role="status">
          {t('loading')}
        </p>
      ) : (
        <section className="cp-card">
          <h1 className="cp-title">{t('results', { n: results.round.number })}</h1>
          <p className="cp-muted">
            {t('participants', { n: results.round.participantCount })} ·{' '}
            {t('trueCount', { n: results.round.trueCount })}
          </p>
          <ol className="cp-results" data-testid="results">
            {results.items.map((item) => (
              <li key={`${item.rank}-${item.phone}-${item.name}`} data-testid="result-row">
                <span className="cp-rank">{item.rank}</span>
                <span className="cp-result-who">
                  <strong data-testid="result-name">{item.name}</strong>
                  <span className="cp-muted cp-small">
                    {item.phone}
                    {item.unit ? ` · ${item.unit}` : ''}
                  </span>
                </span>
                <span className="cp-result-score">
                  <strong>{item.score}</strong>
                  {item.prize ? <span className="cp-prize">{item.prize}</span> : null}
                </span>
              </li>
            ))}
          </ol>
          {pages > 1 ? (
            <div className="cp-row">
              <button
                type="button"
                className="cp-button cp-button-quiet"
                disabled={page <= 1}
                onClick={() => setPage(page - 1)}
              >
                {t('prevPage')}
              </button>
              <span className="cp-small">{t('page', { n: page, total: pages })}</span>
              <button
                type="button"
                className="cp-button cp-button-quiet"
                disabled={page >= pages}
                onClick={() => setPage(page + 1)}
              >
                {t('nextPage')}
              </button>
            </div>
          ) : null}
        </section>
      )}
    </div>
  );
}
