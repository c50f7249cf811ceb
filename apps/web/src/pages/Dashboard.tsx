import { Anchor, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { Loaded } from '../components/Problem';
import { StatusBadge } from '../components/StatusBadge';
import { must, Schema } from '../lib/api';
import { useSession } from '../lib/auth';
import { useData } from '../lib/use-data';
import { useLiveEvents, useThrottled } from '../lib/use-live';

type Cell = Schema<'DashboardCell'>;

/** Projects × environments: the live release of each cell, and the latest attempt beside it. */
export function Dashboard() {
  const { client } = useSession();
  const dashboard = useData(() => must(client.GET('/api/dashboard', {})), []);
  const refresh = useThrottled(dashboard.reload, 300);
  // `ready`: the stream follows from now on (read again, in case of a change before); `cell`: a change.
  useLiveEvents('/api/dashboard/stream', (event) => {
    if (event.type === 'ready' || event.type === 'cell') refresh();
  });

  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      <Loaded data={dashboard.data} error={dashboard.error}>
        {({ environments, projects }) =>
          projects.length === 0 ? (
            <Text>No projects yet.</Text>
          ) : (
            <ScrollArea type="auto">
              <Table
                striped
                withTableBorder
                withColumnBorders
                miw={Math.max(480, 160 + environments.length * 170)}
                aria-label="Releases per project and environment"
                data-testid="dashboard"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Project</Table.Th>
                    {environments.map((environment) => (
                      <Table.Th scope="col" key={environment.id}>
                        {environment.name}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {projects.map(({ project, cells }) => (
                    <Table.Tr key={project.id}>
                      <Table.Th scope="row">
                        <Anchor component={Link} href={`/projects/${project.slug}`}>
                          {project.name}
                        </Anchor>
                        {project.tenancy !== 'untenanted' && (
                          <Text size="xs">
                            <Anchor component={Link} href={`/projects/${project.slug}/tenants`}>
                              tenants
                            </Anchor>
                          </Text>
                        )}
                      </Table.Th>
                      {environments.map((environment) => {
                        const cell = cells.find((c) => c.environment.id === environment.id);
                        return (
                          <Table.Td
                            key={environment.id}
                            data-cell={`${project.slug}/${environment.slug}`}
                          >
                            {cell ? <DashboardCell cell={cell} /> : <Text c="dimmed">—</Text>}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )
        }
      </Loaded>
    </Stack>
  );
}

function DashboardCell({ cell }: { cell: Cell }) {
  const latestIsLive = cell.live?.deploymentId === cell.deploymentId;
  return (
    <Stack gap={4}>
      {cell.live ? (
        <Group gap={6} data-testid="live">
          <Anchor component={Link} href={`/releases/${cell.live.release.id}`} fw={700}>
            {cell.live.release.version}
          </Anchor>
          <Text size="xs" c="dimmed">
            live
          </Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          nothing live
        </Text>
      )}
      {!latestIsLive || cell.tenants ? (
        <Group gap={6} data-testid="latest">
          <Anchor component={Link} href={`/deployments/${cell.deploymentId}`} size="sm">
            {cell.release.version}
          </Anchor>
          <StatusBadge status={cell.status} size="xs" />
        </Group>
      ) : null}
      {cell.tenants && (
        <Text size="xs">
          {cell.tenants.live}/{cell.tenants.total} tenants live
          {cell.tenants.failed ? `, ${cell.tenants.failed} failed` : ''}
          {cell.tenants.running ? `, ${cell.tenants.running} running` : ''}
          {cell.tenants.queued ? `, ${cell.tenants.queued} queued` : ''}
        </Text>
      )}
    </Stack>
  );
}
