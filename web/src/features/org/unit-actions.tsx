import { Button, Menu, Modal, Skeleton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowMerge,
  IconArrowsSplit2,
  IconChevronDown,
  IconCircleX,
  IconPencil,
  IconPlus,
  IconTransfer,
} from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { treePath, unitPath } from '../../lib/use-as-of.ts';
import type { FormResult } from './forms/form-types.ts';
import type { RestructureAction, UnitAbilities, UnitDetail } from './org.types.ts';

const UnitActionForm = lazy(() => import('./forms/unit-action-form.tsx'));

export type UnitAction = 'edit' | 'create' | RestructureAction;

const RESTRUCTURE_ITEMS: { action: RestructureAction; icon: typeof IconPencil }[] = [
  { action: 'merge', icon: IconArrowMerge },
  { action: 'split', icon: IconArrowsSplit2 },
  { action: 'move', icon: IconTransfer },
  { action: 'rename', icon: IconPencil },
  { action: 'close', icon: IconCircleX },
];

type Props = { unit: UnitDetail; abilities: UnitAbilities; asOf: string };

/** Buttons the actor's abilities allow, and the form each opens. */
export function UnitActions({ unit, abilities, asOf }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const [action, setAction] = useState<UnitAction | null>(null);
  if (!abilities.update && !abilities.restructure) return null;

  const titles: Record<UnitAction, string> = {
    edit: t('editUnit.title'),
    create: t('createUnit.title'),
    merge: t('restructure.merge.title'),
    split: t('restructure.split.title'),
    move: t('restructure.move.title'),
    rename: t('restructure.rename.title'),
    close: t('restructure.close.title'),
  };

  const onDone = (result: FormResult) => {
    setAction(null);
    notifications.show({ color: 'xanh', message: result.message });
    if (action === 'edit') return;
    void navigate(result.unitId ? unitPath(result.unitId, result.date) : treePath(result.date));
  };

  return (
    <>
      {abilities.update && (
        <Button
          variant="default"
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => setAction('edit')}
        >
          {t('unit.edit')}
        </Button>
      )}
      {abilities.restructure && (
        <>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAction('create')}
          >
            {t('unit.addChild')}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                rightSection={<IconChevronDown size={16} aria-hidden />}
                data-testid="restructure-menu"
              >
                {t('unit.restructure')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {RESTRUCTURE_ITEMS.map(({ action: item, icon: Icon }) => (
                <Menu.Item
                  key={item}
                  leftSection={<Icon size={16} aria-hidden />}
                  color={item === 'close' ? 'red' : undefined}
                  onClick={() => setAction(item)}
                >
                  {t(`enums.restructureKind.${item}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </>
      )}
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? titles[action] : undefined}
        size="lg"
        fullScreen={isPhone}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {action && (
          <Suspense fallback={<Skeleton height={240} />}>
            <UnitActionForm
              key={action}
              action={action}
              unit={unit}
              asOf={asOf}
              onDone={onDone}
              onCancel={() => setAction(null)}
            />
          </Suspense>
        )}
      </Modal>
    </>
  );
}
