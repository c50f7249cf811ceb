import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  Group,
  Pagination,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { DataTable } from '../components/DataTable';
import { Loaded, Problem } from '../components/Problem';
import { Section } from '../components/Section';
import { StatusBadge } from '../components/StatusBadge';
import { TenantChoice, TenantPicker } from '../components/TenantPicker';
import { ApiError, download, must, Schema } from '../lib/api';
import { useSession } from '../lib/auth';
import { when, slugOptions } from '../lib/format';
import { useData } from '../lib/use-data';

const PAGE = 50;

/** A release: its images, its progression, Deploy and Promote, and its template. */
export function Release({ params }: { params: { id: string } }) {
  const { client, can } = useSession();
  const id = params.id;
  const data = useData(async () => {
    const release = await must(client.GET('/api/releases/{id}', { params: { path: { id } } }));
    const project = await must(
      client.GET('/api/projects/{ref}', { params: { path: { ref: release.project.id } } }),
    );
    const environments = await must(client.GET('/api/environments', {}));
    return { release, project, environments: environments.items };
  }, [id]);

  return (
    <Loaded data={data.data} error={data.error}>
      {({ release, project, environments }) => {
        const summaryEnvironments = release.progressionSummary.map(
          (summary) => summary.environment,
        );
        const deployable = environments.filter((environment) =>
          can.deploy(project.id, [environment.id]),
        );
        return (
          <Stack>
            <div>
              <Text size="sm">
                <Anchor component={Link} href={`/projects/${project.slug}`}>
                  {project.name}
                </Anchor>{' '}
                · channel {release.channel.slug ?? '—'} · created {when(release.createdAt)}
              </Text>
              <Title order={2}>Release {release.version}</Title>
              {release.notes && <Text>{release.notes}</Text>}
            </div>
            {release.blocked && (
              <Alert color="red" title="Blocked" role="status">
                {release.block?.reason}
              </Alert>
            )}

            <Section title="Images">
              <Group gap="md">
                {Object.entries(release.images).map(([container, tag]) => (
                  <Text key={container}>
                    <b>{container}</b> <Code>{tag}</Code>
                  </Text>
                ))}
              </Group>
            </Section>

            <Progression release={release} environments={summaryEnvironments} />

            {deployable.length > 0 && !release.blocked && (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Deploy
                  release={release}
                  project={project}
                  environments={deployable}
                  onDone={data.reload}
                />
                <Promote project={project} environments={deployable} all={environments} />
              </SimpleGrid>
            )}

            <Template release={release} project={project} environments={environments} />
          </Stack>
        );
      }}
    </Loaded>
  );
}

