import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ApiError } from '../../lib/api.ts';
import { useMe } from './auth.api.ts';

export const LOGIN_PATH = '/dang-nhap';
/** Where to go back after logging in: /dang-nhap?tiep=/don-vi/… */
export const NEXT_PARAM = 'tiep';

/** Shows its children to a logged-in user; anyone else goes to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = location.pathname + location.search;
      const target =
        next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?${NEXT_PARAM}=${encodeURIComponent(next)}`;
      return <Navigate to={target} replace />;
    }
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} fullPage />;
  }
  return children;
}

/** Only same-site paths are followed after login (no open redirect). */
export function safeNextPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(LOGIN_PATH)
    ? value
    : '/don-vi';
}
