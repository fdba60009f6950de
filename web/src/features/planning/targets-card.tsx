import { ActionIcon, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/use-error-message.ts';
import { useDeleteTarget } from './planning.api.ts';
import type { PlanDetail, TargetView } from './planning.types.ts';
import { useParentTargets } from './parent-targets.ts';
import { useRequirement, useWindowLabel } from './target-display.tsx';
import { TargetFormModal } from './target-form.tsx';

/** The plan's targets; admins of a draft add, edit and delete them. */
export function TargetsCard({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const { plan, targets, abilities } = detail;
  const parentTargets = useParentTargets(plan);
  const requirement = useRequirement();
  const windowLabel = useWindowLabel();
  const remove = useDeleteTarget();
  const message = useErrorMessage();
  const [editing, setEditing] = useState<TargetView | 'new' | null>(null);
  const defaultPeriod = String(plan.periodStart);

  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t('planning.targets.title')}
        </Title>
        {abilities.manageTargets && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing('new')}
            data-testid="add-target"
          >
            {t('planning.targets.add')}
          </Button>
        )}
      </Group>
      {targets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planning.targets.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {targets.map((target) => {
            const parent = target.parentTargetId
              ? parentTargets.get(target.parentTargetId)
              : undefined;
            return (
              <Card
                key={target.id}
                component="li"
                withBorder
                padding="sm"
                radius="sm"
                data-testid="target-row"
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} className="px-wrap">
                      {target.label ?? target.indicatorName}
                    </Text>
                    <Group gap={6} wrap="wrap">
                      <Badge variant="outline" tt="none" data-testid="target-requirement">
                        {requirement(target.comparator, target.value, target.unitLabel)}
                      </Badge>
                      <Badge variant="light" color="gray" tt="none">
                        {windowLabel(target)}
                      </Badge>
                      {target.category && (
                        <Badge variant="light" color="gray" tt="none">
                          {t(`enums.personCategory.${target.category as 'cadre'}`)}
                        </Badge>
                      )}
                      {target.appliesTo !== 'issuer' && (
                        <Badge variant="light" color="violet" tt="none">
                          {t(`planning.enums.targetScope.${target.appliesTo}`)}
                          {target.appliesKind
                            ? `: ${t(`enums.unitKind.${target.appliesKind as 'district'}`)}`
                            : ''}
                        </Badge>
                      )}
                      {target.parentTargetId && (
                        <Badge variant="light" color="blue" tt="none">
                          {t('planning.targets.derived')}
                        </Badge>
                      )}
                    </Group>
                    {parent && (
                      <Text size="xs" c="dimmed">
                        {t('planning.targets.parent', {
                          requirement: requirement(
                            parent.comparator,
                            parent.value,
                            parent.unitLabel,
                          ),
                        })}
                      </Text>
                    )}
                  </Stack>
                  {abilities.manageTargets && (
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('planning.targets.edit')}
                        onClick={() => setEditing(target)}
                        data-testid="edit-target"
                      >
                        <IconPencil size={18} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('planning.targets.delete')}
                        onClick={() => {
                          if (!window.confirm(t('planning.targets.deleteConfirm'))) return;
                          remove.mutate(target.id, {
                            onSuccess: () =>
                              notifications.show({ message: t('planning.targets.deleted') }),
                            onError: (e) =>
                              notifications.show({ color: 'red', message: message(e) }),
                          });
                        }}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                  )}
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      <TargetFormModal
        planId={plan.id}
        defaultPeriod={defaultPeriod}
        target={editing === 'new' ? null : editing}
        parentTargets={parentTargets}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
