import { useCallback, useEffect, useMemo, useState } from 'react';
import { contestApi } from './api.ts';
import { ContestHome } from './contest-home.tsx';
import { setLang, useT } from './i18n.ts';
import { ResultsPage } from './results-page.tsx';
import { parseRoute } from './route.ts';

export function ContestApp() {
  const { t } = useT();
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((path: string) => {
    history.pushState(null, '', path);
    setRoute(parseRoute(path));
    window.scrollTo(0, 0);
  }, []);
  const contestId = route.kind === 'unknown' ? null : route.contestId;
  const api = useMemo(() => (contestId ? contestApi(contestId) : null), [contestId]);

  return (
    <>
      <Header />
      <main className="cp-main" id="main">
        {route.kind === 'unknown' || !api ? (
          <p className="cp-notice">{t('notFound')}</p>
        ) : route.kind === 'results' ? (
          <ResultsPage
            api={api}
            roundId={route.roundId}
            onBack={() => navigate(`/thi/${route.contestId}`)}
          />
        ) : (
          <ContestHome
            api={api}
            onResults={(roundId) => navigate(`/thi/${route.contestId}/ket-qua/${roundId}`)}
          />
        )}
      </main>
    </>
  );
}

function Header() {
  const { t, lang } = useT();
  return (
    <header className="cp-header">
      <span className="cp-brand">
        <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
          <circle cx="16" cy="16" r="15" fill="#17803e" />
          <path d="M10 20c0-7 5-11 12-12-1 7-5 12-12 12z" fill="#fff" />
        </svg>
        {t('appName')}
      </span>
      <span className="cp-lang" role="group" aria-label={t('langLabel')}>
        {(['vi', 'en'] as const).map((value) => (
          <button
            key={value}
            type="button"
            lang={value}
            aria-pressed={lang === value}
            onClick={() => setLang(value)}
          >
            {value.toUpperCase()}
          </button>
        ))}
      </span>
    </header>
  );
}
