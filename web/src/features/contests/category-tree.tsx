import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Modal,
  NavLink,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDots, IconFolder, IconPlus } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error.tsx';
import { useCreateCategory, useRenameCategory } from './contests.api.ts';
import type { CategoryView } from './contests.types.ts';

type Props = {
  unitId: string;
  categories: CategoryView[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  canEdit: boolean;
};

type Dialog =
  { mode: 'create'; parentId: string | null } | { mode: 'rename'; category: CategoryView };

/** The bank's category tree: pick one to filter the questions (its sub-categories included). */
export function CategoryTree({ unitId, categories, selected, onSelect, canEdit }: Props) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const childrenOf = (parentId: string | null) =>
    categories
      .filter((c) => c.parentId === parentId)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  const renderNode = (category: CategoryView) => {
    const children = childrenOf(category.id);
    return (
      <NavLink
        key={category.id}
        label={<span className="px-wrap">{category.name}</span>}
        leftSection={<IconFolder size={16} aria-hidden />}
        active={selected === category.id}
        onClick={() => onSelect(category.id)}
        defaultOpened
        childrenOffset="sm"
        data-testid="category-node"
        rightSection={
          canEdit ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={category.name}
                  onClick={(e) => e.stopPropagation()}
                >
                  <IconDots size={14} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
                <Menu.Item onClick={() => setDialog({ mode: 'create', parentId: category.id })}>
                  {t('contests.bank.addSubcategory')}
                </Menu.Item>
                <Menu.Item onClick={() => setDialog({ mode: 'rename', category })}>
                  {t('contests.bank.rename')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : undefined
        }
      >
        {children.length > 0 ? children.map(renderNode) : undefined}
      </NavLink>
    );
  };

  return (
    <Stack gap={2}>
      <NavLink
        label={t('contests.bank.allCategories')}
        active={selected === null}
        onClick={() => onSelect(null)}
      />
      {categories.length === 0 && (
        <Text size="sm" c="dimmed" px="sm">
          {t('contests.bank.noCategories')}
        </Text>
      )}
      {childrenOf(null).map(renderNode)}
      {canEdit && (
        <Group mt="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setDialog({ mode: 'create', parentId: null })}
            data-testid="add-category"
          >
            {t('contests.bank.addCategory')}
          </Button>
        </Group>
      )}
      {dialog && <CategoryDialog unitId={unitId} dialog={dialog} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function CategoryDialog({
  unitId,
  dialog,
  onClose,
}: {
  unitId: string;
  dialog: Dialog;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCategory();
  const rename = useRenameCategory();
  const [name, setName] = useState(dialog.mode === 'rename' ? dialog.category.name : '');
  const mutation = dialog.mode === 'create' ? create : rename;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    if (dialog.mode === 'create') {
      create.mutate(
        { unitId, parentId: dialog.parentId, name: name.trim() },
        { onSuccess: onClose },
      );
    } else {
      rename.mutate({ id: dialog.category.id, name: name.trim() }, { onSuccess: onClose });
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={dialog.mode === 'create' ? t('contests.bank.addCategory') : t('contests.bank.rename')}
      centered
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <FormError error={mutation.error} />
          <TextInput
            label={t('contests.bank.categoryName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
            required
            data-autofocus
            data-testid="category-name"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!name.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
