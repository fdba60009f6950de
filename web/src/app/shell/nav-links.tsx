import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconBinaryTree2,
  IconChartBar,
  IconClipboardList,
  IconDatabase,
  IconFileReport,
  IconFileSpreadsheet,
  IconRun,
  IconSchool,
  IconTablePlus,
  IconTrophy,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCanEditSomewhere } from '../../features/auth/auth.api.ts';

type Props = { onNavigate: () => void };

/** Navbar links, grouped by server module. */
export function NavLinks({ onNavigate }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const canImport = useCanEditSomewhere();
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const links = [
    {
      section: t('nav.sectionProgramme'),
      items: [
        {
          to: '/tong-quan',
          label: t('nav.dashboard'),
          icon: IconChartBar,
          active: under('/tong-quan'),
        },
        {
          to: '/ke-hoach',
          label: t('nav.plans'),
          icon: IconClipboardList,
          active: under('/ke-hoach'),
        },
        {
          to: '/hoat-dong',
          label: t('nav.activities'),
          icon: IconRun,
          active: under('/hoat-dong'),
        },
        {
          to: '/so-lieu',
          label: t('nav.values'),
          icon: IconTablePlus,
          active: under('/so-lieu'),
        },
        {
          to: '/bao-cao',
          label: t('nav.reports'),
          icon: IconFileReport,
          active: under('/bao-cao'),
        },
        { to: '/khoa-hoc', label: t('courses.nav'), icon: IconSchool, active: under('/khoa-hoc') },
        {
          to: '/cuoc-thi',
          label: t('nav.contests'),
          icon: IconTrophy,
          active: under('/cuoc-thi'),
        },
        {
          to: '/ngan-hang-cau-hoi',
          label: t('nav.questionBank'),
          icon: IconDatabase,
          active: under('/ngan-hang-cau-hoi'),
        },
      ],
    },
    {
      section: t('nav.sectionOrg'),
      items: [
        {
          to: '/don-vi',
          label: t('nav.org'),
          icon: IconBinaryTree2,
          active: pathname === '/don-vi' || pathname.startsWith('/don-vi/'),
        },
      ],
    },
    {
      section: t('nav.sectionPeople'),
      items: [
        { to: '/nguoi', label: t('nav.people'), icon: IconUsers, active: pathname === '/nguoi' },
        ...(canImport
          ? [
              {
                to: '/nguoi/nhap',
                label: t('nav.import'),
                icon: IconFileSpreadsheet,
                active: pathname === '/nguoi/nhap',
              },
            ]
          : []),
      ],
    },
  ];
  return (
    <Stack gap="md" component="nav" aria-label={t('nav.label')}>
      {links.map((group) => (
        <Stack gap={2} key={group.section}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm">
            {group.section}
          </Text>
          {group.items.map(({ to, label, icon: Icon, active }) => (
            <NavLink
              key={to}
              component={Link}
              to={to}
              label={label}
              active={active}
              aria-current={active ? 'page' : undefined}
              leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
              onClick={onNavigate}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
