import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../common/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { todayInVietnam } from '../../lib/dates.ts';
import { JobProgress } from '../jobs/job-progress.tsx';
import { useIssueRoundCertificates } from './contests.api.ts';

/** Issues a closed round's certificates as a background job and follows its progress. */
export function RoundCertificates({ contestId, roundId }: { contestId: string; roundId: string }) {
  const { t } = useTranslation();
  const issue = useIssueRoundCertificates(contestId, roundId);
  const [scope, setScope] = useState<'prize_winners' | 'all'>('prize_winners');
  const [issuedOn, setIssuedOn] = useState<string | null>(todayInVietnam());
  const [place, setPlace] = useState('');
  const [signerTitle, setSignerTitle] = useState('');
  const [signerName, setSignerName] = useState('');
  const [job, setJob] = useState<{ jobId: string; holders: number } | null>(null);
  const [missing, setMissing] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!issuedOn || !place.trim()) {
      setMissing(true);
      return;
    }
    const signer =
      signerTitle.trim() && signerName.trim()
        ? { title: signerTitle.trim(), name: signerName.trim() }
        : null;
    issue.mutate({ scope, issuedOn, place: place.trim(), signer }, { onSuccess: setJob });
  };

  if (job) {
    return (
      <Stack gap={4} data-testid="certificates-job">
        <Text size="sm" fw={500}>
          {t('contests.round.issuing', { n: formatNumber(job.holders) })}
        </Text>
        <JobProgress jobId={job.jobId} />
      </Stack>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm" maw={520}>
        <Text size="sm" c="dimmed">
          {t('contests.round.certificatesHint')}
        </Text>
        <FormError error={issue.error} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('contests.round.scope')}
          </Text>
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v)}
            data={[
              { value: 'prize_winners', label: t('contests.round.scopePrize') },
              { value: 'all', label: t('contests.round.scopeAll') },
            ]}
            fullWidth
          />
        </Stack>
        <DateField
          label={t('contests.round.issuedOn')}
          value={issuedOn}
          onChange={setIssuedOn}
          required
          error={missing && !issuedOn ? t('form.required') : undefined}
        />
        <TextInput
          label={t('contests.round.place')}
          placeholder={t('contests.round.placeHint')}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          maxLength={80}
          required
          error={missing && !place.trim() ? t('form.required') : undefined}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('contests.round.signerTitle')}
            value={signerTitle}
            onChange={(e) => setSignerTitle(e.currentTarget.value)}
            maxLength={160}
            miw={200}
          />
          <TextInput
            label={t('contests.round.signerName')}
            value={signerName}
            onChange={(e) => setSignerName(e.currentTarget.value)}
            maxLength={120}
            miw={200}
          />
        </Group>
        <Group>
          <Button
            type="submit"
            loading={issue.isPending}
            leftSection={<IconCertificate size={16} aria-hidden />}
            data-testid="issue-certificates"
          >
            {t('contests.round.issue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
