import { ActionIcon, Button, EmptyState, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowDown,
  IconArrowUp,
  IconBook,
  IconEye,
  IconPencil,
  IconPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/use-error-message.ts';
import { ConfirmButton } from '../planning/confirm-button.tsx';
import { useDeleteLesson, useReorderLessons } from './courses.api.ts';
import { moved } from './lesson-text.ts';
import type { CourseDetail, LessonView } from './courses.types.ts';
import { LessonContent } from './lesson-content.tsx';
import { LessonFormModal } from './lesson-form.tsx';

/** The lessons in order: move up/down, preview, edit, delete, add. */
export function LessonsPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const reorder = useReorderLessons(course.id);
  const remove = useDeleteLesson(course.id);
  const [editing, setEditing] = useState<LessonView | 'new' | null>(null);
  const [preview, setPreview] = useState<LessonView | null>(null);
  const ids = course.lessons.map((l) => l.id);
  const onError = (e: unknown) => notifications.show({ color: 'red', message: message(e) });
  const move = (index: number, step: -1 | 1) =>
    reorder.mutate(moved(ids, index, step), { onError });
  const canWrite = course.abilities.write;
  return (
    <Stack gap="sm">
      {course.lessons.length === 0 && (
        <EmptyState icon={<IconBook aria-hidden />} title={t('courses.lessons.empty')} />
      )}
      {course.lessons.map((lesson, index) => (
        <Paper key={lesson.id} withBorder radius="md" p="sm" data-testid="lesson-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed">
                {t('courses.lessons.number', { n: lesson.position })}
              </Text>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {lesson.title}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                aria-label={t('courses.lessons.preview')}
                onClick={() => setPreview(lesson)}
              >
                <IconEye size={18} aria-hidden />
              </ActionIcon>
              {canWrite && (
                <>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('courses.lessons.moveUp')}
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, -1)}
                  >
                    <IconArrowUp size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('courses.lessons.moveDown')}
                    disabled={index === ids.length - 1 || reorder.isPending}
                    onClick={() => move(index, 1)}
                  >
                    <IconArrowDown size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('courses.lessons.edit')}
                    onClick={() => setEditing(lesson)}
                  >
                    <IconPencil size={18} aria-hidden />
                  </ActionIcon>
                </>
              )}
            </Group>
          </Group>
          {canWrite && (
            <Group justify="flex-end" mt={4}>
              <ConfirmButton
                size="compact-xs"
                variant="subtle"
                color="red"
                question={t('courses.lessons.deleteConfirm')}
                loading={remove.isPending && remove.variables === lesson.id}
                onConfirm={() =>
                  remove.mutate(lesson.id, {
                    onSuccess: () => notifications.show({ message: t('courses.lessons.deleted') }),
                    onError,
                  })
                }
              >
                {t('courses.lessons.delete')}
              </ConfirmButton>
            </Group>
          )}
        </Paper>
      ))}
      {canWrite && (
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setEditing('new')}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('courses.lessons.add')}
        </Button>
      )}
      <LessonFormModal
        courseId={course.id}
        lesson={editing === 'new' ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <Modal
        opened={preview !== null}
        onClose={() => setPreview(null)}
        title={t('courses.lessons.preview')}
        size="lg"
      >
        {preview && <LessonContent lesson={preview} />}
      </Modal>
    </Stack>
  );
}
