import {
  Anchor,
  Box,
  Group,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { Problem } from '../components/Problem';
import { StatusBadge } from '../components/StatusBadge';
import { useSession } from '../lib/auth';
import { useLiveEvents, useThrottled } from '../lib/use-live';
import { TenantRow, useTenantRows } from '../lib/use-tenant-rows';

/** Every row has this height, so the virtualiser places rows without measuring them. */
const ROW_HEIGHT = 64;
/** Rows rendered beyond the visible ones, above and below. */
const OVERSCAN = 8;
/** The next page is asked for this many rows before the end of what is loaded. */
const LOAD_AHEAD = 100;
const TENANT_COLUMN = 220;
const ENVIRONMENT_COLUMN = 180;

type Cell = TenantRow['cells'][number];

/**
 * A project's tenants × environments: per tenant and environment the live release and the
 * latest attempt. Only the rows on screen are in the page (virtualised), pages load as the list
 * scrolls, the tag filter and search ask the API, and the dashboard stream keeps it live.
 */
export function ProjectTenants({ params }: { params: { ref: string } }) {
  const { client } = useSession();
  const [tags, setTags] = useState<string[]>([]);
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 250);
  const list = useTenantRows(client, params.ref, tags, search);
  const { head, rows, count } = list;

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const firstShown = items[0]?.index ?? 0;
  const lastShown = items[items.length - 1]?.index ?? 0;

  const { need } = list;
  useEffect(() => {
    if (count > 0) need(Math.min(count - 1, lastShown + LOAD_AHEAD));
  }, [need, count, lastShown, rows.length]);
  // A new filter starts at the top.
  const filterKey = `${tags.join(',')}|${search}`;
  useEffect(() => virtualizer.scrollToOffset(0), [virtualizer, filterKey]);

  const refresh = useThrottled(() => list.refresh(firstShown, lastShown), 1000);
  useLiveEvents('/api/dashboard/stream', (event) => {
    if (event.type === 'ready') refresh();
    if (event.type === 'cell' && head && cellProject(event.data) === head.project.id) refresh();
  });

  const environments = head?.environments ?? [];
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const width = TENANT_COLUMN + environments.length * ENVIRONMENT_COLUMN;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>
          {head ? (
            <>
              <Anchor component={Link} href={`/projects/${head.project.slug}`} inherit>
                {head.project.name}
              </Anchor>
              : tenants
            </>
          ) : (
            'Tenants'
          )}
        </Title>
        <Text size="sm" data-testid="tenant-total" aria-live="polite">
          {head ? `${head.total.toLocaleString('en')} tenant${head.total === 1 ? '' : 's'}` : ''}
        </Text>
      </Group>
      <Group align="flex-end" grow preventGrowOverflow={false}>
        <MultiSelect
          label="Filter by tag"
          placeholder={tags.length ? undefined : 'Any tag'}
          data={[...new Set([...(head?.tags ?? []), ...tags])]}
          value={tags}
          onChange={setTags}
          searchable
          clearable
        />
        <TextInput
          label="Search tenants"
          placeholder="Name or slug"
          type="search"
          value={searchText}
          onChange={(event) => setSearchText(event.currentTarget.value)}
        />
      </Group>
      <Problem error={list.error} title="Could not load the tenants" />
      {head && head.project.tenancy === 'untenanted' && (
        <Text>This project is not tenanted: it deploys once per environment.</Text>
      )}
      {head && count === 0 && head.project.tenancy !== 'untenanted' && (
        <Text>{tags.length || search ? 'No tenant matches.' : 'No tenant is connected yet.'}</Text>
      )}
      <Box
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label="Tenants and environments, scrollable"
        data-testid="tenant-scroller"
        style={{
          height: 'max(360px, calc(100dvh - 260px))',
          overflow: 'auto',
          display: count === 0 ? 'none' : undefined,
          border: '1px solid var(--mantine-color-default-border)',
        }}
      >
        <Table
          stickyHeader
          withColumnBorders
          layout="fixed"
          w={width}
          miw="100%"
          aria-label="Live release and latest attempt per tenant and environment"
          aria-rowcount={count + 1}
          data-testid="tenants-table"
        >
          <colgroup>
            <col style={{ width: TENANT_COLUMN }} />
            {environments.map((environment) => (
              <col key={environment.id} style={{ width: ENVIRONMENT_COLUMN }} />
            ))}
          </colgroup>
          <Table.Thead style={{ zIndex: 1 }}>
            <Table.Tr aria-rowindex={1}>
              <Table.Th scope="col">Tenant</Table.Th>
              {environments.map((environment) => (
                <Table.Th scope="col" key={environment.id}>
                  {environment.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && <tr aria-hidden style={{ height: paddingTop }} />}
            {items.map((item) => {
              const row = rows[item.index];
              return row ? (
                <TenantTableRow
                  key={row.tenant.id}
                  row={row}
                  index={item.index}
                  environmentIds={environments.map((environment) => environment.id)}
                />
              ) : (
                <Table.Tr
                  key={`loading-${item.index}`}
                  aria-rowindex={item.index + 2}
                  style={{ height: ROW_HEIGHT }}
                >
                  <Table.Td colSpan={environments.length + 1}>
                    <Text size="sm" c="dimmed">
                      Loading…
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && <tr aria-hidden style={{ height: paddingBottom }} />}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  );
}

/** The project of a dashboard `cell` event (`{projectId, environmentId, …}`). */
function cellProject(data: string): string | undefined {
  try {
    return (JSON.parse(data) as { projectId?: string }).projectId;
  } catch {
    return undefined;
  }
}

function TenantTableRow({
  row,
  index,
  environmentIds,
}: {
  row: TenantRow;
  index: number;
  environmentIds: string[];
}) {
  return (
    <Table.Tr
      aria-rowindex={index + 2}
      style={{ height: ROW_HEIGHT }}
      data-tenant={row.tenant.slug}
    >
      <Table.Th scope="row" style={{ overflow: 'hidden' }}>
        <Text fw={600} size="sm" truncate="end">
          {row.tenant.name}
        </Text>
        <Text size="xs" c="dimmed" truncate="end">
          {row.tenant.tags.join(' · ') || row.tenant.slug}
        </Text>
      </Table.Th>
      {environmentIds.map((id) => (
        <Table.Td key={id} style={{ overflow: 'hidden' }}>
          <TenantCell cell={row.cells.find((cell) => cell.environmentId === id)} />
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/**
 * One stack: the live release and, when it differs, the latest attempt with its status, each
 * linked to its deployment; two lines at most, so every row has the same height.
 */
function TenantCell({ cell }: { cell?: Cell }) {
  if (!cell)
    return (
      <Text c="dimmed" size="sm">
        <span aria-hidden>—</span>
        <VisuallyHidden>not connected</VisuallyHidden>
      </Text>
    );
  const { live, latest } = cell;
  if (!live && !latest)
    return (
      <Text size="sm" c="dimmed">
        not deployed
      </Text>
    );
  return (
    <Stack gap={2}>
      {live ? (
        <Group gap={6} wrap="nowrap" data-testid="live">
          <Anchor
            component={Link}
            href={`/deployments/${live.deploymentId}`}
            fw={700}
            size="sm"
            truncate
          >
            {live.release.version}
          </Anchor>
          <Text size="xs" c="dimmed">
            {cell.connected ? 'live' : 'live, disconnected'}
          </Text>
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          nothing live
        </Text>
      )}
      {latest && latest.deploymentId !== live?.deploymentId && (
        <Group gap={6} wrap="nowrap" data-testid="latest">
          <Anchor component={Link} href={`/deployments/${latest.deploymentId}`} size="sm" truncate>
            {latest.release.version}
          </Anchor>
          <StatusBadge status={latest.status} size="xs" />
        </Group>
      )}
    </Stack>
  );
}
