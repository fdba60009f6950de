import {
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconLeaf } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/shell/language-switch.tsx';
import { FormError } from '../../components/form-error.tsx';
import { useFormState } from '../../lib/form.ts';
import { useLogin } from './auth.api.ts';
import { NEXT_PARAM, safeNextPath } from './require-auth.tsx';

/** /dang-nhap: username and password; back to where the user was going, or to the unit tree. */
export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const form = useFormState({ username: '', password: '' });
  const { values, errors, setField } = form;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check(
      {
        username: values.username.trim() ? undefined : t('auth.usernameRequired'),
        password: values.password ? undefined : t('auth.passwordRequired'),
      },
      event,
    );
    if (!ok) return;
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: () => void navigate(safeNextPath(params.get(NEXT_PARAM)), { replace: true }),
        onError: () => setField('password', ''),
      },
    );
  };

  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <title>{`${t('auth.title')} – ${t('app.name')}`}</title>
      <Group justify="flex-end" p="sm">
        <LanguageSwitch />
      </Group>
      <Center px="sm" pb="xl">
        <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={400}>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="lg">
              <Stack gap={4} align="center">
                <IconLeaf size={44} color="var(--mantine-color-xanh-7)" aria-hidden />
                <Title order={1} fz="h2" c="xanh.8">
                  {t('app.name')}
                </Title>
                <Text size="sm" c="dimmed" ta="center">
                  {t('auth.subtitle')}
                </Text>
              </Stack>
              <FormError error={login.error} />
              <TextInput
                label={t('auth.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                value={values.username}
                onChange={(e) => setField('username', e.currentTarget.value)}
                error={errors.username}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label={t('auth.password')}
                name="password"
                autoComplete="current-password"
                value={values.password}
                onChange={(e) => setField('password', e.currentTarget.value)}
                error={errors.password}
              />
              <Button type="submit" fullWidth size="md" loading={login.isPending}>
                {t('auth.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
