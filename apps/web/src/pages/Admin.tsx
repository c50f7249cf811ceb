import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  MultiSelect,
  Pagination,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ConfirmedActionButton, useConfirmedAction } from '../components/ConfirmedAction';
import { CreateForm } from '../components/CreateForm';
import { DataTable } from '../components/DataTable';
import { Loaded, Problem } from '../components/Problem';
import { useScopeChoices } from '../components/ScopeSelects';
import { must, Schema } from '../lib/api';
import { useSession } from '../lib/auth';
import { commaSeparated, slugOptions, when } from '../lib/format';
import { useData } from '../lib/use-data';

export function Environments() {
  const { client, can } = useSession();
  const list = useData(() => must(client.GET('/api/environments', {})), []);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Environments</Title>
        {can.admin && (
          <CreateForm
            button="New environment"
            title="New environment"
            submit={async () => {
              await must(client.POST('/api/environments', { body: { name, description } }));
              list.reload();
            }}
          >
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Textarea
              label="Description"
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
          </CreateForm>
        )}
      </Group>
      <Loaded data={list.data} error={list.error}>
        {(page) => (
          <DataTable
            label="Environments"
            rows={page.items}
            rowKey={(item) => item.id}
            columns={[
              { header: 'Name', cell: (item) => item.name },
              { header: 'Slug', cell: (item) => <Code>{item.slug}</Code> },
              { header: 'Description', cell: (item) => item.description || '—' },
            ]}
          />
        )}
      </Loaded>
    </Stack>
  );
}

