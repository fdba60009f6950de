import { Anchor, Breadcrumbs, Grid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AsOfPicker } from '../../components/as-of-picker.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { NotFoundState } from '../../components/not-found-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSkeleton } from '../../components/page-skeleton.tsx';
import { isNotFound } from '../../lib/api.ts';
import { treePath, unitPath, useAsOf } from '../../lib/use-as-of.ts';
import { useUnit } from './org.api.ts';
import type { UnitDetail } from './org.types.ts';
import { UnitActions } from './unit-actions.tsx';
import { ClosedBadge, KindBadge, WingBadge } from './unit-badges.tsx';
import { UnitChildrenCard } from './unit-children-card.tsx';
import { UnitCounts, UnitDetailsCard } from './unit-details-card.tsx';
import { UnitHistoryCard } from './unit-history-card.tsx';
import { UnitPeopleCard } from './unit-people-card.tsx';

/** Unit ids are UUIDs; anything else is an unknown address, answered without a request. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /don-vi/:id?ngay= — one unit as it was on the date: details, counts, children, people, history. */
export default function UnitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { asOf, isToday } = useAsOf();
  const validId = UUID.test(id);
  const query = useUnit(id, asOf, validId);

  if (validId && query.isPending) return <PageSkeleton />;
  if (!validId || query.isError) {
    if (!validId || isNotFound(query.error)) {
      // Outside the actor's subtrees, or not existing on that date: the same answer (404).
      return (
        <Stack>
          {!isToday && <AsOfPicker />}
          <NotFoundState
            title={t('notFound.unitTitle')}
            description={t('notFound.unitDescription')}
          />
        </Stack>
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return null;

  const { unit, abilities } = query.data;
  return (
    <>
      <PageHeader
        above={<UnitBreadcrumbs unit={unit} asOf={asOf} />}
        title={unit.name}
        subtitle={`${unit.code} · ${unit.shortName}`}
        badges={
          <>
            <KindBadge kind={unit.kind} />
            <WingBadge wing={unit.wing} />
            <ClosedBadge closedOn={unit.closedOn} />
          </>
        }
        actions={<UnitActions unit={unit} abilities={abilities} asOf={asOf} />}
      />
      <Stack gap="md">
        <AsOfPicker />
        <UnitCounts unit={unit} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <UnitDetailsCard unit={unit} />
              <UnitPeopleCard unitId={unit.id} canManage={abilities.managePeople} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <UnitChildrenCard id={unit.id} asOf={asOf} />
          </Grid.Col>
        </Grid>
        <UnitHistoryCard id={unit.id} />
      </Stack>
    </>
  );
}

function UnitBreadcrumbs({ unit, asOf }: { unit: UnitDetail; asOf: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('unit.breadcrumb')}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={treePath(asOf)} size="sm">
          {t('nav.org')}
        </Anchor>
        {unit.ancestors.map((a) => (
          <Anchor
            key={a.id}
            component={Link}
            to={unitPath(a.id, asOf)}
            size="sm"
            className="px-wrap"
          >
            {a.name}
          </Anchor>
        ))}
        <Text size="sm" c="dimmed" aria-current="page" className="px-wrap">
          {unit.shortName || unit.name}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
