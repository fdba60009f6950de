import { Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import { FormError } from '../../components/form-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useFormState } from '../../lib/form.ts';
import { useChangePassword } from './auth.api.ts';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

/** /doi-mat-khau: POST /auth/password; the server ends the user's other sessions. */
export default function PasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useFormState(EMPTY);
  const { values, errors, setField } = form;

  const validate = (event: FormEvent) => {
    const { currentPassword, newPassword, confirm } = values;
    return form.check(
      {
        currentPassword: currentPassword ? undefined : t('form.required'),
        newPassword:
          newPassword.length < LIMITS.passwordMin
            ? t('password.tooShort', { min: LIMITS.passwordMin })
            : newPassword.length > LIMITS.passwordMax
              ? t('password.tooLong', { max: LIMITS.passwordMax })
              : newPassword === currentPassword
                ? t('password.sameAsOld')
                : undefined,
        confirm: confirm === newPassword ? undefined : t('password.mismatch'),
      },
      event,
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!validate(event)) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.setValues(EMPTY);
          notifications.show({ color: 'xanh', message: t('password.done') });
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('password.title')} subtitle={t('password.description')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={480}>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <FormError error={change.error} />
            <PasswordInput
              label={t('password.current')}
              autoComplete="current-password"
              value={values.currentPassword}
              onChange={(e) => setField('currentPassword', e.currentTarget.value)}
              error={errors.currentPassword}
              required
            />
            <PasswordInput
              label={t('password.new')}
              description={t('password.tooShort', { min: LIMITS.passwordMin })}
              autoComplete="new-password"
              value={values.newPassword}
              onChange={(e) => setField('newPassword', e.currentTarget.value)}
              error={errors.newPassword}
              maxLength={LIMITS.passwordMax}
              required
            />
            <PasswordInput
              label={t('password.confirm')}
              autoComplete="new-password"
              value={values.confirm}
              onChange={(e) => setField('confirm', e.currentTarget.value)}
              error={errors.confirm}
              required
            />
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
