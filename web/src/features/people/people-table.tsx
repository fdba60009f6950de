import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { unitPath } from '../../lib/use-as-of.ts';
import type { Person } from './people.types.ts';

function MinorBadge({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (!person.isMinor) return null;
  return (
    <Badge size="sm" color="orange" variant="light" tt="none" data-testid="minor-badge">
      {t('people.minor')}
    </Badge>
  );
}

/** A table on wide screens; one card per person on a phone (no sideways scrolling to read). */
export function PeopleTable({ people }: { people: Person[] }) {
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return wide ? <WideTable people={people} /> : <Cards people={people} />;
}

function WideTable({ people }: { people: Person[] }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table
        striped
        highlightOnHover
        verticalSpacing="xs"
        aria-label={t('people.table')}
        data-testid="people-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people.fullName')}</Table.Th>
            <Table.Th>{t('people.unit')}</Table.Th>
            <Table.Th>{t('people.category')}</Table.Th>
            <Table.Th>{t('people.gender')}</Table.Th>
            <Table.Th>{t('people.birthDate')}</Table.Th>
            <Table.Th>{t('people.phone')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.id} data-testid="person-row">
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={500}>
                    {p.fullName}
                  </Text>
                  <MinorBadge person={p} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={unitPath(p.unitId)} size="sm">
                  {p.unitName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {t(`enums.personCategory.${p.category}`)}
                {p.category === 'cadre' && p.isFullTime ? ` (${t('people.fullTime')})` : ''}
              </Table.Td>
              <Table.Td>{p.gender ? t(`enums.gender.${p.gender}`) : none}</Table.Td>
              <Table.Td>{p.birthDate ? formatDate(p.birthDate) : none}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.phone ?? none}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Cards({ people }: { people: Person[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="xs"
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('people.table')}
      data-testid="people-cards"
    >
      {people.map((p) => {
        const facts = [
          t(`enums.personCategory.${p.category}`),
          p.gender ? t(`enums.gender.${p.gender}`) : null,
          p.birthDate ? formatDate(p.birthDate) : null,
        ].filter(Boolean);
        return (
          <Paper key={p.id} component="li" withBorder p="sm" data-testid="person-row">
            <Group gap={6} wrap="wrap" className="px-wrap">
              <Text fw={600}>{p.fullName}</Text>
              <MinorBadge person={p} />
            </Group>
            <Text size="sm" c="dimmed">
              {facts.join(' · ')}
            </Text>
            <Anchor
              component={Link}
              to={unitPath(p.unitId)}
              size="sm"
              className="px-wrap"
              display="block"
            >
              {p.unitName}
            </Anchor>
            {p.phone && (
              <Anchor href={`tel:${p.phone}`} size="sm">
                {p.phone}
              </Anchor>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
