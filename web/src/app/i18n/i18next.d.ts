import 'i18next';
import type { vi } from './vi.ts';

/** Typed keys: t('tree.title') is checked, a missing key fails the type check. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
