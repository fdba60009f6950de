import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Stack,
  Stepper,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconFileSpreadsheet, IconLock, IconUpload } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../common/format.ts';
import { LIMITS } from '../../../../common/limits.ts';
import { FormError } from '../../components/form-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useCanEditSomewhere } from '../auth/auth.api.ts';
import { isApiError } from '../../lib/api.ts';
import { ImportFailed, ImportSuccess } from './import-result.tsx';
import { IMPORT_TEMPLATE_URL, useImportPeople } from './people.api.ts';
import type { ImportFailureDetails, ImportRowError } from './people.types.ts';

type Outcome =
  | { kind: 'success'; imported: number }
  | { kind: 'failed'; message: string; errors: ImportRowError[]; total: number };

function failure(details: unknown): { errors: ImportRowError[]; total: number } {
  const { errors, totalErrors } = (details ?? {}) as Partial<ImportFailureDetails>;
  const list = Array.isArray(errors) ? errors : [];
  return { errors: list, total: typeof totalErrors === 'number' ? totalErrors : list.length };
}

/** /nguoi/nhap: template → upload → all imported, or nothing imported and every error listed. */
export default function ImportPage() {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const upload = useImportPeople();
  const canImport = useCanEditSomewhere();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || !file.name.toLowerCase().endsWith('.xlsx')) {
      setFileError(t('import.wrongType'));
      return;
    }
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: ({ imported }) => {
          setOutcome({ kind: 'success', imported });
          setStep(2);
        },
        onError: (error) => {
          if (isApiError(error, 'import_failed')) {
            setOutcome({
              kind: 'failed',
              message: error.message,
              ...failure(error.details),
            });
            setStep(2);
          }
        },
      },
    );
  };

  const restart = () => {
    upload.reset();
    setOutcome(null);
    setFile(null);
    setStep(1);
  };

  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      {!canImport && (
        <Alert
          color="yellow"
          icon={<IconLock aria-hidden />}
          mb="md"
          data-testid="import-forbidden"
        >
          {t('errors.noImportRight')}
        </Alert>
      )}
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stepper
          active={step}
          onStepClick={(next) => !upload.isPending && next < step && setStep(next)}
          allowNextStepsSelect={false}
          orientation={wide ? 'horizontal' : 'vertical'}
          size="sm"
        >
          <Stepper.Step label={t('import.step1')} description={t('import.step1Description')}>
            <Stack gap="md" mt="md" align="flex-start">
              <Text size="sm">{t('import.step1Text')}</Text>
              <Group gap="sm">
                <Button
                  component="a"
                  href={IMPORT_TEMPLATE_URL}
                  download
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  data-testid="import-template"
                  disabled={!canImport}
                >
                  {t('import.download')}
                </Button>
                <Button onClick={() => setStep(1)} disabled={!canImport}>
                  {t('common.next')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step
            label={t('import.step2')}
            description={t('import.step2Description', { max: formatNumber(LIMITS.importRowsMax) })}
          >
            <form onSubmit={onSubmit} noValidate>
              <Stack gap="md" mt="md" maw={520}>
                {!isApiError(upload.error, 'import_failed') && <FormError error={upload.error} />}
                <FileInput
                  label={t('import.file')}
                  placeholder={t('import.filePlaceholder')}
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  value={file}
                  onChange={(next) => {
                    setFile(next);
                    setFileError(undefined);
                    upload.reset();
                  }}
                  error={fileError}
                  leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                  clearable
                  disabled={upload.isPending}
                  data-testid="import-file"
                />
                {upload.isPending && <UploadProgress percent={progress} />}
                <Group gap="sm">
                  <Button variant="default" onClick={() => setStep(0)} disabled={upload.isPending}>
                    {t('common.back')}
                  </Button>
                  <Button
                    type="submit"
                    loading={upload.isPending}
                    disabled={!file}
                    leftSection={<IconUpload size={16} aria-hidden />}
                  >
                    {t('import.upload')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>
          <Stepper.Step label={t('import.step3')} description={t('import.step3Description')}>
            <Stack mt="md">
              {outcome?.kind === 'success' && (
                <ImportSuccess imported={outcome.imported} onAgain={restart} />
              )}
              {outcome?.kind === 'failed' && (
                <ImportFailed
                  message={outcome.message}
                  errors={outcome.errors}
                  total={outcome.total}
                  onAgain={restart}
                />
              )}
            </Stack>
          </Stepper.Step>
        </Stepper>
      </Paper>
    </>
  );
}

function UploadProgress({ percent }: { percent: number }) {
  const { t } = useTranslation();
  const sent = percent >= 100;
  const label = sent ? t('import.processing') : t('import.uploading', { percent });
  return (
    <Stack gap={4} role="status" aria-live="polite" data-testid="import-progress">
      <Progress
        value={sent ? 100 : percent}
        striped={sent}
        animated={sent}
        aria-label={label}
        size="lg"
        transitionDuration={150}
      />
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
