import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  Text,
  Title,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from '../lib/auth';

const READ_PAGES = [
  ['/', 'Dashboard'],
  ['/environments', 'Environments'],
  ['/lifecycles', 'Lifecycles'],
  ['/targets', 'Targets'],
  ['/tenants', 'Tenants'],
  ['/freezes', 'Freezes'],
] as const;
const ADMIN_PAGES = [
  ['/api-keys', 'API keys'],
  ['/subscriptions', 'Subscriptions'],
  ['/audit', 'Audit log'],
] as const;

export function Layout({ children }: { children: ReactNode }) {
  const { key, can, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  // Below the `sm` breakpoint the navbar folds away off screen: inert, its links take no focus.
  const folded = useMediaQuery('(max-width: 47.99375em)') && !opened;
  const [location] = useLocation();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const pages = can.admin ? [...READ_PAGES, ...ADMIN_PAGES] : READ_PAGES;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={1} size="h3">
              <Link href="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                Gantry
              </Link>
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="xs" data-testid="key-name">
              {key.name}
            </Text>
            <Badge variant="outline" data-testid="key-role">
              {key.role}
            </Badge>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
              aria-label={scheme === 'dark' ? 'Use light mode' : 'Use dark mode'}
            >
              <span aria-hidden>{scheme === 'dark' ? '☀' : '☾'}</span>
            </ActionIcon>
            <Button variant="default" size="xs" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main" inert={folded}>
        {pages.map(([href, label]) => (
          <NavLink
            key={href}
            component={Link}
            href={href}
            label={label}
            active={href === '/' ? location === '/' : location.startsWith(href)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
