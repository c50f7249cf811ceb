import {
  Badge,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ConfirmedActionButton, useConfirmedAction } from '../components/ConfirmedAction';
import { CreateForm } from '../components/CreateForm';
import { DataTable } from '../components/DataTable';
import { Loaded, Problem } from '../components/Problem';
import { ProjectAndEnvironmentSelects, useScopeChoices } from '../components/ScopeSelects';
import { must, Schema } from '../lib/api';
import { commaSeparated, slugsOr } from '../lib/format';
import { useSession } from '../lib/auth';
import { useData } from '../lib/use-data';

type Subscription = Schema<'Subscription'>;
type Kind = Subscription['kind'];

const EVENTS = [
  'deployment.queued',
  'deployment.started',
  'deployment.waiting-for-approval',
  'deployment.succeeded',
  'deployment.failed',
  'deployment.cancelled',
  'release.created',
  'release.blocked',
] as const;
const FIELDS = [
  'name',
  'kind',
  'events',
  'url',
  'secret',
  'to',
  'from',
  'smtp',
  'smtp.host',
  'smtp.port',
  'smtp.username',
  'smtp.password',
  'projects',
  'environments',
  'tenantTags',
];

/** Where a subscription sends, as the API shows it (secrets masked). */
const destination = (item: Subscription) =>
  item.kind === 'email' ? `${(item.to ?? []).join(', ')} via ${item.smtp?.host ?? '?'}` : item.url;

/** Notification subscriptions (admins only: they hold secrets and reach outside). */
export function Subscriptions() {
  const { client } = useSession();
  const list = useData(
    () => must(client.GET('/api/subscriptions', { params: { query: { limit: 500 } } })),
    [],
  );
  const remove = useConfirmedAction(list.reload);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Notification subscriptions</Title>
        <NewSubscription onCreated={list.reload} />
      </Group>
      <Problem error={remove.error} />
      <Loaded data={list.data} error={list.error}>
        {(page) => (
          <DataTable
            label="Notification subscriptions"
            testId="subscriptions"
            rows={page.items}
            rowKey={(item) => item.id}
            empty="No subscriptions."
            columns={[
              { header: 'Name', cell: (item) => item.name },
              {
                header: 'Kind',
                cell: (item) => (
                  <Group gap={4}>
                    <Badge variant="outline" color="gray">
                      {item.kind}
                    </Badge>
                    {!item.enabled && <Badge color="gray.7">disabled</Badge>}
                  </Group>
                ),
              },
              { header: 'Events', cell: (item) => item.events.join(', ') },
              {
                header: 'For',
                cell: (item) =>
                  `${slugsOr(item.projects, 'every project')}; ${slugsOr(item.environments, 'every environment')}${item.tenantTags.length ? `; tenants tagged ${item.tenantTags.join(', ')}` : ''}`,
              },
              { header: 'Sends to', cell: (item) => destination(item) ?? '—' },
              {
                header: 'Delete',
                cell: (item) => (
                  <ConfirmedActionButton
                    verb="Delete"
                    name={item.name}
                    question={`Delete the subscription '${item.name}'?`}
                    with={remove}
                    action={() =>
                      must(
                        client.DELETE('/api/subscriptions/{ref}', {
                          params: { path: { ref: item.id } },
                        }),
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

function NewSubscription({ onCreated }: { onCreated(): void }) {
  const { client } = useSession();
  const choices = useScopeChoices();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('webhook');
  const [events, setEvents] = useState<string[]>([]);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [to, setTo] = useState('');
  const [from, setFrom] = useState('');
  const [host, setHost] = useState('');
  const [port, setPort] = useState<number | string>(587);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [projectRefs, setProjectRefs] = useState<string[]>([]);
  const [environmentRefs, setEnvironmentRefs] = useState<string[]>([]);
  const [tenantTags, setTenantTags] = useState('');
  const [enabled, setEnabled] = useState(true);

  async function submit() {
    const destinationFields =
      kind === 'email'
        ? {
            to: commaSeparated(to),
            from,
            smtp: {
              host,
              port: Number(port),
              ...(username ? { username } : {}),
              ...(password ? { password } : {}),
            },
          }
        : { url, ...(kind === 'webhook' ? { secret } : {}) };
    await must(
      client.POST('/api/subscriptions', {
        body: {
          name,
          kind,
          events: events as (typeof EVENTS)[number][],
          enabled,
          projects: projectRefs,
          environments: environmentRefs,
          tenantTags: commaSeparated(tenantTags),
          ...destinationFields,
        },
      }),
    );
    onCreated();
  }

  return (
    <CreateForm button="New subscription" title="New subscription" submit={submit} fields={FIELDS}>
      {(errorOf) => (
        <>
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorOf('name')}
          />
          <Select
            label="Kind"
            data={[
              { value: 'webhook', label: 'Webhook' },
              { value: 'slack', label: 'Slack incoming webhook' },
              { value: 'email', label: 'Email' },
            ]}
            value={kind}
            onChange={(value) => value && setKind(value as Kind)}
            allowDeselect={false}
            error={errorOf('kind')}
          />
          <MultiSelect
            label="Events"
            required
            data={[...EVENTS]}
            value={events}
            onChange={setEvents}
            error={errorOf('events')}
          />
          {kind === 'email' ? (
            <>
              <TextInput
                label="Recipients"
                description="Email addresses, separated by commas"
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
                error={errorOf('to')}
              />
              <TextInput
                label="Sender"
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
                error={errorOf('from')}
              />
              <Group grow align="start">
                <TextInput
                  label="SMTP host"
                  value={host}
                  onChange={(e) => setHost(e.currentTarget.value)}
                  error={errorOf('smtp.host') ?? errorOf('smtp')}
                />
                <NumberInput
                  label="SMTP port"
                  value={port}
                  onChange={setPort}
                  min={1}
                  max={65535}
                  error={errorOf('smtp.port')}
                />
              </Group>
              <Group grow align="start">
                <TextInput
                  label="SMTP user name"
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={errorOf('smtp.username')}
                />
                <PasswordInput
                  label="SMTP password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errorOf('smtp.password')}
                />
              </Group>
            </>
          ) : (
            <>
              <TextInput
                label="URL"
                description="Kept encrypted; shown afterwards as its origin only"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                error={errorOf('url')}
              />
              {kind === 'webhook' && (
                <PasswordInput
                  label="Signing secret"
                  description="At least 16 characters; signs every request"
                  value={secret}
                  onChange={(e) => setSecret(e.currentTarget.value)}
                  error={errorOf('secret')}
                />
              )}
            </>
          )}
          <ProjectAndEnvironmentSelects
            choices={choices}
            projectRefs={projectRefs}
            onProjectRefs={setProjectRefs}
            environmentRefs={environmentRefs}
            onEnvironmentRefs={setEnvironmentRefs}
            errorOf={errorOf}
          />
          <TextInput
            label="Tenant tags"
            description="group/value, separated by commas; deployment events only"
            value={tenantTags}
            onChange={(e) => setTenantTags(e.currentTarget.value)}
            error={errorOf('tenantTags')}
          />
          <Checkbox
            label="Enabled"
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          <Text size="xs">
            Secrets (URLs, the signing secret, the password) are never shown again.
          </Text>
        </>
      )}
    </CreateForm>
  );
}
