import { Button, Image, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BodyView } from '../planning/body-view.tsx';
import type { LessonView } from './courses.types.ts';

/**
 * One lesson as a learner reads it (also the organiser's preview): text, images, the video link.
 * Images come from other hosts: loaded lazily and without a referrer, so learners' phones fetch
 * only what they scroll to and the host learns nothing of the page.
 */
export function LessonContent({
  lesson,
  headingOrder = 2,
}: {
  lesson: LessonView;
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={headingOrder} fz="h4" style={{ overflowWrap: 'anywhere' }}>
        {lesson.title}
      </Title>
      <BodyView blocks={lesson.body} empty="" />
      {lesson.images.map((image) => (
        <figure key={image.url} style={{ margin: 0 }}>
          <Image
            src={image.url}
            alt={image.alt}
            radius="md"
            loading="lazy"
            referrerPolicy="no-referrer"
            maw="100%"
            fit="contain"
            mah={480}
          />
          {image.alt && (
            <Text component="figcaption" size="xs" c="dimmed" ta="center" mt={4}>
              {image.alt}
            </Text>
          )}
        </figure>
      ))}
      {lesson.videoUrl && (
        <Button
          component="a"
          href={lesson.videoUrl}
          target="_blank"
          rel="noopener noreferrer"
          variant="light"
          leftSection={<IconExternalLink size={16} aria-hidden />}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('courses.learn.watch')}
        </Button>
      )}
    </Stack>
  );
}
