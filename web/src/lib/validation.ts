import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type Rule = (value: string) => string | undefined;

/** Client-side checks mirroring the server's limits (common/limits.ts), with translated messages. */
export function useRules() {
  const { t } = useTranslation();
  return useMemo(() => {
    const required: Rule = (v) => (v.trim() ? undefined : t('form.required'));
    const requiredChoice: Rule = (v) => (v ? undefined : t('form.requiredChoice'));
    const max =
      (limit: number): Rule =>
      (v) =>
        v.length > limit ? t('form.tooLong', { max: limit }) : undefined;
    const email: Rule = (v) =>
      !v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? undefined : t('form.invalidEmail');
    /** Unit codes: a letter or digit, then letters, digits, '.', '_' or '-' (as the server). */
    const code: Rule = (v) =>
      !v.trim() || /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(v.trim())
        ? undefined
        : t('form.invalidCode');
    /** The first failing rule's message. */
    const first = (value: string | null | undefined, ...rules: Rule[]) => {
      for (const rule of rules) {
        const message = rule(value ?? '');
        if (message) return message;
      }
      return undefined;
    };
    return { required, requiredChoice, max, email, code, first };
  }, [t]);
}
