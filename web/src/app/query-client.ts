import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api.ts';
import { queryKeys } from '../lib/query-keys.ts';

function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unauthenticated';
}

/**
 * One client for the app. A 401 on any request means the session ended: the "me" query is reset,
 * RequireAuth sees it fail and sends the user to the login page.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isUnauthenticated(error) && query.queryKey[0] !== queryKeys.me[0]) {
        void queryClient.resetQueries({ queryKey: queryKeys.me });
      }
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (isUnauthenticated(error)) void queryClient.resetQueries({ queryKey: queryKeys.me });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (401, 403, 404, 422…) are answers, not hiccups: never retried.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) &&
        failureCount < 2,
    },
    mutations: { retry: false },
  },
});
