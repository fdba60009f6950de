import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';
import { useErrorMessage } from './use-error-message.ts';

type Props = {
  error: unknown;
  /** Readable names of the request's fields, to label validation details. */
  labels?: Record<string, string>;
};

type FieldIssue = { field?: string | null; message: string };

function fieldIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).filter(
    (d): d is FieldIssue => typeof (d as FieldIssue)?.message === 'string',
  );
}

/** A rejected submit, inline in the form: the server's message and any per-field details. */
export function FormError({ error, labels = {} }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const ref = useRef<HTMLDivElement>(null);
  // The alert sits at the top of the form while the submit button is at the bottom: bring it
  // into view, or a phone user never sees why nothing happened.
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  if (!error) return null;
  const issues = fieldIssues(error);
  return (
    <Alert
      ref={ref}
      color="red"
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
      data-testid="form-error"
      // Clear of a modal's sticky header when scrolled into view.
      style={{ scrollMarginTop: 72 }}
    >
      {message(error)}
      {issues.length > 0 && (
        <List size="sm" mt="xs" aria-label={t('form.serverErrors')}>
          {issues.map((issue, index) => (
            <List.Item key={index}>
              {issue.field ? `${labels[issue.field] ?? issue.field}: ` : ''}
              {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
