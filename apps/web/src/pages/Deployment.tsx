import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  ScrollArea,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { DeploymentSteps } from '../components/DeploymentSteps';
import { Interventions } from '../components/Interventions';
import { Loaded, Problem } from '../components/Problem';
import { Section } from '../components/Section';
import { StatusBadge } from '../components/StatusBadge';
import { must, Schema } from '../lib/api';
import { useSession } from '../lib/auth';
import { linesOfStep } from '../lib/deployment-steps';
import { took, when } from '../lib/format';
import { useData } from '../lib/use-data';
import { useLiveEvents, useThrottled } from '../lib/use-live';

type LogLine = Schema<'LogLine'>;
const FINAL = ['succeeded', 'failed', 'cancelled'];

/**
 * A deployment: its status, its process step by step (parallel groups together) with each step's
 * targets and changes and its manual intervention, the failure reason, and the live log.
 */
export function Deployment({ params }: { params: { id: string } }) {
  const { client, can } = useSession();
  const id = params.id;
  const deployment = useData(
    () => must(client.GET('/api/deployments/{id}', { params: { path: { id } } })),
    [id],
  );
  const refresh = useThrottled(deployment.reload, 500);
  const [lines, setLines] = useState<LogLine[]>([]);
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    setLines([]);
    setEnded(false);
  }, [id]);
  useLiveEvents(`/api/deployments/${id}/log/stream`, (event) => {
    if (event.type === 'log') {
      const line = JSON.parse(event.data) as LogLine;
      setLines((previous) =>
        previous.length && previous[previous.length - 1].seq >= line.seq
          ? previous
          : [...previous, line],
      );
      refresh();
    } else if (event.type === 'status') {
      const { status } = JSON.parse(event.data) as { status: string };
      if (status !== deployment.data?.status) deployment.reload();
    } else if (event.type === 'end') {
      setEnded(true);
      deployment.reload();
      return 'stop';
    }
  });
  const [cancelError, setCancelError] = useState<Error>();

  return (
    <Loaded data={deployment.data} error={deployment.error}>
      {(current) => {
        const cancellable =
          !FINAL.includes(current.status) &&
          !current.cancelRequested &&
          can.deploy(current.project.id, [current.environment.id]);
        return (
          <Stack>
            <Group justify="space-between" align="start">
              <div>
                <Text size="sm">
                  <Anchor component={Link} href={`/projects/${current.project.slug}`}>
                    {current.project.slug}
                  </Anchor>{' '}
                  ·{' '}
                  <Anchor component={Link} href={`/releases/${current.release.id}`}>
                    release {current.release.version}
                  </Anchor>
                </Text>
                <Title order={2}>
                  {current.release.version} to {current.environment.slug}
                  {current.tenant ? ` for ${current.tenant.slug}` : ''}
                </Title>
                <Group gap="xs" mt={4}>
                  <span data-testid="deployment-status">
                    <StatusBadge status={current.status} size="md" />
                  </span>
                  {current.cancelRequested && !FINAL.includes(current.status) && (
                    <Badge color="dark.4">cancel requested</Badge>
                  )}
                  {current.forced && <Badge variant="outline">forced</Badge>}
                  <Text size="sm">
                    created {when(current.createdAt)} by {current.createdBy ?? '—'}
                    {current.startedAt && ` · ran ${took(current.startedAt, current.finishedAt)}`}
                  </Text>
                </Group>
              </div>
              {cancellable && (
                <Button
                  color="red.9"
                  onClick={async () => {
                    setCancelError(undefined);
                    try {
                      await must(
                        client.POST('/api/deployments/{id}/cancel', { params: { path: { id } } }),
                      );
                      deployment.reload();
                    } catch (error) {
                      setCancelError(error as Error);
                    }
                  }}
                >
                  Cancel
                </Button>
              )}
            </Group>
            <Problem error={cancelError} />
            {current.waitingReason && (
              <Alert color="yellow" title="Waiting" role="status">
                {current.waitingReason}
              </Alert>
            )}
            {current.error && (
              <Alert color="red" title="Why it failed" role="alert" data-testid="failure">
                <Text fw={700}>{current.error}</Text>
                {current.errorDetails && (
                  <List size="sm" mt="xs">
                    {current.errorDetails.split('\n').map((line, index) => (
                      <List.Item key={index}>{line}</List.Item>
                    ))}
                  </List>
                )}
              </Alert>
            )}

            <Section title="Process">
              <DeploymentSteps deployment={current} onDecided={deployment.reload} />
            </Section>
            <Interventions
              deployment={current}
              shownOnSteps={current.steps.map((step) => step.slug)}
              onDecided={deployment.reload}
            />

            <Section title="Log">
              <LogView lines={lines} ended={ended} steps={current.steps} />
            </Section>
          </Stack>
        );
      }}
    </Loaded>
  );
}

const LEVEL_COLOUR: Record<string, string | undefined> = {
  error: 'var(--mantine-color-red-text)',
  warn: 'var(--mantine-color-orange-text)',
};

function LogView({
  lines,
  ended,
  steps,
}: {
  lines: LogLine[];
  ended: boolean;
  steps: { slug: string; name: string }[];
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const [step, setStep] = useState<string | null>(null);
  const shown = linesOfStep(lines, step);
  useEffect(() => {
    if (follow && viewport.current) viewport.current.scrollTop = viewport.current.scrollHeight;
  }, [shown, follow]);
  return (
    <Stack gap="xs">
      {steps.length > 1 && (
        <Select
          label="Show the log of"
          data={[
            { value: '', label: 'Every step' },
            ...steps.map((candidate) => ({ value: candidate.slug, label: candidate.name })),
          ]}
          value={step ?? ''}
          onChange={(value) => setStep(value ? value : null)}
          allowDeselect={false}
          maw={320}
        />
      )}
      <ScrollArea
        h={420}
        type="auto"
        viewportRef={viewport}
        onScrollPositionChange={({ y }) => {
          const element = viewport.current;
          if (element) setFollow(y + element.clientHeight >= element.scrollHeight - 24);
        }}
      >
        <div
          role="log"
          aria-live="polite"
          aria-label="Deployment log"
          data-testid="log"
          tabIndex={0}
          style={{ fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 }}
        >
          {shown.map((line) => (
            <div key={line.seq} style={{ color: LEVEL_COLOUR[line.level], whiteSpace: 'pre-wrap' }}>
              <span style={{ opacity: 0.8 }}>{new Date(line.at).toLocaleTimeString()}</span> [
              {line.source}] {line.message}
            </div>
          ))}
        </div>
      </ScrollArea>
      <Text size="xs" data-testid="log-state">
        {ended ? `Log complete: ${lines.length} lines.` : `Following live… ${lines.length} lines.`}
        {step !== null && ` Showing ${shown.length} of step ${step}.`}
      </Text>
    </Stack>
  );
}
