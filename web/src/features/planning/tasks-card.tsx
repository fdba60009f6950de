import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../common/format.ts';
import type { TaskStatus } from '../../../../common/planning.ts';
import { PLANNING_LIMITS, TASK_STATUSES } from '../../../../common/planning.ts';
import { FormError } from '../../components/form-error.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { useErrorMessage } from '../../components/use-error-message.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import { useFormState } from '../../lib/form.ts';
import { useRules } from '../../lib/validation.ts';
import { useDeleteTask, useSaveTask } from './planning.api.ts';
import type { PlanDetail, TaskView } from './planning.types.ts';

const STATUS_COLOR: Record<TaskStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'green',
};

/** The plan's tasks with their deadlines ("Quý II/2026", "thường xuyên") and overdue flags. */
export function TasksCard({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const { plan, tasks, abilities } = detail;
  const [editing, setEditing] = useState<TaskView | 'new' | null>(null);
  const remove = useDeleteTask();
  const message = useErrorMessage();
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t('planning.tasks.title')}
        </Title>
        {abilities.manageTasks && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('planning.tasks.add')}
          </Button>
        )}
      </Group>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planning.tasks.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {tasks.map((task) => (
            <Card key={task.id} withBorder padding="sm" radius="sm" data-testid="task-row">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Text size="sm" className="px-wrap">
                    {task.description}
                  </Text>
                  <Group gap={6} wrap="wrap">
                    <Badge variant="outline" color="gray" tt="none">
                      {task.deadline.recurring
                        ? t('planning.tasks.recurring')
                        : task.deadline.label}
                    </Badge>
                    <Badge variant="light" color={STATUS_COLOR[task.status]} tt="none">
                      {t(`planning.enums.taskStatus.${task.status}`)}
                    </Badge>
                    {task.isOverdue && (
                      <Badge color="red" tt="none" data-testid="task-overdue">
                        {t('planning.tasks.overdue')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" className="px-wrap">
                    {task.leadUnit.name}
                    {task.cooperatingUnits.length > 0 &&
                      ` · ${t('planning.tasks.cooperating', {
                        units: task.cooperatingUnits.map((u) => u.name).join(', '),
                      })}`}
                    {task.deadline.dueDate &&
                      !task.deadline.recurring &&
                      ` · ${t('planning.tasks.due', { date: formatDate(task.deadline.dueDate) })}`}
                    {task.completedOn &&
                      ` · ${t('planning.tasks.completedOn', { date: formatDate(task.completedOn) })}`}
                  </Text>
                  {task.evidence && (
                    <Text size="xs" className="px-wrap">
                      {task.evidence}
                    </Text>
                  )}
                  {task.evidenceLinks.map((link) => (
                    <Anchor
                      key={link}
                      href={link}
                      target="_blank"
                      rel="noreferrer"
                      size="xs"
                      className="px-wrap"
                    >
                      {link}
                    </Anchor>
                  ))}
                </Stack>
                <Group gap={4} wrap="nowrap">
                  {(task.abilities.edit ||
                    (task.abilities.reportProgress && plan.status === 'issued')) && (
                    <ActionIcon
                      variant="subtle"
                      aria-label={
                        task.abilities.edit
                          ? t('planning.tasks.edit')
                          : t('planning.tasks.progress')
                      }
                      onClick={() => setEditing(task)}
                    >
                      <IconPencil size={18} aria-hidden />
                    </ActionIcon>
                  )}
                  {task.abilities.edit && plan.status === 'draft' && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('planning.tasks.delete')}
                      onClick={() => {
                        if (!window.confirm(t('planning.tasks.deleteConfirm'))) return;
                        remove.mutate(task.id, {
                          onSuccess: () =>
                            notifications.show({ message: t('planning.tasks.deleted') }),
                          onError: (e) => notifications.show({ color: 'red', message: message(e) }),
                        });
                      }}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('planning.tasks.add') : t('planning.tasks.edit')}
        size="lg"
      >
        {editing !== null && (
          <TaskForm
            key={editing === 'new' ? 'new' : editing.id}
            detail={detail}
            task={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </Card>
  );
}

type Values = {
  description: string;
  deadline: string;
  leadUnitId: string | null;
  status: TaskStatus;
  evidence: string;
  evidenceLinks: string;
};

function TaskForm({
  detail,
  task,
  onClose,
}: {
  detail: PlanDetail;
  task: TaskView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const save = useSaveTask(detail.plan.id);
  const [submitted, setSubmitted] = useState(false);
  const canEdit = !task || task.abilities.edit;
  const canReport = Boolean(task?.abilities.reportProgress) && detail.plan.status === 'issued';
  const form = useFormState<Values>({
    description: task?.description ?? '',
    deadline: task ? (task.deadline.recurring ? 'thường xuyên' : task.deadline.label) : '',
    leadUnitId: task?.leadUnit.id ?? null,
    status: task?.status ?? 'not_started',
    evidence: task?.evidence ?? '',
    evidenceLinks: task?.evidenceLinks.join('\n') ?? '',
  });
  const { values, errors, setField } = form;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (
      !form.check(
        canEdit
          ? {
              description: rules.first(
                values.description,
                rules.required,
                rules.max(PLANNING_LIMITS.taskDescription),
              ),
              deadline: rules.first(
                values.deadline,
                rules.required,
                rules.max(PLANNING_LIMITS.deadlineText),
              ),
            }
          : {},
        event,
      )
    )
      return;
    const editFields = canEdit
      ? {
          description: values.description.trim(),
          deadline: values.deadline.trim(),
          ...(values.leadUnitId ? { leadUnitId: values.leadUnitId } : {}),
        }
      : {};
    const progressFields = canReport
      ? {
          status: values.status,
          evidence: values.evidence.trim() || null,
          evidenceLinks: values.evidenceLinks
            .split(/\s*\n\s*/)
            .map((l) => l.trim())
            .filter(Boolean),
        }
      : {};
    save.mutate(
      task
        ? { id: task.id, body: { ...editFields, ...progressFields } }
        : {
            body: {
              description: values.description.trim(),
              deadline: values.deadline.trim(),
              ...(values.leadUnitId ? { leadUnitId: values.leadUnitId } : {}),
            },
          },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('planning.tasks.saved') });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="task-form">
      <Stack gap="sm">
        <FormError error={submitted ? save.error : null} />
        {canEdit && (
          <>
            <Textarea
              label={t('planning.tasks.description')}
              required
              autosize
              minRows={2}
              value={values.description}
              onChange={(e) => setField('description', e.currentTarget.value)}
              error={errors.description}
            />
            <TextInput
              label={t('planning.tasks.deadline')}
              description={t('planning.tasks.deadlineHint')}
              required
              value={values.deadline}
              onChange={(e) => setField('deadline', e.currentTarget.value)}
              error={errors.deadline}
            />
            <UnitPicker
              label={t('planning.tasks.lead')}
              description={t('planning.tasks.leadHint')}
              value={values.leadUnitId}
              initial={task ? task.leadUnit : null}
              onChange={(u) => setField('leadUnitId', u?.id ?? null)}
              asOf={todayInVietnam()}
              clearable
            />
          </>
        )}
        {canReport && (
          <>
            <Select
              label={t('planning.tasks.status')}
              data={TASK_STATUSES.map((s) => ({
                value: s,
                label: t(`planning.enums.taskStatus.${s}`),
              }))}
              value={values.status}
              onChange={(v) => v && setField('status', v)}
              allowDeselect={false}
            />
            <Textarea
              label={t('planning.tasks.evidence')}
              autosize
              minRows={2}
              value={values.evidence}
              onChange={(e) => setField('evidence', e.currentTarget.value)}
            />
            <Textarea
              label={t('planning.tasks.evidenceLinks')}
              autosize
              minRows={2}
              value={values.evidenceLinks}
              onChange={(e) => setField('evidenceLinks', e.currentTarget.value)}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
