import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { DataTable } from '../components/DataTable';
import { Loaded, Problem } from '../components/Problem';
import { Section } from '../components/Section';
import { StatusBadge } from '../components/StatusBadge';
import { must, Schema } from '../lib/api';
import { useSession } from '../lib/auth';
import { when, slugOptions } from '../lib/format';
import { imageKeys, stepsOf } from '../lib/steps';
import { useData } from '../lib/use-data';

/** A project: its process, releases (and where each runs), channels and variables. */
export function Project({ params }: { params: { ref: string } }) {
  const { client, can } = useSession();
  const ref = params.ref;
  const data = useData(
    () =>
      Promise.all([
        must(client.GET('/api/projects/{ref}', { params: { path: { ref } } })),
        must(
          client.GET('/api/projects/{ref}/releases', {
            params: { path: { ref }, query: { limit: 50 } },
          }),
        ),
        must(client.GET('/api/projects/{ref}/channels', { params: { path: { ref } } })),
        must(client.GET('/api/projects/{ref}/variables', { params: { path: { ref } } })),
        must(client.GET('/api/dashboard', { params: { query: { project: ref } } })),
      ]),
    [ref],
  );

  return (
    <Loaded data={data.data} error={data.error}>
      {([project, releases, channels, variables, dashboard]) => {
        const cells = dashboard.projects[0]?.cells ?? [];
        return (
          <Stack>
            <Group justify="space-between">
              <div>
                <Title order={2}>{project.name}</Title>
                <Group gap="xs">
                  <Badge variant="outline">{project.tenancy}</Badge>
                  <Text size="sm">
                    lifecycle {project.lifecycle?.slug ?? 'default'} · targets tagged{' '}
                    {project.targetTags.join(', ') || '—'}
                  </Text>
                </Group>
              </div>
              <Group>
                {project.tenancy !== 'untenanted' && (
                  <Button
                    component={Link}
                    href={`/projects/${project.slug}/tenants`}
                    variant="default"
                  >
                    Tenants
                  </Button>
                )}
                {can.deploy(project.id) && (
                  <CreateRelease project={project} channels={channels.items} />
                )}
              </Group>
            </Group>

            <Section title="Process">
              <DataTable
                label="Steps"
                rows={stepsOf(project)}
                rowKey={(step) => step.slug}
                columns={[
                  { header: 'Step', cell: (step) => step.name },
                  { header: 'Kind', cell: (step) => <Code>{step.kind}</Code> },
                  {
                    header: 'Containers',
                    cell: (step) =>
                      step.containers.map((container) => (
                        <Text size="sm" key={container.name}>
                          <b>{container.name}</b> {container.image}
                        </Text>
                      )),
                  },
                  {
                    header: 'Task',
                    cell: (step) => {
                      const task = step.detail.task as
                        { cpu?: string; memory?: string } | undefined;
                      return task ? `${task.cpu} CPU / ${task.memory} MiB` : '—';
                    },
                  },
                ]}
              />
            </Section>

            <Section title="Releases">
              <DataTable
                label="Releases"
                testId="releases"
                rows={releases.items}
                rowKey={(release) => release.id}
                empty="No releases yet."
                columns={[
                  {
                    header: 'Version',
                    cell: (release) => (
                      <Anchor component={Link} href={`/releases/${release.id}`}>
                        {release.version}
                      </Anchor>
                    ),
                  },
                  { header: 'Channel', cell: (release) => release.channel.slug ?? '—' },
                  {
                    header: 'Progression',
                    cell: (release) => (
                      <Group gap={4}>
                        {cells
                          .filter(
                            (cell) =>
                              cell.live?.release.id === release.id ||
                              cell.release.id === release.id,
                          )
                          .map((cell) => (
                            <Group gap={2} key={cell.environment.id}>
                              <Text size="xs">{cell.environment.slug}</Text>
                              <StatusBadge
                                size="xs"
                                status={cell.release.id === release.id ? cell.status : 'succeeded'}
                              />
                            </Group>
                          ))}
                        {release.blocked && <Badge color="red.9">blocked</Badge>}
                      </Group>
                    ),
                  },
                  { header: 'Created', cell: (release) => when(release.createdAt) },
                ]}
              />
            </Section>

            <Section title="Channels">
              <DataTable
                label="Channels"
                rows={channels.items}
                rowKey={(channel) => channel.id}
                columns={[
                  {
                    header: 'Channel',
                    cell: (channel) => (
                      <>
                        {channel.name}{' '}
                        {channel.isDefault && <Badge variant="outline">default</Badge>}
                      </>
                    ),
                  },
                  {
                    header: 'Lifecycle',
                    cell: (channel) => channel.lifecycle?.slug ?? 'project’s',
                  },
                  {
                    header: 'Rules',
                    cell: (channel) =>
                      channel.rules.length
                        ? channel.rules
                            .map(
                              (rule) =>
                                `${rule.containers.join(', ')}: ${[rule.versionRange, rule.tagPattern].filter(Boolean).join(' ')}`,
                            )
                            .join('; ')
                        : '—',
                  },
                ]}
              />
            </Section>

            <Section title="Variables">
              <DataTable
                label="Variables"
                testId="variables"
                rows={variables.items}
                rowKey={(variable) => `${variable.name}${JSON.stringify(variable.scope)}`}
                empty="No variables."
                columns={[
                  { header: 'Name', cell: (variable) => <Code>{variable.name}</Code> },
                  {
                    header: 'Value',
                    cell: (variable) =>
                      variable.sensitive ? (
                        <Group gap={4}>
                          <Text aria-label="hidden value">••••••••</Text>
                          <Badge variant="outline" size="xs">
                            sensitive
                          </Badge>
                        </Group>
                      ) : (
                        <Code>{variable.value}</Code>
                      ),
                  },
                  { header: 'Scope', cell: (variable) => scopeText(variable.scope) },
                ]}
              />
            </Section>
          </Stack>
        );
      }}
    </Loaded>
  );
}