export function Lifecycles() {
  const { client } = useSession();
  const list = useData(() => must(client.GET('/api/lifecycles', {})), []);
  return (
    <Stack>
      <Title order={2}>Lifecycles</Title>
      <Loaded data={list.data} error={list.error}>
        {(page) => (
          <DataTable
            label="Lifecycles"
            rows={page.items}
            rowKey={(item) => item.id}
            columns={[
              { header: 'Name', cell: (item) => item.name },
              {
                header: 'Phases',
                cell: (item) => (
                  <Group gap="xs">
                    {item.phases.map((phase, index) => (
                      <Group gap={4} key={phase.name}>
                        {index > 0 && <Text aria-hidden>→</Text>}
                        <Text fw={700}>{phase.name}</Text>
                        <Text size="sm">
                          ({phase.environments.map((environment) => environment.name).join(', ')}
                          {phase.automatic.length
                            ? `; automatic: ${phase.automatic.map((environment) => environment.name).join(', ')}`
                            : ''}
                          {phase.optional ? '; optional' : ''})
                        </Text>
                      </Group>
                    ))}
                  </Group>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </Stack>
  );
}

export function Targets() {
  const { client, can } = useSession();
  const list = useData(
    () => must(client.GET('/api/targets', { params: { query: { limit: 500 } } })),
    [],
  );
  const [checks, setChecks] = useState<Record<string, Schema<'TargetCheck'> | Error>>({});
  return (
    <Stack>
      <Title order={2}>Targets</Title>
      <Loaded data={list.data} error={list.error}>
        {(page) => (
          <DataTable
            label="Targets"
            testId="targets"
            rows={page.items}
            rowKey={(item) => item.id}
            columns={[
              { header: 'Name', cell: (item) => item.name },
              { header: 'Cluster', cell: (item) => `${item.cluster} (${item.region})` },
              {
                header: 'Environments',
                cell: (item) => item.environments.map((e) => e.slug).join(', '),
              },
              { header: 'Tags', cell: (item) => item.tags.join(', ') || '—' },
              { header: 'Credentials', cell: (item) => item.credentials.type },
              {
                header: 'Check',
                cell: (item) => {
                  const check = checks[item.id];
                  return (
                    <Stack gap={4} align="start">
                      {can.admin && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Check ${item.name}`}
                          onClick={async () => {
                            try {
                              const result = await must(
                                client.POST('/api/targets/{ref}/check', {
                                  params: { path: { ref: item.id } },
                                }),
                              );
                              setChecks((previous) => ({ ...previous, [item.id]: result }));
                            } catch (error) {
                              setChecks((previous) => ({ ...previous, [item.id]: error as Error }));
                            }
                          }}
                        >
                          Check
                        </Button>
                      )}
                      {check instanceof Error ? (
                        <Text size="xs" c="var(--mantine-color-red-text)">
                          {check.message}
                        </Text>
                      ) : check ? (
                        <Text size="xs" data-testid={`check-${item.slug}`}>
                          <Badge color={check.active ? 'green.9' : 'red.9'} size="xs">
                            {check.active
                              ? 'active'
                              : check.reachable
                                ? 'not active'
                                : 'unreachable'}
                          </Badge>{' '}
                          {check.detail}
                        </Text>
                      ) : null}
                    </Stack>
                  );
                },
              },
            ]}
          />
        )}
      </Loaded>
    </Stack>
  );
}

export function Tenants() {
  const { client, can } = useSession();
  const [tags, setTags] = useState<string[]>([]);
  const [page, setPage] = useState(1);
  const list = useData(
    () =>
      must(
        client.GET('/api/tenants', {
          params: {
            query: {
              limit: 100,
              offset: (page - 1) * 100,
              include: 'connections',
              tag: tags as unknown as string,
            },
          },
        }),
      ),
    [page, tags.join(',')],
  );
  const [name, setName] = useState('');
  const [newTags, setNewTags] = useState('');
  const knownTags = [...new Set((list.data?.items ?? []).flatMap((tenant) => tenant.tags))].sort();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Tenants</Title>
        {can.admin && (
          <CreateForm
            button="New tenant"
            title="New tenant"
            submit={async () => {
              await must(
                client.POST('/api/tenants', { body: { name, tags: commaSeparated(newTags) } }),
              );
              list.reload();
            }}
          >
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              label="Tags"
              description="group/value, separated by commas"
              value={newTags}
              onChange={(e) => setNewTags(e.currentTarget.value)}
            />
          </CreateForm>
        )}
      </Group>
      <MultiSelect
        label="Filter by tag"
        data={[...new Set([...knownTags, ...tags])]}
        value={tags}
        onChange={(value) => {
          setTags(value);
          setPage(1);
        }}
        searchable
        clearable
        maw={420}
      />
      <Loaded data={list.data} error={list.error}>
        {(result) => (
          <>
            <DataTable
              label="Tenants"
              rows={result.items}
              rowKey={(item) => item.id}
              columns={[
                { header: 'Name', cell: (item) => item.name },
                { header: 'Tags', cell: (item) => item.tags.join(', ') || '—' },
                {
                  header: 'Projects',
                  cell: (item) =>
                    (item.projects ?? [])
                      .map(
                        (connection) =>
                          `${connection.project.slug} (${connection.environments.map((e) => e.slug).join(', ')})`,
                      )
                      .join('; ') || '—',
                },
              ]}
            />
            {result.total > 100 && (
              <Pagination total={Math.ceil(result.total / 100)} value={page} onChange={setPage} />
            )}
          </>
        )}
      </Loaded>
    </Stack>
  );
}

export function ApiKeys() {
  const { client } = useSession();
  const list = useData(
    () => must(client.GET('/api/api-keys', { params: { query: { limit: 500 } } })),
    [],
  );
  const choices = useScopeChoices();
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>('viewer');
  const [envs, setEnvs] = useState<string[]>([]);
  const [projectRefs, setProjectRefs] = useState<string[]>([]);
  const [created, setCreated] = useState<Schema<'CreatedApiKey'>>();
  const revoke = useConfirmedAction(list.reload);
  const names = (ids: string[], items: { id: string; slug: string }[] | undefined) =>
    ids.map((id) => items?.find((item) => item.id === id)?.slug ?? id).join(', ') || 'all';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>API keys</Title>
        <CreateForm
          button="New API key"
          title="New API key"
          submit={async () => {
            const key = await must(
              client.POST('/api/api-keys', {
                body: {
                  name,
                  role: (role ?? 'viewer') as 'viewer',
                  ...(envs.length ? { environments: envs } : {}),
                  ...(projectRefs.length ? { projects: projectRefs } : {}),
                },
              }),
            );
            setCreated(key);
            list.reload();
          }}
        >
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label="Role"
            data={['viewer', 'deployer', 'admin']}
            value={role}
            onChange={setRole}
            allowDeselect={false}
          />
          <MultiSelect
            label="Limited to environments"
            description="Empty: every environment"
            data={slugOptions(choices.environments)}
            value={envs}
            onChange={setEnvs}
          />
          <MultiSelect
            label="Limited to projects"
            description="Empty: every project"
            data={slugOptions(choices.projects)}
            value={projectRefs}
            onChange={setProjectRefs}
            searchable
          />
        </CreateForm>
      </Group>
      {created && (
        <Alert
          color="green"
          title={`Key '${created.name}' created`}
          role="status"
          withCloseButton
          onClose={() => setCreated(undefined)}
        >
          <Text size="sm">Copy it now: Gantry shows it only once.</Text>
          <Code block data-testid="new-key">
            {created.key}
          </Code>
        </Alert>
      )}
      <Problem error={revoke.error} />
      <Loaded data={list.data} error={list.error}>
        {(page) => (
          <DataTable
            label="API keys"
            rows={page.items}
            rowKey={(item) => item.id}
            columns={[
              { header: 'Name', cell: (item) => item.name },
              { header: 'Role', cell: (item) => <Badge variant="outline">{item.role}</Badge> },
              {
                header: 'Key',
                cell: (item) => (item.keyPrefix ? <Code>{item.keyPrefix}…</Code> : '—'),
              },
              {
                header: 'Environments',
                cell: (item) => names(item.environments, choices.environments),
              },
              { header: 'Projects', cell: (item) => names(item.projects, choices.projects) },
              { header: 'Last used', cell: (item) => when(item.lastUsedAt) },
              {
                header: 'Revoke',
                cell: (item) => (
                  <ConfirmedActionButton
                    verb="Revoke"
                    name={item.name}
                    question={`Revoke the key '${item.name}'? It stops working at once.`}
                    with={revoke}
                    action={() =>
                      must(
                        client.DELETE('/api/api-keys/{id}', { params: { path: { id: item.id } } }),
                      )
                    }
                  />
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </Stack>
  );
}

export function Audit() {
  const { client } = useSession();
  const [actor, setActor] = useState('');
  const [page, setPage] = useState(1);
  const list = useData(
    () =>
      must(
        client.GET('/api/audit', {
          params: { query: { limit: 50, offset: (page - 1) * 50, ...(actor ? { actor } : {}) } },
        }),
      ),
    [page, actor],
  );
  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      <TextInput
        label="Key name"
        description="Only the changes made with this key"
        value={actor}
        onChange={(e) => {
          setActor(e.currentTarget.value);
          setPage(1);
        }}
        maw={320}
      />
      <Loaded data={list.data} error={list.error}>
        {(result) => (
          <>
            <DataTable
              label="Audit log"
              testId="audit"
              rows={result.items}
              rowKey={(item) => item.id}
              columns={[
                { header: 'When', cell: (item) => when(item.at) },
                { header: 'Who', cell: (item) => item.actorName },
                { header: 'What', cell: (item) => <Code>{`${item.method} ${item.route}`}</Code> },
                { header: 'Resource', cell: (item) => item.resourceId ?? '—' },
                { header: 'Outcome', cell: (item) => `${item.status} ${item.outcome}` },
              ]}
            />
            {result.total > 50 && (
              <Pagination total={Math.ceil(result.total / 50)} value={page} onChange={setPage} />
            )}
          </>
        )}
      </Loaded>
    </Stack>
  );
}
