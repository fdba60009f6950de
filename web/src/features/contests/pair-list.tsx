import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Item = { key: string; count: number };
type Props = {
  title: string;
  addLabel: string;
  items: Item[];
  keyLabel: string;
  countLabel: string;
  /** A choice (quota categories) instead of free text (prize names). */
  keyOptions?: { value: string; label: string }[];
  disabled?: boolean;
  onChange: (items: Item[]) => void;
};

/** Rows of "name + count": question quotas by category, or the prize ladder. */
export function PairList({
  title,
  addLabel,
  items,
  keyLabel,
  countLabel,
  keyOptions,
  disabled,
  onChange,
}: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<Item>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Stack gap="xs">
      <Text fw={600}>{title}</Text>
      {items.map((item, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
          {keyOptions ? (
            <Select
              label={i === 0 ? keyLabel : undefined}
              aria-label={keyLabel}
              data={keyOptions}
              value={item.key || null}
              onChange={(v) => update(i, { key: v ?? '' })}
              disabled={disabled}
              searchable
              style={{ flex: 1, minWidth: 0 }}
            />
          ) : (
            <TextInput
              label={i === 0 ? keyLabel : undefined}
              aria-label={keyLabel}
              value={item.key}
              onChange={(e) => update(i, { key: e.currentTarget.value })}
              maxLength={80}
              disabled={disabled}
              style={{ flex: 1, minWidth: 0 }}
            />
          )}
          <NumberInput
            label={i === 0 ? countLabel : undefined}
            aria-label={countLabel}
            value={item.count}
            min={1}
            onChange={(v) => update(i, { count: typeof v === 'number' ? v : 1 })}
            disabled={disabled}
            w={96}
            thousandSeparator="."
            decimalSeparator=","
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mb={6}
            disabled={disabled}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
            aria-label={`${t('common.remove')} ${i + 1}`}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {!disabled && (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange([...items, { key: '', count: 1 }])}
          >
            {addLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
