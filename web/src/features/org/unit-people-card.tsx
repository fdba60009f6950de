import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { usePeople } from '../people/people.api.ts';

const PREVIEW_SIZE = 10;

type Props = { unitId: string; canManage: boolean };

/** The first people of the unit (and below), with a link to the full, filtered list. */
export function UnitPeopleCard({ unitId, canManage }: Props) {
  const { t } = useTranslation();
  const people = usePeople({ unitId, page: 1, pageSize: PREVIEW_SIZE });
  const listHref = `/nguoi?donVi=${unitId}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unit-people-title">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="unit-people-title">
          {t('unit.peopleOfUnit')}
        </Title>
        {canManage && (
          <Button
            component={Link}
            to="/nguoi/nhap"
            size="compact-sm"
            variant="subtle"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          >
            {t('unit.importPeople')}
          </Button>
        )}
      </Group>
      {people.isPending && (
        <Stack gap="xs">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={20} />
          ))}
        </Stack>
      )}
      {people.isError && <ErrorState error={people.error} onRetry={() => void people.refetch()} />}
      {people.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('unit.noPeople')}
        </Text>
      )}
      {people.data && people.data.items.length > 0 && (
        <Stack
          gap={6}
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          data-testid="unit-people"
        >
          {people.data.items.map((p) => (
            <Group key={p.id} component="li" gap={6} wrap="wrap" className="px-wrap">
              <Text size="sm" fw={500}>
                {p.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`enums.personCategory.${p.category}`)}
                {p.birthDate ? ` · ${formatDate(p.birthDate)}` : ''}
              </Text>
              {p.isMinor && (
                <Badge size="xs" color="orange" variant="light" tt="none">
                  {t('people.minor')}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {people.data && people.data.items.length > 0 && (
        <Anchor component={Link} to={listHref} size="sm" mt="sm" display="inline-block">
          {t('unit.viewPeople')}
        </Anchor>
      )}
    </Paper>
  );
}
