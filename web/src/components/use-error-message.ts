import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR } from '../lib/api.ts';

/** The text to show for any failure: the server's Vietnamese message when there is one. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.code === NETWORK_ERROR) return t('errors.network');
        if (error.message) return error.message;
        if (error.status === 403) return t('errors.forbidden');
      }
      return t('errors.unexpected');
    },
    [t],
  );
}
