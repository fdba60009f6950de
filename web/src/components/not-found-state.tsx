import { Button, EmptyState } from '@mantine/core';
import { IconMapPinQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Props = { title?: string; description?: string };

/** "Not found" for unknown routes and for resources outside the user's subtree (API 404). */
export function NotFoundState({ title, description }: Props) {
  const { t } = useTranslation();
  const heading = title ?? t('notFound.title');
  return (
    <EmptyState
      data-testid="not-found"
      role="status"
      mt="xl"
      icon={<IconMapPinQuestion aria-hidden />}
      title={heading}
      description={description ?? t('notFound.description')}
    >
      <title>{`${heading} – ${t('app.name')}`}</title>
      <EmptyState.Actions>
        <Button component={Link} to="/don-vi" variant="light">
          {t('common.home')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

export function NotFoundPage() {
  return <NotFoundState />;
}
