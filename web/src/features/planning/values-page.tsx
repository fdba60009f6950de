import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Gender, PersonCategory } from '../../../../common/enums.ts';
import { formatDate, formatNumber } from '../../../../common/format.ts';
import type { Period } from '../../../../common/period.ts';
import { formatPeriod, periodContaining } from '../../../../common/period.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { todayInVietnam } from '../../lib/dates.ts';
import { useIndicators, usePutValues, useValues } from './planning.api.ts';
import type { IndicatorView, ValueView } from './planning.types.ts';
import { UnitSwitcher } from './unit-switcher.tsx';
import { atLeast, UNIT_PARAM, useRoleOn, useUnitParam } from './use-unit-param.ts';
import type { EntryGrid, EntryMode, EntryProblem, NumberField } from './value-grid.ts';
import {
  buildGrid,
  entriesFromGrid,
  entryMode,
  gridTotal,
  isEnterable,
  percentOf,
  VALUE_MAX,
} from './value-grid.ts';
import { chosenPeriod, enteredPeriods, entryPeriodTypes, periodOptions } from './value-periods.ts';
import { INDICATOR_PARAM, PERIOD_PARAM } from './values-url.ts';

/**
 * /so-lieu?donVi=&chiSo=&ky= — a unit enters by hand the values of a reported indicator for a
 * period (what activities and the platform's own data do not already count), by person category
 * and sex as far as the indicator is broken down.
 */
export default function ValuesPage() {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const { unitId } = useUnitParam();
  const role = useRoleOn(unitId);
  const canWrite = atLeast(role, 'editor');
  const [params, setParams] = useSearchParams();
  const indicators = useIndicators();
  const enterable = useMemo(
    () => (indicators.data?.items ?? []).filter(isEnterable),
    [indicators.data],
  );
  const indicator = enterable.find((i) => i.code === params.get(INDICATOR_PARAM)) ?? null;
  const period = indicator
    ? chosenPeriod(indicator.periodType, params.get(PERIOD_PARAM), today)
    : null;

  const setParam = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const pickIndicator = (code: string | null) => {
    const picked = enterable.find((i) => i.code === code);
    // Keep the period when the new indicator accepts it (two yearly indicators: same year).
    const keep = picked && period ? chosenPeriod(picked.periodType, period.key, today) : null;
    setParam({ [INDICATOR_PARAM]: code, [PERIOD_PARAM]: keep?.key ?? null });
  };

  return (
    <>
      <PageHeader title={t('planning.values.title')} subtitle={t('planning.values.subtitle')} />
      <Stack gap="md" maw={760}>
        <UnitSwitcher />
        {indicators.isError && (
          <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />
        )}
        {indicators.isPending && <Skeleton height={56} />}
        {indicators.data && (
          <Select
            label={t('planning.values.indicator')}
            placeholder={t('planning.values.indicatorPlaceholder')}
            data={enterable.map((i) => ({ value: i.code, label: i.name }))}
            value={indicator?.code ?? null}
            onChange={pickIndicator}
            searchable
            nothingFoundMessage={t('planning.values.noIndicator')}
            comboboxProps={{ width: 'target' }}
            data-testid="value-indicator"
          />
        )}
        {indicator && period && (
          <>
            <IndicatorHints indicator={indicator} />
            <PeriodPicker
              indicator={indicator}
              period={period}
              today={today}
              onChange={(key) => setParam({ [PERIOD_PARAM]: key })}
            />
          </>
        )}
        {unitId && indicator && period && (
          <EnteredPeriods
            unitId={unitId}
            indicator={indicator}
            current={period.key}
            onPick={(key) => setParam({ [PERIOD_PARAM]: key })}
          />
        )}
        {unitId && indicator && period && (
          <EntrySection unitId={unitId} indicator={indicator} period={period} canWrite={canWrite} />
        )}
      </Stack>
    </>
  );
}

