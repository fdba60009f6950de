import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { readIsoParam, todayInVietnam } from './dates.ts';

/** URL parameter holding the as-of date: ?ngay=YYYY-MM-DD. */
export const AS_OF_PARAM = 'ngay';

/**
 * The date the organisation is viewed at. It lives in the URL so that it survives a reload and
 * travels with links; without the parameter it is today (Vietnam time).
 */
export function useAsOf() {
  const [params, setParams] = useSearchParams();
  const explicit = readIsoParam(params.get(AS_OF_PARAM));
  const today = todayInVietnam();
  const asOf = explicit ?? today;

  const setAsOf = useCallback(
    (iso: string | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (!iso || iso === todayInVietnam()) next.delete(AS_OF_PARAM);
          else next.set(AS_OF_PARAM, iso);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  /** A path that keeps the chosen date: '/don-vi/abc' → '/don-vi/abc?ngay=2024-01-01'. */
  const withAsOf = useCallback(
    (path: string) => (explicit ? `${path}?${AS_OF_PARAM}=${explicit}` : path),
    [explicit],
  );

  return { asOf, isToday: asOf === today, setAsOf, withAsOf };
}

/** '/don-vi/abc' at a date; today's date leaves the parameter out. */
export function unitPath(id: string, asOf?: string | null): string {
  return asOf && asOf !== todayInVietnam()
    ? `/don-vi/${id}?${AS_OF_PARAM}=${asOf}`
    : `/don-vi/${id}`;
}

/** The unit tree at a date. */
export function treePath(asOf?: string | null): string {
  return asOf && asOf !== todayInVietnam() ? `/don-vi?${AS_OF_PARAM}=${asOf}` : '/don-vi';
}
