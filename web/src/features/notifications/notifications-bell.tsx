import {
  ActionIcon,
  Button,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { useMarkRead, useNotifications } from './notifications.api.ts';

/** The bell in the header: unread count, the latest notifications, each opening its page. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const query = useNotifications();
  const markRead = useMarkRead();
  const unread = query.data?.unreadCount ?? 0;
  const items = query.data?.items ?? [];
  return (
    <Popover
      opened={opened}
      onChange={(o) => !o && close()}
      position="bottom-end"
      width={320}
      withinPortal
      shadow="md"
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          color="red"
          disabled={unread === 0}
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={toggle}
            aria-label={
              unread
                ? t('reporting.notifications.unread', { n: unread })
                : t('reporting.notifications.label')
            }
            data-testid="notifications-bell"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
        <ScrollArea.Autosize mah={380}>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              {t('reporting.notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0} data-testid="notifications-list">
              {items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  p="sm"
                  style={{
                    borderBottom: '1px solid var(--mantine-color-default-border)',
                    background: n.readAt
                      ? undefined
                      : 'var(--mantine-color-xanh-0, var(--mantine-color-green-0))',
                  }}
                  onClick={() => {
                    if (!n.readAt) markRead.mutate(n.id);
                    close();
                    if (n.link) void navigate(n.link);
                  }}
                >
                  <Text size="sm" fw={n.readAt ? 400 : 600} className="px-wrap">
                    {n.title}
                  </Text>
                  <Text size="xs" c="dimmed" className="px-wrap">
                    {n.body}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(n.createdAt)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        {unread > 0 && (
          <Button variant="subtle" fullWidth size="xs" onClick={() => markRead.mutate('all')}>
            {t('reporting.notifications.readAll')}
          </Button>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
