import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Divider,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCertificate, IconCircleCheck, IconLeaf, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatNumber } from '../../../../common/format.ts';
import { LanguageSwitch } from '../../app/shell/language-switch.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { isNotFound } from '../../lib/api.ts';
import { useCompletionStatus, usePublicCourse, useRequestCertificate } from './courses.api.ts';
import type { PublicCourse } from './courses.types.ts';
import { LessonContent } from './lesson-content.tsx';

/**
 * /hoc/:courseId — a published course for learners: no account, outside the admin shell, its own
 * small chunk. Lessons in order, then the final test (the public quiz page /thi/<contestId>) and,
 * once passed, the certificate.
 */
export default function LearnPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const query = usePublicCourse(courseId);
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" px="md" py="sm" bg="white" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <IconLeaf size={28} color="var(--mantine-color-xanh-7)" aria-hidden />
          <Text fw={700} c="xanh.8">
            {t('app.name')}
          </Text>
        </Group>
        <LanguageSwitch />
      </Group>
      <Center px="sm" py="md">
        <Stack w="100%" maw={720} gap="md" component="main">
          {query.isPending ? (
            <Center py="xl">
              <Loader />
            </Center>
          ) : query.error ? (
            isNotFound(query.error) ? (
              <Alert color="gray" title={t('courses.learn.notFound')}>
                <title>{`${t('courses.learn.notFound')} – ${t('app.name')}`}</title>
                {t('courses.learn.notFoundDescription')}
              </Alert>
            ) : (
              <ErrorState error={query.error} onRetry={() => void query.refetch()} />
            )
          ) : (
            <Course course={query.data.course} />
          )}
        </Stack>
      </Center>
    </Box>
  );
}

function Course({ course }: { course: PublicCourse }) {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${course.title} – ${t('app.name')}`}</title>
      <Stack gap={4}>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
          {course.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('courses.learn.by', { unit: course.organiser })}
        </Text>
        {course.description && <Text size="sm">{course.description}</Text>}
        {course.audience === 'members' && (
          <Text size="sm" c="orange.8">
            {t('courses.learn.membersOnly')}
          </Text>
        )}
      </Stack>
      {course.lessons.map((lesson) => (
        <Paper
          key={lesson.id}
          withBorder
          radius="md"
          p={{ base: 'sm', sm: 'lg' }}
          component="section"
        >
          <Text size="xs" c="dimmed" mb={4}>
            {t('courses.lessons.number', { n: lesson.position })}
          </Text>
          <LessonContent lesson={lesson} />
        </Paper>
      ))}
      {course.test && <FinalTest course={course} contestId={course.test.contestId} />}
    </>
  );
}

function FinalTest({ course, contestId }: { course: PublicCourse; contestId: string }) {
  const { t } = useTranslation();
  const status = useCompletionStatus(contestId);
  const certificate = useRequestCertificate(contestId);
  const done = status.data?.completed;
  const cert = certificate.data?.certificate ?? status.data?.certificate ?? null;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section">
      <Stack gap="sm">
        <Text size="sm">
          {t('courses.learn.testInfo', {
            count: course.test!.questionCount,
            mark: course.passMark,
          })}
        </Text>
        {done ? (
          <Alert
            color="xanh"
            icon={<IconCircleCheck aria-hidden />}
            title={t('courses.learn.completed')}
          >
            {t('courses.learn.completedOn', {
              date: formatDate(status.data!.completedAt!.slice(0, 10)),
              percent: formatNumber(Math.round((status.data!.bestPercent ?? 0) * 10) / 10),
            })}
          </Alert>
        ) : status.data?.bestPercent != null ? (
          <Text size="sm" c="dimmed">
            {t('courses.learn.notYet', {
              percent: formatNumber(Math.round(status.data.bestPercent * 10) / 10),
              mark: course.passMark,
            })}
          </Text>
        ) : null}
        <Group gap="sm" wrap="wrap">
          {!done && (
            <Button
              component={Link}
              to={`/thi/${contestId}`}
              leftSection={<IconPencil size={16} aria-hidden />}
              size="md"
            >
              {t('courses.learn.takeTest')}
            </Button>
          )}
          {done && course.issuesCertificates && !cert && (
            <Button
              onClick={() => certificate.mutate()}
              loading={certificate.isPending}
              leftSection={<IconCertificate size={16} aria-hidden />}
            >
              {t('courses.learn.getCertificate')}
            </Button>
          )}
          {cert && (
            <Anchor href={cert.downloadPath} target="_blank" rel="noopener">
              {t('courses.learn.downloadCertificate')}
            </Anchor>
          )}
        </Group>
        <FormError error={certificate.error} />
        <Divider hiddenFrom="xs" />
      </Stack>
    </Paper>
  );
}
