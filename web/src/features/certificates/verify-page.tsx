import {
  Box,
  Button,
  Center,
  Divider,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconLeaf, IconRosetteDiscountCheck, IconShieldX } from '@tabler/icons-react';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { LanguageSwitch } from '../../app/shell/language-switch.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { isApiError } from '../../lib/api.ts';
import type { PublicCertificate } from './certificates.api.ts';
import { formatCode, useVerifyCertificate } from './certificates.api.ts';

/**
 * /xac-thuc/:code — where a certificate's QR code leads. Public (no account, outside the admin
 * shell, its own small chunk), for a phone: is the paper genuine, and what does it certify.
 */
export default function VerifyCertificatePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <title>{`${t('certificates.verifyTitle')} – ${t('app.name')}`}</title>
      <Group justify="space-between" px="md" py="sm" bg="white" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <IconLeaf size={28} color="var(--mantine-color-xanh-7)" aria-hidden />
          <Stack gap={0}>
            <Text fw={700} c="xanh.8" lh={1.2}>
              {t('app.name')}
            </Text>
            <Text size="xs" c="dimmed" lh={1.2}>
              {t('app.tagline')}
            </Text>
          </Stack>
        </Group>
        <LanguageSwitch />
      </Group>
      <Center px="sm" py="lg">
        <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} w="100%" maw={520}>
          <Stack gap="lg">
            <Title order={1} fz="h3" ta="center">
              {t('certificates.verifyTitle')}
            </Title>
            {code ? <Verdict key={code} code={code} /> : null}
            <CheckAnother hasCode={Boolean(code)} />
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}

function Verdict({ code }: { code: string }) {
  const { t } = useTranslation();
  const verify = useVerifyCertificate(code);
  if (verify.isPending) {
    return (
      <Group justify="center" gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('certificates.checking')}</Text>
      </Group>
    );
  }
  if (verify.error) {
    const notFound = isApiError(verify.error, 'not_found');
    const badCode = isApiError(verify.error, 'validation_failed');
    if (!notFound && !badCode) {
      return <ErrorState error={verify.error} onRetry={() => void verify.refetch()} />;
    }
    return (
      <Stack align="center" gap="xs" ta="center" data-testid="verify-not-found" role="alert">
        <ThemeIcon size={64} radius="xl" color="red" variant="light">
          <IconShieldX size={40} aria-hidden />
        </ThemeIcon>
        <Text fw={700} fz="lg" c="red.8">
          {notFound ? t('certificates.notFound') : t('certificates.invalidCode')}
        </Text>
        <Text size="sm">{verify.error.message}</Text>
      </Stack>
    );
  }
  return <Valid certificate={verify.data.certificate} />;
}

function Valid({ certificate }: { certificate: PublicCertificate }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="verify-valid">
      <Stack align="center" gap="xs" ta="center" role="status">
        <ThemeIcon size={64} radius="xl" color="xanh" variant="light">
          <IconRosetteDiscountCheck size={40} aria-hidden />
        </ThemeIcon>
        <Text fw={700} fz="lg" c="xanh.8">
          {t('certificates.valid')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('certificates.validDescription')}
        </Text>
      </Stack>
      <Divider />
      <Field label={t('certificates.holder')}>
        <Text fw={700} fz="xl" data-testid="verify-holder">
          {certificate.holderName}
        </Text>
        <Text size="xs" c="dimmed">
          {t('certificates.maskedNote')}
        </Text>
      </Field>
      <Field label={t('certificates.title')}>
        <Text data-testid="verify-title">{certificate.title}</Text>
      </Field>
      <Group grow align="flex-start">
        <Field label={t('certificates.issuedOn')}>
          <Text data-testid="verify-date">{formatDate(certificate.issuedOn)}</Text>
        </Field>
        <Field label={t('certificates.code')}>
          <Text ff="monospace">{formatCode(certificate.code)}</Text>
        </Field>
      </Group>
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function CheckAnother({ hasCode }: { hasCode: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const code = value.trim();
    if (code) void navigate(`/xac-thuc/${encodeURIComponent(code)}`);
    setValue('');
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        {hasCode && <Divider label={t('certificates.checkAnother')} labelPosition="center" />}
        <TextInput
          label={t('certificates.codeLabel')}
          placeholder={t('certificates.codePlaceholder')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={40}
        />
        <Button type="submit" variant="light" disabled={!value.trim()}>
          {t('certificates.submit')}
        </Button>
      </Stack>
    </form>
  );
}