function Progression({
  release,
  environments,
}: {
  release: Schema<'Release'>;
  environments: Schema<'ResourceRef'>[];
}) {
  const { client } = useSession();
  const [environment, setEnvironment] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const cells = useData(
    () =>
      must(
        client.GET('/api/releases/{id}/progression', {
          params: {
            path: { id: release.id },
            query: {
              limit: PAGE,
              offset: (page - 1) * PAGE,
              ...(environment ? { environment } : {}),
            },
          },
        }),
      ),
    [release.id, environment, page],
  );
  return (
    <Section title="Progression">
      <Group gap="lg" data-testid="progression-summary">
        {release.progressionSummary.map((summary) => (
          <Stack gap={2} key={summary.environment.id}>
            <Text fw={700}>{summary.environment.slug}</Text>
            {summary.untenanted && <StatusBadge status={summary.untenanted.status} />}
            {summary.tenants && (
              <Text size="xs">
                {summary.tenants.deployed} deployed · {summary.tenants.allowed} allowed ·{' '}
                {summary.tenants.blocked} blocked
              </Text>
            )}
          </Stack>
        ))}
      </Group>
      <Select
        label="Environment"
        placeholder="every environment"
        data={environments.map((item) => ({ value: item.id, label: item.slug }))}
        value={environment}
        onChange={(value) => {
          setEnvironment(value);
          setPage(1);
        }}
        clearable
        maw={280}
      />
      <Loaded data={cells.data} error={cells.error}>
        {(progression) => (
          <>
            <DataTable
              label="Progression per environment and tenant"
              testId="progression"
              rows={progression.items}
              rowKey={(cell) => `${cell.environment.id}/${cell.tenant?.id ?? '-'}`}
              columns={[
                { header: 'Environment', cell: (cell) => cell.environment.slug },
                { header: 'Tenant', cell: (cell) => cell.tenant?.slug ?? '—' },
                {
                  header: 'Status',
                  cell: (cell) => (
                    <span data-progression={`${cell.environment.slug}/${cell.tenant?.slug ?? '-'}`}>
                      <StatusBadge status={cell.frozen ? 'blocked' : cell.status} />
                    </span>
                  ),
                },
                { header: 'Why', cell: (cell) => cell.frozen?.message ?? cell.reason },
                {
                  header: 'Live there',
                  cell: (cell) =>
                    cell.live ? (
                      <Anchor component={Link} href={`/deployments/${cell.live.deploymentId}`}>
                        {cell.live.release.version}
                      </Anchor>
                    ) : (
                      '—'
                    ),
                },
                {
                  header: 'Latest attempt',
                  cell: (cell) =>
                    cell.latest ? (
                      <Group gap={4}>
                        <Anchor component={Link} href={`/deployments/${cell.latest.deploymentId}`}>
                          {cell.latest.release.version}
                        </Anchor>
                        <StatusBadge size="xs" status={cell.latest.status} />
                      </Group>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
            {progression.total > PAGE && (
              <Pagination
                total={Math.ceil(progression.total / PAGE)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              />
            )}
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** The deployments a request started: one opens at once, several are listed. */
function Started({ deployments }: { deployments: Schema<'Deployment'>[] }) {
  return (
    <Alert color="blue" title={`${deployments.length} deployment(s) started`} role="status">
      <Stack gap={2}>
        {deployments.slice(0, 20).map((deployment) => (
          <Anchor component={Link} href={`/deployments/${deployment.id}`} key={deployment.id}>
            {deployment.environment.slug}
            {deployment.tenant ? ` / ${deployment.tenant.slug}` : ''} — {deployment.status}
          </Anchor>
        ))}
      </Stack>
    </Alert>
  );
}

function Deploy({
  release,
  project,
  environments,
  onDone,
}: {
  release: Schema<'Release'>;
  project: Schema<'Project'>;
  environments: Schema<'Environment'>[];
  onDone(): void;
}) {
  const { client } = useSession();
  const [, navigate] = useLocation();
  const [environment, setEnvironment] = useState<string | null>(null);
  const [choice, setChoice] = useState<TenantChoice>({ tenants: [], tenantTags: [] });
  const [force, setForce] = useState(false);
  const [error, setError] = useState<Error>();
  const [started, setStarted] = useState<Schema<'Deployment'>[]>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!environment) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await must(
        client.POST('/api/releases/{id}/deployments', {
          params: { path: { id: release.id } },
          body: {
            environment,
            ...(choice.tenants.length ? { tenants: choice.tenants } : {}),
            ...(choice.tenantTags.length ? { tenantTags: choice.tenantTags } : {}),
            ...(force ? { force } : {}),
          },
        }),
      );
      if (result.items.length === 1) navigate(`/deployments/${result.items[0].id}`);
      else {
        setStarted(result.items);
        onDone();
      }
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Deploy">
      <form onSubmit={submit} aria-label="Deploy this release">
        <Stack>
          <Problem error={error} />
          {started && <Started deployments={started} />}
          <Select
            label="Environment"
            required
            data={slugOptions(environments)}
            value={environment}
            onChange={setEnvironment}
          />
          {project.tenancy !== 'untenanted' && (
            <TenantPicker project={project.slug} value={choice} onChange={setChoice} />
          )}
          <Checkbox
            label="Deploy again where it already runs"
            checked={force}
            onChange={(event) => setForce(event.currentTarget.checked)}
          />
          <Button type="submit" loading={busy} disabled={!environment}>
            Deploy {release.version}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function Promote({
  project,
  environments,
  all,
}: {
  project: Schema<'Project'>;
  environments: Schema<'Environment'>[];
  all: Schema<'Environment'>[];
}) {
  const { client } = useSession();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [choice, setChoice] = useState<TenantChoice>({ tenants: [], tenantTags: [] });
  const [error, setError] = useState<Error>();
  const [started, setStarted] = useState<Schema<'Deployment'>[]>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!from || !to) return;
    setBusy(true);
    setError(undefined);
    setStarted(undefined);
    try {
      const result = await must(
        client.POST('/api/projects/{ref}/promote', {
          params: { path: { ref: project.slug } },
          body: {
            from,
            to,
            ...(choice.tenants.length ? { tenants: choice.tenants } : {}),
            ...(choice.tenantTags.length ? { tenantTags: choice.tenantTags } : {}),
          },
        }),
      );
      setStarted(result.items);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Promote">
      <form onSubmit={submit} aria-label="Promote the project">
        <Stack>
          <Text size="sm">
            Deploys, per tenant, the release that last succeeded in one environment to the next.
          </Text>
          <Problem error={error} />
          {started && <Started deployments={started} />}
          <Group grow>
            <Select label="From" required data={slugOptions(all)} value={from} onChange={setFrom} />
            <Select
              label="To"
              required
              data={slugOptions(environments)}
              value={to}
              onChange={setTo}
            />
          </Group>
          {project.tenancy !== 'untenanted' && (
            <TenantPicker project={project.slug} value={choice} onChange={setChoice} />
          )}
          <Button type="submit" loading={busy} disabled={!from || !to}>
            Promote
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function Template({
  release,
  project,
  environments,
}: {
  release: Schema<'Release'>;
  project: Schema<'Project'>;
  environments: Schema<'Environment'>[];
}) {
  const { apiKey } = useSession();
  const [environment, setEnvironment] = useState<string | null>(environments[0]?.slug ?? null);
  const [tenant, setTenant] = useState('');
  const [format, setFormat] = useState<'json' | 'yaml'>('json');
  const [text, setText] = useState<string>();
  const [error, setError] = useState<Error>();

  async function load(): Promise<string | undefined> {
    if (!environment) return undefined;
    setError(undefined);
    const query = new URLSearchParams({ environment, format });
    if (tenant) query.set('tenant', tenant);
    const response = await fetch(`/api/releases/${release.id}/template?${query}`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    const body = await response.text();
    if (!response.ok) {
      const problem = (() => {
        try {
          return JSON.parse(body);
        } catch {
          return {};
        }
      })();
      setError(new ApiError(response.status, problem));
      return undefined;
    }
    const shown = format === 'json' ? JSON.stringify(JSON.parse(body), null, 2) : body;
    setText(shown);
    return shown;
  }

  return (
    <Section title="Template">
      <Text size="sm">
        The exact CloudFormation template a deployment of this release would send.
      </Text>
      <Group align="end">
        <Select
          label="Environment"
          data={slugOptions(environments)}
          value={environment}
          onChange={setEnvironment}
        />
        {project.tenancy !== 'untenanted' && (
          <TenantSelect project={project.slug} value={tenant} onChange={setTenant} />
        )}
        <SegmentedControl
          aria-label="Format"
          data={[
            { value: 'json', label: 'JSON' },
            { value: 'yaml', label: 'YAML' },
          ]}
          value={format}
          onChange={(value) => setFormat(value as 'json' | 'yaml')}
        />
        <Button variant="default" onClick={() => void load()} disabled={!environment}>
          Preview
        </Button>
        <Button
          variant="default"
          disabled={!environment}
          onClick={async () => {
            const shown = await load();
            if (shown)
              download(
                `${project.slug}-${release.version}-${environment}${tenant ? `-${tenant}` : ''}.${format}`,
                shown,
                format === 'json' ? 'application/json' : 'application/yaml',
              );
          }}
        >
          Download
        </Button>
      </Group>
      <Problem error={error} />
      {text && (
        <ScrollArea.Autosize mah={480} type="auto">
          <Code block data-testid="template">
            {text}
          </Code>
        </ScrollArea.Autosize>
      )}
    </Section>
  );
}

function TenantSelect({
  project,
  value,
  onChange,
}: {
  project: string;
  value: string;
  onChange(value: string): void;
}) {
  const { client } = useSession();
  const tenants = useData(
    () => must(client.GET('/api/tenants', { params: { query: { project, limit: 500 } } })),
    [project],
  );
  return (
    <Select
      label="Tenant"
      placeholder="untenanted"
      searchable
      clearable
      limit={100}
      data={(tenants.data?.items ?? []).map((tenant) => ({
        value: tenant.slug,
        label: tenant.name,
      }))}
      value={value || null}
      onChange={(chosen) => onChange(chosen ?? '')}
    />
  );
}
