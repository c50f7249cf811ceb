import {
  Badge,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
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
import { ProjectAndEnvironmentSelects, useScopeChoices } from '../components/ScopeSelects';
import { must, Schema } from '../lib/api';
import { useSession } from '../lib/auth';
import { slugOptions, slugsOr, when } from '../lib/format';
import { useData } from '../lib/use-data';

type Freeze = Schema<'Freeze'>;
type Window = 'one-off' | 'weekly' | 'cron';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const FIELDS = [
  'name',
  'reason',
  'start',
  'end',
  'recurrence',
  'recurrence.days',
  'recurrence.from',
  'recurrence.to',
  'recurrence.expression',
  'recurrence.durationMinutes',
  'timeZone',
  'projects',
  'environments',
  'tenants',
];

/** A `datetime-local` value as an ISO instant (the browser's time zone), or absent when empty. */
const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** What a freeze's window is, in words. */
function windowOf(freeze: Freeze): string {
  const recurrence = freeze.recurrence;
  if (!recurrence) return `${when(freeze.start)} – ${when(freeze.end)}`;
  return recurrence.kind === 'weekly'
    ? `${recurrence.days.join(', ')} ${recurrence.from}–${recurrence.to} (${freeze.timeZone})`
    : `cron ${recurrence.expression} for ${recurrence.durationMinutes} min (${freeze.timeZone})`;
}

/** Deployment freezes: every key reads them; admins create and delete them. */
export function Freezes() {
  const { client, can } = useSession();
  const list = useData(
    () => must(client.GET('/api/freezes', { params: { query: { limit: 500 } } })),
    [],
  );
  const remove = useConfirmedAction(list.reload);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Deployment freezes</Title>
        {can.admin && <NewFreeze onCreated={list.reload} />}
      </Group>
      <Text size="sm">
        While a freeze holds, deployments into its scope are refused (an admin may override with a
        reason) and automatic ones wait until it ends.
      </Text>
      <Problem error={remove.error} />
      <Loaded data={list.data} error={list.error}>
        {(page) => (
          <DataTable
            label="Deployment freezes"
            testId="freezes"
            rows={page.items}
            rowKey={(item) => item.id}
            empty="No freezes."
            columns={[
              { header: 'Name', cell: (item) => item.name },
              {
                header: 'Now',
                cell: (item) =>
                  item.active ? (
                    <Badge color="red.9">holds until {when(item.activeUntil)}</Badge>
                  ) : (
                    <Badge color="gray.7">not now</Badge>
                  ),
              },
              { header: 'Window', cell: windowOf },
              {
                header: 'Scope',
                cell: (item) =>
                  `${slugsOr(item.projects, 'every project')}; ${slugsOr(item.environments, 'every environment')}; ${slugsOr(item.tenants, 'every tenant')}`,
              },
              { header: 'Reason', cell: (item) => item.reason || '—' },
              ...(can.admin
                ? [
                    {
                      header: 'Delete',
                      cell: (item: Freeze) => (
                        <ConfirmedActionButton
                          verb="Delete"
                          name={item.name}
                          question={`Delete the freeze '${item.name}'?`}
                          with={remove}
                          action={() =>
                            must(
                              client.DELETE('/api/freezes/{ref}', {
                                params: { path: { ref: item.id } },
                              }),
                            )
                          }
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Loaded>
    </Stack>
  );
}

function NewFreeze({ onCreated }: { onCreated(): void }) {
  const { client } = useSession();
  const choices = useScopeChoices();
  const tenants = useData(
    () => must(client.GET('/api/tenants', { params: { query: { limit: 500 } } })),
    [],
  );
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [windowKind, setWindowKind] = useState<Window>('one-off');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [days, setDays] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [expression, setExpression] = useState('');
  const [durationMinutes, setDurationMinutes] = useState<number | string>('');
  const [timeZone, setTimeZone] = useState(
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  );
  const [projectRefs, setProjectRefs] = useState<string[]>([]);
  const [environmentRefs, setEnvironmentRefs] = useState<string[]>([]);
  const [tenantRefs, setTenantRefs] = useState<string[]>([]);

  async function submit() {
    const recurrence =
      windowKind === 'weekly'
        ? { kind: 'weekly' as const, days: days as (typeof DAYS)[number][], from, to }
        : windowKind === 'cron'
          ? {
              kind: 'cron' as const,
              expression,
              durationMinutes:
                typeof durationMinutes === 'number' ? durationMinutes : Number(durationMinutes),
            }
          : undefined;
    await must(
      client.POST('/api/freezes', {
        body: {
          name,
          reason,
          ...(windowKind === 'one-off'
            ? { start: instant(start), end: instant(end) }
            : { recurrence, timeZone }),
          projects: projectRefs,
          environments: environmentRefs,
          tenants: tenantRefs,
        },
      }),
    );
    onCreated();
  }

  return (
    <CreateForm button="New freeze" title="New freeze" submit={submit} fields={FIELDS}>
      {(errorOf) => (
        <>
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorOf('name')}
          />
          <Textarea
            label="Reason"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errorOf('reason')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="freeze-window">
              Window
            </Text>
            <SegmentedControl
              aria-labelledby="freeze-window"
              value={windowKind}
              onChange={(value) => setWindowKind(value as Window)}
              data={[
                { value: 'one-off', label: 'One-off' },
                { value: 'weekly', label: 'Weekly' },
                { value: 'cron', label: 'Cron' },
              ]}
            />
            {errorOf('recurrence') && (
              <Text size="sm" c="var(--mantine-color-error)">
                {errorOf('recurrence')}
              </Text>
            )}
          </Stack>
          {windowKind === 'one-off' ? (
            <Group grow>
              <TextInput
                type="datetime-local"
                label="Start"
                value={start}
                onChange={(e) => setStart(e.currentTarget.value)}
                error={errorOf('start')}
              />
              <TextInput
                type="datetime-local"
                label="End"
                value={end}
                onChange={(e) => setEnd(e.currentTarget.value)}
                error={errorOf('end')}
              />
            </Group>
          ) : (
            <>
              {windowKind === 'weekly' ? (
                <>
                  <MultiSelect
                    label="Days"
                    data={[...DAYS]}
                    value={days}
                    onChange={setDays}
                    error={errorOf('recurrence.days')}
                  />
                  <Group grow>
                    <TextInput
                      label="From"
                      description="HH:MM"
                      value={from}
                      onChange={(e) => setFrom(e.currentTarget.value)}
                      error={errorOf('recurrence.from')}
                    />
                    <TextInput
                      label="To"
                      description="HH:MM (24:00: end of day)"
                      value={to}
                      onChange={(e) => setTo(e.currentTarget.value)}
                      error={errorOf('recurrence.to')}
                    />
                  </Group>
                </>
              ) : (
                <Group grow align="start">
                  <TextInput
                    label="Cron expression"
                    description="Five fields, in the time zone"
                    value={expression}
                    onChange={(e) => setExpression(e.currentTarget.value)}
                    error={errorOf('recurrence.expression')}
                  />
                  <NumberInput
                    label="Minutes"
                    description="How long each window lasts"
                    value={durationMinutes}
                    onChange={setDurationMinutes}
                    min={1}
                    error={errorOf('recurrence.durationMinutes')}
                  />
                </Group>
              )}
              <TextInput
                label="Time zone"
                description="IANA, e.g. Europe/Berlin"
                value={timeZone}
                onChange={(e) => setTimeZone(e.currentTarget.value)}
                error={errorOf('timeZone')}
              />
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
          <MultiSelect
            label="Tenants"
            description="Empty: every tenant, and untenanted deployments"
            data={slugOptions(tenants.data?.items ?? [])}
            value={tenantRefs}
            onChange={setTenantRefs}
            searchable
            error={errorOf('tenants')}
          />
        </>
      )}
    </CreateForm>
  );
}
