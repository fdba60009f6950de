import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  Progress,
  Stack,
  Stepper,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconUpload,
} from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../common/format.ts';
import { FormError } from '../../components/form-error.tsx';
import { ImportErrorsTable } from '../../components/import-errors-table.tsx';
import { isApiError } from '../../lib/api.ts';
import { questionTemplateUrl, useImportQuestions } from './contests.api.ts';
import type { ImportRowError } from './contests.types.ts';

type Outcome =
  | { kind: 'success'; imported: number }
  | { kind: 'failed'; errors: ImportRowError[]; total: number };

/** Template → upload → all imported (count), or nothing imported and every problem by row and column. */
export function QuestionImport({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const upload = useImportQuestions(unitId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || !file.name.toLowerCase().endsWith('.xlsx')) {
      setFileError(t('contests.import.wrongType'));
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
          if (!isApiError(error, 'import_failed')) return;
          const details = (error.details ?? {}) as {
            errors?: ImportRowError[];
            totalErrors?: number;
          };
          const errors = Array.isArray(details.errors) ? details.errors : [];
          setOutcome({ kind: 'failed', errors, total: details.totalErrors ?? errors.length });
          setStep(2);
        },
      },
    );
  };
  const again = () => {
    upload.reset();
    setOutcome(null);
    setFile(null);
    setStep(1);
  };

  return (
    <Modal opened onClose={onClose} title={t('contests.import.title')} size="xl" fullScreen={!wide}>
      <Stepper
        active={step}
        onStepClick={(next) => !upload.isPending && next < step && setStep(next)}
        allowNextStepsSelect={false}
        orientation={wide ? 'horizontal' : 'vertical'}
        size="sm"
      >
        <Stepper.Step label={t('contests.import.step1')}>
          <Stack gap="md" mt="md" align="flex-start">
            <Text size="sm">{t('contests.import.step1Text')}</Text>
            <Group gap="sm">
              <Button
                component="a"
                href={questionTemplateUrl(unitId)}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                data-testid="question-template"
              >
                {t('contests.import.download')}
              </Button>
              <Button onClick={() => setStep(1)}>{t('common.next')}</Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('contests.import.step2')}>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md" mt="md" maw={520}>
              {!isApiError(upload.error, 'import_failed') && <FormError error={upload.error} />}
              <FileInput
                label={t('contests.import.file')}
                placeholder={t('contests.import.filePlaceholder')}
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
                data-testid="question-import-file"
              />
              {upload.isPending && (
                <Progress
                  value={progress}
                  striped={progress >= 100}
                  animated={progress >= 100}
                  aria-label={t('contests.import.upload')}
                />
              )}
              <Group gap="sm">
                <Button variant="default" onClick={() => setStep(0)} disabled={upload.isPending}>
                  {t('common.back')}
                </Button>
                <Button
                  type="submit"
                  loading={upload.isPending}
                  disabled={!file}
                  leftSection={<IconUpload size={16} aria-hidden />}
                  data-testid="question-import-submit"
                >
                  {t('contests.import.upload')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>
        <Stepper.Step label={t('contests.import.step3')}>
          <Stack mt="md" gap="md">
            {outcome?.kind === 'success' && (
              <Alert
                color="xanh"
                variant="light"
                icon={<IconCircleCheck aria-hidden />}
                role="status"
                title={
                  <span data-testid="question-import-success">
                    {t('contests.import.success', { n: formatNumber(outcome.imported) })}
                  </span>
                }
              >
                <Group gap="sm">
                  <Button onClick={onClose}>{t('common.close')}</Button>
                  <Button variant="default" onClick={again}>
                    {t('contests.import.again')}
                  </Button>
                </Group>
              </Alert>
            )}
            {outcome?.kind === 'failed' && (
              <>
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertTriangle aria-hidden />}
                  title={t('contests.import.failedTitle')}
                  role="alert"
                  data-testid="question-import-failed"
                >
                  {t('contests.import.failedDescription', { n: formatNumber(outcome.total) })}
                </Alert>
                <ImportErrorsTable
                  errors={outcome.errors}
                  testId="question-import-errors"
                  maxHeight={420}
                />
                <Button variant="default" onClick={again} style={{ alignSelf: 'flex-start' }}>
                  {t('contests.import.tryAgain')}
                </Button>
              </>
            )}
          </Stack>
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}
