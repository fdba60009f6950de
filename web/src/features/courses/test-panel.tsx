import { Alert, Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../common/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { useAttachTest, useBankCategories } from './courses.api.ts';
import type { CourseDetail } from './courses.types.ts';

/** Vietnam's calendar day of an instant, 'YYYY-MM-DD'. */
const vietnamDay = (iso: string) =>
  new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The final test: how many questions per topic of the unit's bank, time, attempts, window. */
export function TestPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const test = course.test;
  const summary = test && (
    <Stack gap={4}>
      <Text size="sm">
        {t('courses.test.summary', {
          count: test.questionCount,
          attempts: test.attemptsAllowed
            ? t('courses.test.attemptsN', { n: test.attemptsAllowed })
            : t('courses.test.unlimitedAttempts'),
          time: test.timeLimitSeconds
            ? t('courses.test.minutes', { n: Math.round(test.timeLimitSeconds / 60) })
            : t('courses.test.noTime'),
        })}
      </Text>
      {test.opensAt && test.closesAt && (
        <Text size="sm" c="dimmed">
          {t('courses.test.window', {
            from: formatDate(vietnamDay(test.opensAt)),
            to: formatDate(vietnamDay(test.closesAt)),
          })}
        </Text>
      )}
    </Stack>
  );
  if (course.status !== 'draft' || !course.abilities.write) {
    return (
      <Stack gap="sm">
        {summary ?? <Text c="dimmed">{t('courses.test.none')}</Text>}
        {test?.status === 'published' && (
          <Text size="sm" c="dimmed">
            {t('courses.test.locked')}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {summary}
      <TestForm course={course} />
    </Stack>
  );
}

function TestForm({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const categories = useBankCategories(course.unitId);
  const attach = useAttachTest(course.id);
  const test = course.test;
  const year = new Date().getFullYear();
  const [counts, setCounts] = useState<Record<string, number>>(
    Object.fromEntries((test?.quotas ?? []).map((q) => [q.categoryId, q.count])),
  );
  const [minutes, setMinutes] = useState<number | string>(
    test?.timeLimitSeconds ? test.timeLimitSeconds / 60 : 15,
  );
  const [attempts, setAttempts] = useState<number | string>(
    test ? (test.attemptsAllowed ?? '') : 3,
  );
  const [from, setFrom] = useState<string | null>(
    test?.opensAt ? vietnamDay(test.opensAt) : `${year}-01-01`,
  );
  const [to, setTo] = useState<string | null>(
    test?.closesAt ? vietnamDay(test.closesAt) : `${year}-12-31`,
  );
  if (categories.error) return <ErrorState error={categories.error} />;
  const items = categories.data?.items ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attach.mutate(
      {
        quotas: Object.entries(counts)
          .filter(([, n]) => n > 0)
          .map(([categoryId, count]) => ({ categoryId, count })),
        timeLimitSeconds:
          typeof minutes === 'number' && minutes > 0 ? Math.round(minutes * 60) : null,
        attemptsAllowed: typeof attempts === 'number' && attempts > 0 ? attempts : null,
        opensAt: `${from}T00:00:00+07:00`,
        closesAt: `${to}T23:59:59+07:00`,
      },
      { onSuccess: () => notifications.show({ message: t('courses.test.saved') }) },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('courses.test.intro')}
        </Text>
        <FormError error={attach.error} />
        {items.length === 0 && !categories.isPending ? (
          <Alert color="yellow">{t('courses.test.noCategories')}</Alert>
        ) : (
          <Table.ScrollContainer minWidth={280}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('courses.test.category')}</Table.Th>
                  <Table.Th w={110}>{t('courses.test.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((category) => (
                  <Table.Tr key={category.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{category.name}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`${t('courses.test.count')}: ${category.name}`}
                        min={0}
                        max={200}
                        value={counts[category.id] ?? 0}
                        onChange={(v) =>
                          setCounts((c) => ({ ...c, [category.id]: typeof v === 'number' ? v : 0 }))
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group grow wrap="wrap" align="flex-start">
          <NumberInput
            label={t('courses.test.timeLimit')}
            min={1}
            max={1440}
            value={minutes}
            onChange={setMinutes}
            miw={200}
          />
          <NumberInput
            label={t('courses.test.attempts')}
            min={1}
            max={1000}
            value={attempts}
            onChange={setAttempts}
            miw={200}
          />
        </Group>
        <Group grow wrap="wrap" align="flex-start">
          <DateField
            label={t('courses.test.opensAt')}
            value={from}
            onChange={setFrom}
            required
            miw={200}
          />
          <DateField
            label={t('courses.test.closesAt')}
            value={to}
            onChange={setTo}
            required
            miw={200}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={attach.isPending} disabled={!from || !to}>
            {t('courses.test.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
