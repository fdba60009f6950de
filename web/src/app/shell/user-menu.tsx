import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useErrorMessage } from '../../components/use-error-message.ts';
import { useCurrentUser, useLogout } from '../../features/auth/auth.api.ts';
import { LOGIN_PATH } from '../../features/auth/require-auth.tsx';

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return (last[0] ?? '?').toUpperCase();
}

/** The user's name and scope, "Đổi mật khẩu" and "Đăng xuất". */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  if (!user) return null;

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => {
        // Leave first: clearing the cache under a mounted RequireAuth would refetch "me", get a
        // 401 and remember this page as the place to return to for whoever logs in next.
        void navigate(LOGIN_PATH, { replace: true });
        queryClient.clear();
        notifications.show({ message: t('auth.loggedOut') });
      },
      onError: (error) => notifications.show({ color: 'red', message: message(error) }),
    });

  return (
    <Menu position="bottom-end" width={280} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={`${t('user.menu')}: ${user.displayName}`}
          data-testid="user-menu"
        >
          <Group gap={8} wrap="nowrap">
            <Avatar color="xanh" radius="xl" size={34}>
              {initials(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
              {user.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {user.displayName}
          </Text>
          <Text size="xs">{user.username}</Text>
        </Menu.Label>
        {user.grants.length > 0 && (
          <>
            <Menu.Divider />
            <Menu.Label>{t('user.roles')}</Menu.Label>
            {user.grants.map((grant) => (
              <Text key={`${grant.unitId}-${grant.role}`} size="xs" px="sm" pb={4}>
                {t('user.roleAt', { role: t(`enums.role.${grant.role}`), unit: grant.unitName })}
              </Text>
            ))}
          </>
        )}
        <Menu.Divider />
        <Menu.Item
          component={Link}
          to="/doi-mat-khau"
          leftSection={<IconKey size={16} aria-hidden />}
        >
          {t('user.changePassword')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={onLogout}
          disabled={logout.isPending}
        >
          {t('user.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
