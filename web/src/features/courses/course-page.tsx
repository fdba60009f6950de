import { Anchor, Button, Group, Skeleton, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { NotFoundState } from '../../components/not-found-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useErrorMessage } from '../../components/use-error-message.ts';
import { isNotFound } from '../../lib/api.ts';
import { ConfirmButton } from '../planning/confirm-button.tsx';
import { UNIT_PARAM } from '../planning/use-unit-param.ts';
import { CompletionsPanel } from './completions-panel.tsx';
import { CourseStatusBadge } from './course-badges.tsx';
import { useCloseCourse, useCourse, usePublishCourse } from './courses.api.ts';
import { DetailsPanel } from './details-panel.tsx';
import { LessonsPanel } from './lessons-panel.tsx';
import { TestPanel } from './test-panel.tsx';

/** /khoa-hoc/:id — the course editor: lessons in order, final test, details, results. */
export default function CoursePage() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { id = '' } = useParams();
  const query = useCourse(id);
  const publish = usePublishCourse(id);
  const close = useCloseCourse(id);
  if (query.isPending) return <Skeleton h={240} radius="md" />;
  if (query.error) {
    return isNotFound(query.error) ? (
      <NotFoundState
        title={t('courses.editor.notFound')}
        description={t('courses.editor.notFoundDescription')}
      />
    ) : (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const { course } = query.data;
  const onError = (e: unknown) => notifications.show({ color: 'red', message: message(e) });
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to={`/khoa-hoc?${UNIT_PARAM}=${course.unitId}`} size="sm">
            {t('courses.editor.back')}
          </Anchor>
        }
        title={course.title}
        badges={<CourseStatusBadge status={course.status} />}
        actions={
          <Group gap="xs" wrap="wrap">
            {course.status === 'published' && (
              <Button
                component="a"
                href={`/hoc/${course.id}`}
                target="_blank"
                rel="noopener"
                variant="light"
                leftSection={<IconExternalLink size={16} aria-hidden />}
              >
                {t('courses.editor.openPublic')}
              </Button>
            )}
            {course.abilities.publish && (
              <ConfirmButton
                question={t('courses.editor.publishConfirm')}
                loading={publish.isPending}
                onConfirm={() =>
                  publish.mutate(undefined, {
                    onSuccess: () => notifications.show({ message: t('courses.editor.published') }),
                    onError,
                  })
                }
                data-testid="publish-course"
              >
                {t('courses.editor.publish')}
              </ConfirmButton>
            )}
            {course.status === 'published' && course.abilities.write && (
              <ConfirmButton
                variant="default"
                question={t('courses.editor.closeConfirm')}
                loading={close.isPending}
                onConfirm={() =>
                  close.mutate(undefined, {
                    onSuccess: () => notifications.show({ message: t('courses.editor.closed') }),
                    onError,
                  })
                }
              >
                {t('courses.editor.close')}
              </ConfirmButton>
            )}
          </Group>
        }
      />
      <Tabs defaultValue="lessons" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="lessons">{t('courses.editor.tabLessons')}</Tabs.Tab>
          <Tabs.Tab value="test">{t('courses.editor.tabTest')}</Tabs.Tab>
          <Tabs.Tab value="details">{t('courses.editor.tabDetails')}</Tabs.Tab>
          <Tabs.Tab value="completions">{t('courses.editor.tabCompletions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lessons" pt="md">
          <LessonsPanel course={course} />
        </Tabs.Panel>
        <Tabs.Panel value="test" pt="md">
          <TestPanel course={course} />
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <DetailsPanel key={course.publishedAt ?? 'draft'} course={course} />
        </Tabs.Panel>
        <Tabs.Panel value="completions" pt="md">
          <CompletionsPanel courseId={course.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
