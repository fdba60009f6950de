import { Button, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error.tsx';
import { useUpdateCourse } from './courses.api.ts';
import type { CourseDetail, CourseTopic } from './courses.types.ts';

/** Title, introduction, topic, audience, pass mark, certificate place. */
export function DetailsPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const update = useUpdateCourse(course.id);
  const draft = course.status === 'draft';
  const readOnly = !course.abilities.write;
  const [title, setTitle] = useState(course.title);
  const [description, setDescription] = useState(course.description);
  const [topic, setTopic] = useState<CourseTopic>(course.topic);
  const [audience, setAudience] = useState(course.audience);
  const [passMark, setPassMark] = useState<number | string>(course.passMark);
  const [place, setPlace] = useState(course.certificatePlace ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        title,
        description,
        topic,
        certificatePlace: place.trim() || null,
        // Fixed once published (the server refuses them).
        ...(draft ? { audience, passMark: Number(passMark) } : {}),
      },
      { onSuccess: () => notifications.show({ message: t('courses.editor.saved') }) },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="md" maw={640}>
        <FormError error={update.error} />
        <TextInput
          label={t('courses.fields.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          maxLength={300}
          readOnly={readOnly}
        />
        <Textarea
          label={t('courses.fields.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={4000}
          readOnly={readOnly}
        />
        <Select
          label={t('courses.fields.topic')}
          description={t('courses.fields.topicHint')}
          data={(['political_theory', 'other'] as const).map((v) => ({
            value: v,
            label: t(`courses.topic.${v}`),
          }))}
          value={topic}
          onChange={(v) => v && setTopic(v)}
          allowDeselect={false}
          readOnly={readOnly}
        />
        <Select
          label={t('courses.fields.audience')}
          data={(['public', 'members'] as const).map((v) => ({
            value: v,
            label: t(`courses.audience.${v}`),
          }))}
          value={audience}
          onChange={(v) => v && setAudience(v)}
          allowDeselect={false}
          readOnly={readOnly || !draft}
        />
        <NumberInput
          label={t('courses.fields.passMark')}
          min={1}
          max={100}
          value={passMark}
          onChange={setPassMark}
          readOnly={readOnly || !draft}
          suffix="%"
        />
        <TextInput
          label={t('courses.fields.certificatePlace')}
          description={t('courses.fields.certificatePlaceHint')}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          maxLength={80}
          readOnly={readOnly}
        />
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('courses.editor.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
