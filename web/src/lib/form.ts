import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';

export type FieldErrors<T> = Partial<Record<keyof T, string>>;

/** Small controlled-form state: values, per-field errors cleared as the user edits. */
export function useFormState<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors<T>>({});

  const setField = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => (prev[key] ? { ...prev, [key]: undefined } : prev));
  }, []);

  /** Changes several fields at once (used by shared field groups). */
  const patch = useCallback((partial: Partial<T>) => {
    setValues((prev) => ({ ...prev, ...partial }));
    setErrors((prev) => {
      const next = { ...prev };
      for (const key of Object.keys(partial) as (keyof T)[]) delete next[key];
      return next;
    });
  }, []);

  /**
   * Sets the errors and tells whether the form may be submitted. Given the submit event, moves
   * the focus to the first invalid field so the message is seen (and read by screen readers).
   */
  const check = useCallback((found: FieldErrors<T>, event?: FormEvent) => {
    const clean = Object.fromEntries(
      Object.entries(found).filter(([, message]) => Boolean(message)),
    ) as FieldErrors<T>;
    setErrors(clean);
    const ok = Object.keys(clean).length === 0;
    if (!ok && event) focusFirstInvalid(event);
    return ok;
  }, []);

  return { values, setValues, errors, setErrors, setField, patch, check };
}

/** Empty strings become undefined so optional fields are left out of the request. */
export function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** After the errors render, focuses the first field marked aria-invalid in the submitted form. */
export function focusFirstInvalid(event: FormEvent): void {
  const form = event.currentTarget;
  requestAnimationFrame(() => {
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
