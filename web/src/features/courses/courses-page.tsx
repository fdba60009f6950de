import {
  Anchor,
  Button,
  EmptyState,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSchool } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitSwitcher } from '../planning/unit-switcher.tsx';
import { atLeast, useRoleOn, useUnitParam } from '../planning/use-unit-param.ts';
import { CourseStatusBadge } from './course-badges.tsx';
import { useCourses, useCreateCourse } from './courses.api.ts';

/** /khoa-hoc?donVi= — the unit's online courses. */
export default function CoursesPage() {
  const { t } = useTranslation();
  const { unitId } = useUnitParam();
  const role = useRoleOn(unitId);
  const courses = useCourses(unitId);
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title={t('courses.list.title')}
        subtitle={t('courses.list.subtitle')}
        actions={
          unitId &&
          atLeast(role, 'editor') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
              {t('courses.list.create')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <UnitSwitcher />
        {courses.isPending && unitId ? (
          <Skeleton h={80} radius="md" />
        ) : courses.error ? (
          <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />
        ) : courses.data?.items.length ? (
          courses.data.items.map((course) => (
            <Paper key={course.id} withBorder radius="md" p="md">
              <Stack gap={6}>
                <Anchor
                  component={Link}
                  to={`/khoa-hoc/${course.id}`}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {course.title}
                </Anchor>
                <Group gap="xs" wrap="wrap">
                  <CourseStatusBadge status={course.status} />
                  <Text size="sm" c="dimmed">
                    {t(`courses.topic.${course.topic}`)} ·{' '}
                    {t('courses.list.lessons', { count: course.lessonCount })} ·{' '}
                    {t('courses.list.passMark', { mark: course.passMark })}
                  </Text>
                </Group>
              </Stack>
            </Paper>
          ))
        ) : unitId ? (
          <EmptyState icon={<IconSchool aria-hidden />} title={t('courses.list.empty')} />
        ) : null}
      </Stack>
      {unitId && <CreateCourseModal opened={opened} onClose={close} unitId={unitId} />}
    </>
  );
}

function CreateCourseModal({
  opened,
  onClose,
  unitId,
}: {
  opened: boolean;
  onClose: () => void;
  unitId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const [title, setTitle] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { unitId, title },
      { onSuccess: ({ course }) => void navigate(`/khoa-hoc/${course.id}`) },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('courses.list.create')} centered>
      <form onSubmit={submit}>
        <Stack gap="md">
          <FormError error={create.error} />
          <TextInput
            label={t('courses.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={300}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('courses.editor.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('courses.list.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
