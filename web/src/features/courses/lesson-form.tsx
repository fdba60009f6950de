import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error.tsx';
import { blocksToText, textToBlocks } from '../planning/body-text.ts';
import { useAddLesson, useUpdateLesson } from './courses.api.ts';
import type { LessonView } from './courses.types.ts';
import { imagesToText, parseImages } from './lesson-text.ts';

type Props = { courseId: string; lesson: LessonView | null; opened: boolean; onClose: () => void };

/** Add a lesson (lesson null) or edit one. */
export function LessonFormModal({ courseId, lesson, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={lesson ? lesson.title : t('courses.lessons.add')}
      size="lg"
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 480}
    >
      {opened && (
        <LessonForm
          key={lesson?.id ?? 'new'}
          courseId={courseId}
          lesson={lesson}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

function LessonForm({
  courseId,
  lesson,
  onDone,
}: {
  courseId: string;
  lesson: LessonView | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddLesson(courseId);
  const update = useUpdateLesson(courseId);
  const mutation = lesson ? update : add;
  const [title, setTitle] = useState(lesson?.title ?? '');
  const [body, setBody] = useState(lesson ? blocksToText(lesson.body) : '');
  const [images, setImages] = useState(lesson ? imagesToText(lesson.images) : '');
  const [videoUrl, setVideoUrl] = useState(lesson?.videoUrl ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      title,
      body: textToBlocks(body),
      images: parseImages(images),
      videoUrl: videoUrl.trim() || null,
    };
    const done = {
      onSuccess: () => {
        notifications.show({ message: t('courses.lessons.saved') });
        onDone();
      },
    };
    if (lesson) update.mutate({ lessonId: lesson.id, ...fields }, done);
    else add.mutate(fields, done);
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <FormError
          error={mutation.error}
          labels={{
            title: t('courses.lessons.title'),
            body: t('courses.lessons.body'),
            videoUrl: t('courses.lessons.videoUrl'),
            ...Object.fromEntries(
              parseImages(images).map((_, i) => [
                `images.${i}.url`,
                `${t('courses.lessons.images')} ${i + 1}`,
              ]),
            ),
          }}
        />
        <TextInput
          label={t('courses.lessons.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          maxLength={300}
          data-autofocus
        />
        <Textarea
          label={t('courses.lessons.body')}
          description={t('courses.lessons.bodyHint')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={20}
        />
        <Textarea
          label={t('courses.lessons.images')}
          description={t('courses.lessons.imagesHint')}
          value={images}
          onChange={(e) => setImages(e.currentTarget.value)}
          autosize
          minRows={2}
          placeholder="https://doanthanhnien.vn/anh.jpg | Chú thích"
        />
        <TextInput
          label={t('courses.lessons.videoUrl')}
          description={t('courses.lessons.videoHint')}
          value={videoUrl}
          onChange={(e) => setVideoUrl(e.currentTarget.value)}
          type="url"
          inputMode="url"
          placeholder="https://www.youtube.com/watch?v=…"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('courses.editor.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('courses.editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
