import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../../common/format.ts';
import type { UnitDetail } from './org.types.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} className="px-wrap">
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children || t('common.none')}
      </Text>
    </Stack>
  );
}

/** Code, names, kind, wing, contact and dates of a unit. */
export function UnitDetailsCard({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unit-details-title">
      <Title order={2} size="h4" mb="sm" id="unit-details-title">
        {t('unit.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm" component="dl" m={0}>
        <Field label={t('unit.code')}>{unit.code}</Field>
        <Field label={t('unit.shortName')}>{unit.shortName}</Field>
        <Field label={t('unit.name')}>{unit.name}</Field>
        <Field label={t('unit.kind')}>{t(`enums.unitKind.${unit.kind}`)}</Field>
        <Field label={t('unit.wing')}>{t(`enums.wing.${unit.wing}`)}</Field>
        <Field label={t('unit.address')}>{unit.address}</Field>
        <Field label={t('unit.phone')}>
          {unit.phone && <Anchor href={`tel:${unit.phone}`}>{unit.phone}</Anchor>}
        </Field>
        <Field label={t('unit.email')}>
          {unit.email && <Anchor href={`mailto:${unit.email}`}>{unit.email}</Anchor>}
        </Field>
        <Field label={t('unit.establishedOn')}>{formatDate(unit.establishedOn)}</Field>
        {unit.closedOn && <Field label={t('unit.closedOn')}>{formatDate(unit.closedOn)}</Field>}
        {unit.groups.length > 0 && (
          <Field label={t('unit.groups')}>
            <Group gap={4} component="span">
              {unit.groups.map((g) => (
                <Badge
                  key={g.id}
                  variant="default"
                  tt="none"
                  title={t(`enums.unitGroupKind.${g.kind}`)}
                >
                  {g.name}
                </Badge>
              ))}
            </Group>
          </Field>
        )}
      </SimpleGrid>
    </Paper>
  );
}

/** Subtree unit count and people count. */
export function UnitCounts({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const stats = [
    { label: t('unit.subtreeUnits'), value: unit.subtreeUnitCount, testid: 'unit-subtree-count' },
    { label: t('unit.people'), value: unit.peopleCount, testid: 'unit-people-count' },
  ];
  return (
    <SimpleGrid cols={2} spacing="sm">
      {stats.map((s) => (
        <Paper key={s.testid} withBorder p="md">
          <Text size="xs" c="dimmed">
            {s.label}
          </Text>
          <Text fz={28} fw={700} c="xanh.8" data-testid={s.testid}>
            {formatNumber(s.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