function scopeText(scope: Schema<'Variable'>['scope']): string {
  const parts = Object.entries(scope)
    .filter(([, values]) => values?.length)
    .map(([dimension, values]) => `${dimension}: ${values!.join(', ')}`);
  return parts.join(' · ') || 'everywhere';
}

function CreateRelease({
  project,
  channels,
}: {
  project: Schema<'Project'>;
  channels: Schema<'Channel'>[];
}) {
  const { client } = useSession();
  const [, navigate] = useLocation();
  const [opened, { open, close }] = useDisclosure();
  const keys = imageKeys(project);
  const [images, setImages] = useState<Record<string, string>>({});
  const [version, setVersion] = useState('');
  const [channel, setChannel] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const release = await must(
        client.POST('/api/projects/{ref}/releases', {
          params: { path: { ref: project.slug } },
          body: {
            images,
            ...(version ? { version } : {}),
            ...(channel ? { channel } : {}),
            ...(notes ? { notes } : {}),
          },
        }),
      );
      close();
      navigate(`/releases/${release.id}`);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button onClick={open}>Create release</Button>
      <Modal
        opened={opened}
        onClose={close}
        title={`New release of ${project.name}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit}>
          <Stack>
            <Problem error={error} />
            {keys.map((key) => (
              <TextInput
                key={key}
                label={`Image tag of ${key}`}
                required
                value={images[key] ?? ''}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setImages((previous) => ({ ...previous, [key]: value }));
                }}
              />
            ))}
            <TextInput
              label="Version"
              description="Empty: from the tags, or the next patch version"
              value={version}
              onChange={(event) => setVersion(event.currentTarget.value)}
            />
            {channels.length > 1 && (
              <Select
                label="Channel"
                placeholder="default"
                data={slugOptions(channels)}
                value={channel}
                onChange={setChannel}
                clearable
              />
            )}
            <Textarea
              label="Notes"
              value={notes}
              onChange={(event) => setNotes(event.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              Create
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
