import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../../common/format.ts';
import { unitPath } from '../../lib/use-as-of.ts';
import { useChildren } from './org.api.ts';
import type { UnitNode } from './org.types.ts';
import { ClosedBadge, KindBadge } from './unit-badges.tsx';

type TreeProps = { units: UnitNode[]; asOf: string; label?: string; expandSingle?: boolean };

/** Nested lists of units; each level loads when its parent is expanded. */
export function UnitTree({ units, asOf, label, expandSingle = false }: TreeProps) {
  return (
    <ul className="px-tree" aria-label={label}>
      {units.map((unit) => (
        <UnitTreeNode
          key={unit.id}
          unit={unit}
          asOf={asOf}
          defaultExpanded={expandSingle && units.length === 1}
        />
      ))}
    </ul>
  );
}

type NodeProps = { unit: UnitNode; asOf: string; defaultExpanded: boolean };

function UnitTreeNode({ unit, asOf, defaultExpanded }: NodeProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(defaultExpanded && unit.childCount > 0);
  const hasChildren = unit.childCount > 0;
  return (
    <li data-testid={`unit-node-${unit.code}`}>
      <Group gap={4} wrap="nowrap" align="flex-start" py={4}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size={28}
            aria-expanded={expanded}
            aria-label={t(expanded ? 'tree.collapse' : 'tree.expand', { name: unit.name })}
            onClick={() => setExpanded((v) => !v)}
          >
            <IconChevronRight
              size={18}
              aria-hidden
              style={{
                transform: expanded ? 'rotate(90deg)' : undefined,
                transition: 'transform 120ms',
              }}
            />
          </ActionIcon>
        ) : (
          <Box w={28} style={{ flexShrink: 0 }} />
        )}
        <Group gap={6} wrap="wrap" className="px-wrap" style={{ flex: 1 }} pt={3}>
          <Anchor component={Link} to={unitPath(unit.id, asOf)} fw={500} className="px-wrap">
            {unit.name}
          </Anchor>
          <KindBadge kind={unit.kind} />
          {hasChildren && (
            <Badge size="sm" variant="default" tt="none" fw={500}>
              {t('tree.childCount', { n: formatNumber(unit.childCount) })}
            </Badge>
          )}
          <ClosedBadge closedOn={unit.closedOn} />
        </Group>
      </Group>
      {expanded && <UnitTreeChildren parent={unit} asOf={asOf} />}
    </li>
  );
}

function UnitTreeChildren({ parent, asOf }: { parent: UnitNode; asOf: string }) {
  const { t } = useTranslation();
  const children = useChildren(parent.id, asOf);
  if (children.isPending) {
    return (
      <Stack gap={6} pl={40} py={4} role="status" aria-label={t('app.loading')}>
        {Array.from({ length: Math.min(parent.childCount, 3) }, (_, i) => (
          <Skeleton key={i} height={22} width={`${70 - i * 10}%`} />
        ))}
      </Stack>
    );
  }
  if (children.isError) {
    return (
      <Group pl={40} gap="xs" py={4}>
        <Text size="sm" c="red">
          {t('tree.loadMoreError')}
        </Text>
        <Button size="compact-xs" variant="light" onClick={() => void children.refetch()}>
          {t('common.retry')}
        </Button>
      </Group>
    );
  }
  return <UnitTree units={children.data.items} asOf={asOf} />;
}
