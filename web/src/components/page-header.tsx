import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  title: string;
  subtitle?: ReactNode;
  /** Above the title, e.g. breadcrumbs. */
  above?: ReactNode;
  /** Buttons on the right; they wrap under the title on a phone. */
  actions?: ReactNode;
  badges?: ReactNode;
};

/** Page title (also the document title), subtitle and actions. */
export function PageHeader({ title, subtitle, above, actions, badges }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} mb="lg">
      <title>{`${title} – ${t('app.name')}`}</title>
      {above}
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {badges && (
            <Group gap={6} wrap="wrap">
              {badges}
            </Group>
          )}
          {subtitle && (
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