function IndicatorHints({ indicator }: { indicator: IndicatorView }) {
  const { t } = useTranslation();
  const hints = [
    t(
      indicator.accumulation === 'stock' ? 'planning.values.stockHint' : 'planning.values.flowHint',
    ),
  ];
  if (indicator.feed?.length) hints.push(t('planning.values.feedHint'));
  if (indicator.denominatorIndicator) {
    hints.push(
      t('planning.values.computedDenominator', {
        label: indicator.denominatorLabel ?? indicator.denominatorIndicator,
      }),
    );
  }
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} p="xs">
      <Stack gap={4}>
        {hints.map((hint) => (
          <Text key={hint} size="sm">
            {hint}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function PeriodPicker({
  indicator,
  period,
  today,
  onChange,
}: {
  indicator: IndicatorView;
  period: Period;
  today: string;
  onChange: (key: string) => void;
}) {
  const { t } = useTranslation();
  const types = entryPeriodTypes(indicator.periodType);
  const type = types.find((ty) => ty === period.type) ?? types[0]!;
  return (
    <Stack gap={6}>
      {types.length > 1 && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="value-period-type">
            {t('planning.values.periodType')}
          </Text>
          <SegmentedControl
            aria-labelledby="value-period-type"
            data={types.map((ty) => ({ value: ty, label: t(`planning.values.periodTypes.${ty}`) }))}
            value={type}
            onChange={(ty) => onChange(periodContaining(ty, today).key)}
            fullWidth
            data-testid="value-period-type"
          />
        </Stack>
      )}
      <Select
        label={t('planning.values.period')}
        data={periodOptions(type, period, today)}
        value={period.key}
        onChange={(key) => key && onChange(key)}
        allowDeselect={false}
        data-testid="value-period"
      />
    </Stack>
  );
}

/** How many entered periods are listed (the newest). */
const ENTERED_SHOWN = 12;

/** "Đã nhập": the periods already entered for the indicator, each a shortcut to its form. */
function EnteredPeriods({
  unitId,
  indicator,
  current,
  onPick,
}: {
  unitId: string;
  indicator: IndicatorView;
  current: string;
  onPick: (key: string) => void;
}) {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const query = useValues(unitId, indicator.code, '');
  const periods = enteredPeriods(query.data?.items ?? []).slice(0, ENTERED_SHOWN);
  if (periods.length === 0) return null;
  const amount = (p: (typeof periods)[number]) => {
    const percent = percentOf(p.value, p.denominator);
    return percent === null ? formatNumber(p.value) : `${formatNumber(percent)}%`;
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('planning.values.entered')}
      </Text>
      <Group gap={6} wrap="wrap" data-testid="entered-periods">
        {periods.map((p) => (
          <Button
            key={p.key}
            size="compact-sm"
            radius="xl"
            variant={p.key === current ? 'filled' : 'light'}
            onClick={() => onPick(p.key)}
            aria-pressed={p.key === current}
            // Entered through the API for a period the form does not offer: listed, not opened.
            disabled={chosenPeriod(indicator.periodType, p.key, today).key !== p.key}
          >
            {p.label}: {amount(p)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

function EntrySection(props: {
  unitId: string;
  indicator: IndicatorView;
  period: Period;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { unitId, indicator, period } = props;
  const query = useValues(unitId, indicator.code, period.key);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) {
    return (
      <Stack gap="xs" role="status" aria-label={t('app.loading')}>
        <Skeleton height={56} />
        <Skeleton height={56} />
      </Stack>
    );
  }
  // A new form for each unit, indicator and period: prefilled from what is saved.
  return (
    <EntryForm
      key={`${unitId}/${indicator.code}/${period.key}`}
      {...props}
      saved={query.data.items}
    />
  );
}

function EntryForm({
  unitId,
  indicator,
  period,
  canWrite,
  saved,
}: {
  unitId: string;
  indicator: IndicatorView;
  period: Period;
  canWrite: boolean;
  saved: ValueView[];
}) {
  const { t } = useTranslation();
  const put = usePutValues();
  const mode = entryMode(indicator);
  const [grid, setGrid] = useState<EntryGrid>(() => buildGrid(indicator, saved));
  const [problems, setProblems] = useState<EntryProblem[]>([]);
  const [empty, setEmpty] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const { entries, cellOfEntry } = entriesFromGrid(grid, mode);
  const total = gridTotal(entries);
  const lastEntered = saved.reduce<string | null>(
    (latest, v) => (latest && latest > v.enteredAt ? latest : v.enteredAt),
    null,
  );

  const cellName = (index: number) => {
    const cell = grid.cells[index]!;
    const parts: string[] = [];
    if (grid.categories.length > 1 || cell.category) parts.push(categoryLabel(cell.category));
    if (grid.sexes.length > 1 || cell.sex) parts.push(sexLabel(cell.sex));
    return parts.join(' · ');
  };
  const categoryLabel = (c: PersonCategory | null) =>
    c ? t(`enums.personCategory.${c}`) : t('planning.values.allCategories');
  const sexLabel = (s: Gender | null) => (s ? t(`enums.gender.${s}`) : t('planning.values.anySex'));
  const valueLabel =
    mode === 'count'
      ? t('planning.values.value', { unit: indicator.unitLabel })
      : (indicator.numeratorLabel ?? t('planning.values.numerator'));
  const denominatorLabel = indicator.denominatorLabel ?? t('planning.values.denominator');

  // The server's field names (entries.3.value…) as the form names them.
  const fieldLabels: Record<string, string> = {
    unitId: t('planning.unit'),
    indicatorCode: t('planning.values.indicator'),
    period: t('planning.values.period'),
    entries: t('planning.values.entries'),
  };
  cellOfEntry.forEach((cell, i) => {
    const name = cellName(cell);
    fieldLabels[`entries.${i}.value`] = name ? `${name} – ${valueLabel}` : valueLabel;
    fieldLabels[`entries.${i}.denominator`] = name
      ? `${name} – ${denominatorLabel}`
      : denominatorLabel;
    fieldLabels[`entries.${i}.category`] = name;
    fieldLabels[`entries.${i}.sex`] = name;
  });

  const setCell = (index: number, field: 'value' | 'denominator', value: NumberField) => {
    setGrid((prev) => ({
      ...prev,
      cells: prev.cells.map((c, i) => (i === index ? { ...c, [field]: value } : c)),
    }));
    setProblems((prev) => prev.filter((p) => !(p.cell === index && p.field === field)));
    setEmpty(false);
  };
  const problemOf = (index: number, field: 'value' | 'denominator') => {
    const found = problems.find((p) => p.cell === index && p.field === field);
    return found ? t(`planning.values.problems.${found.code}`) : undefined;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setSubmitted(true);
    const checked = entriesFromGrid(grid, mode);
    setProblems(checked.problems);
    if (checked.problems.length) {
      requestAnimationFrame(() =>
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    if (checked.entries.length === 0) {
      if (saved.length === 0) {
        setEmpty(true);
        return;
      }
      if (!window.confirm(t('planning.values.clearConfirm', { period: formatPeriod(period) }))) {
        return;
      }
    }
    put.mutate(
      { unitId, indicatorCode: indicator.code, period: period.key, entries: checked.entries },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            title: t('planning.values.saved'),
            message: `${indicator.name} – ${formatPeriod(period)}`,
            autoClose: 6000,
          }),
      },
    );
  };

  /** The inputs of one cell, labelled `label` (the numerator's and denominator's own for a ratio). */
  const cellInputs = (index: number, label: string) => {
    const cell = grid.cells[index]!;
    const testId = `entry-${cell.category ?? 'all'}-${cell.sex ?? 'all'}`;
    const ratio =
      mode === 'ratio' && typeof cell.value === 'number' && typeof cell.denominator === 'number'
        ? percentOf(cell.value, cell.denominator)
        : null;
    const name = cellName(index);
    return (
      <Stack key={index} gap={4}>
        <Group gap="xs" grow wrap="nowrap" align="flex-start">
          <NumberInput
            label={label}
            aria-label={name ? `${name} – ${valueLabel}` : valueLabel}
            value={cell.value}
            onChange={(v) => setCell(index, 'value', v)}
            error={problemOf(index, 'value')}
            min={0}
            max={VALUE_MAX}
            thousandSeparator="."
            decimalSeparator=","
            hideControls
            inputMode="decimal"
            data-testid={testId}
          />
          {mode === 'ratio' && (
            <NumberInput
              label={denominatorLabel}
              aria-label={name ? `${name} – ${denominatorLabel}` : denominatorLabel}
              value={cell.denominator}
              onChange={(v) => setCell(index, 'denominator', v)}
              error={problemOf(index, 'denominator')}
              min={0}
              max={VALUE_MAX}
              thousandSeparator="."
              decimalSeparator=","
              hideControls
              inputMode="decimal"
              data-testid={`${testId}-denominator`}
            />
          )}
        </Group>
        {ratio !== null && (
          <Text size="xs" c="dimmed">
            {t('planning.values.ratio', { percent: formatNumber(ratio) })}
          </Text>
        )}
      </Stack>
    );
  };

  const indices = (r: number) => grid.sexes.map((_, s) => r * grid.sexes.length + s);
  const byCategoryOnly = grid.sexes.length === 1 && mode !== 'ratio';
  let rows;
  if (grid.cells.length === 1) {
    // No breakdown: one value (or one numerator and denominator).
    rows = cellInputs(0, valueLabel);
  } else if (byCategoryOnly) {
    // One number per category: the value's name once, the categories as the inputs' labels.
    rows = (
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {valueLabel}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
          {grid.categories.map((category, r) => cellInputs(r, categoryLabel(category)))}
        </SimpleGrid>
      </Stack>
    );
  } else {
    // A box per category: its sexes side by side (counts) or one under the other (ratios).
    rows = grid.categories.map((category, r) => (
      <Paper key={category ?? 'all'} withBorder p="xs" radius="md" data-testid="entry-row">
        <Text size="sm" fw={600} mb={4}>
          {grid.categories.length > 1 || category ? categoryLabel(category) : valueLabel}
        </Text>
        {mode === 'ratio' ? (
          <Stack gap="xs">
            {indices(r).map((i) =>
              cellInputs(
                i,
                grid.sexes.length > 1
                  ? `${sexLabel(grid.cells[i]!.sex)}: ${valueLabel}`
                  : valueLabel,
              ),
            )}
          </Stack>
        ) : (
          <SimpleGrid cols={{ base: 2, sm: grid.sexes.length }} spacing="xs">
            {indices(r).map((i) => cellInputs(i, sexLabel(grid.cells[i]!.sex)))}
          </SimpleGrid>
        )}
      </Paper>
    ));
  }

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md">
      <form onSubmit={onSubmit} noValidate data-testid="values-form">
        <Stack gap="md">
          <FormError error={submitted ? put.error : null} labels={fieldLabels} />
          {!canWrite && (
            <Alert color="gray" icon={<IconLock aria-hidden />} data-testid="values-readonly">
              {t('planning.values.readOnly')}
            </Alert>
          )}
          <Group justify="space-between" gap="xs">
            <Text fw={600}>{formatPeriod(period)}</Text>
            <Text size="xs" c="dimmed" data-testid="values-last-entered">
              {lastEntered
                ? t('planning.values.lastEntered', {
                    date: formatDate(todayInVietnam(new Date(lastEntered))),
                  })
                : t('planning.values.nothingYet')}
            </Text>
          </Group>
          {grid.categories.length > 1 && (
            <Text size="xs" c="dimmed">
              {t('planning.values.breakdownHint')}
            </Text>
          )}
          <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="xs">{rows}</Stack>
          </fieldset>
          {empty && (
            <Text size="sm" c="red" role="alert">
              {t('planning.values.empty')}
            </Text>
          )}
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500} data-testid="values-total">
              {total && <TotalText mode={mode} total={total} unitLabel={indicator.unitLabel} />}
            </Text>
            {canWrite && (
              <Button type="submit" loading={put.isPending} data-testid="values-save">
                {t('planning.values.save')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('planning.values.seeDashboard')}{' '}
            <Anchor component={Link} to={`/tong-quan?${UNIT_PARAM}=${unitId}`} size="xs">
              {t('planning.dashboard.title')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}

function TotalText({
  mode,
  total,
  unitLabel,
}: {
  mode: EntryMode;
  total: { value: number; denominator: number | null };
  unitLabel: string;
}) {
  const { t } = useTranslation();
  if (mode === 'ratio') {
    const percent = percentOf(total.value, total.denominator);
    return (
      <>
        {t('planning.values.totalRatio', {
          percent: percent === null ? '—' : formatNumber(percent),
          value: formatNumber(total.value),
          denominator: formatNumber(total.denominator ?? 0),
        })}
      </>
    );
  }
  return (
    <>
      {t('planning.values.total', {
        value: formatNumber(total.value),
        unit: mode === 'numerator' ? '' : unitLabel,
      }).trim()}
    </>
  );
}
