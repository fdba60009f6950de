import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { todayInVietnam } from '../../lib/dates.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useUnitParam } from './use-unit-param.ts';

/** "Đơn vị": which unit a planning or reporting page shows (?donVi=). */
export function UnitSwitcher() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { unitId, setUnitId } = useUnitParam();
  const own = user?.grants.find((g) => g.unitId === unitId);
  if (!user?.grants.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('planning.noUnit')}
      </Text>
    );
  }
  return (
    <Group maw={420} w="100%">
      <UnitPicker
        label={t('planning.unit')}
        value={unitId}
        initial={own ? { id: own.unitId, name: own.unitName } : null}
        onChange={(unit) => setUnitId(unit?.id ?? null)}
        asOf={todayInVietnam()}
        data-testid="unit-switcher"
      />
    </Group>
  );
}
