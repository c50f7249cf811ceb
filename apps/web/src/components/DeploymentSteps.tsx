import { Alert, Badge, Code, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { Schema } from '../lib/api';
import { stepGroups } from '../lib/deployment-steps';
import { took } from '../lib/format';
import { DataTable } from './DataTable';
import { InterventionPanel } from './Interventions';
import { StatusBadge } from './StatusBadge';

type Deployment = Schema<'Deployment'>;
type Step = Schema<'DeploymentStep'>;
type Target = Schema<'DeploymentTarget'>;

/**
 * The deployment's process in order: one box per group of steps that run at once, each step with
 * its kind, status, why it was skipped or failed, its targets, and its manual intervention.
 */
export function DeploymentSteps({
  deployment,
  onDecided,
}: {
  deployment: Deployment;
  onDecided(): void;
}) {
  return (
    <Stack gap="sm" data-testid="steps">
      {stepGroups(deployment.steps).map((group) =>
        group.length === 1 ? (
          <StepPanel
            key={group[0].slug}
            step={group[0]}
            deployment={deployment}
            onDecided={onDecided}
          />
        ) : (
          <Paper
            key={group[0].slug}
            withBorder
            p="sm"
            role="group"
            aria-label={`Run at once: ${group.map((step) => step.name).join(', ')}`}
            data-group={group.map((step) => step.slug).join(' ')}
          >
            <Stack gap="sm">
              <Text size="sm" fw={700}>
                At once
              </Text>
              {group.map((step) => (
                <StepPanel
                  key={step.slug}
                  step={step}
                  deployment={deployment}
                  onDecided={onDecided}
                />
              ))}
            </Stack>
          </Paper>
        ),
      )}
    </Stack>
  );
}

function StepPanel({
  step,
  deployment,
  onDecided,
}: {
  step: Step;
  deployment: Deployment;
  onDecided(): void;
}) {
  const headingId = `step-${step.slug}`;
  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      aria-labelledby={headingId}
      data-step={step.slug}
      data-step-status={step.status}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={700} id={headingId}>
            {step.name}
          </Text>
          <Badge variant="outline" color="gray">
            {step.kind}
          </Badge>
          <StatusBadge status={step.status} />
          {step.startedAt && <Text size="sm">ran {took(step.startedAt, step.finishedAt)}</Text>}
        </Group>
        {step.status === 'skipped' && step.reason && (
          <Text size="sm" data-testid="skip-reason">
            Skipped: {step.reason}
          </Text>
        )}
        {step.error && (
          <Alert color="red" role="alert" title={`Step ${step.name} failed`}>
            {step.error}
          </Alert>
        )}
        {step.intervention && (
          <InterventionPanel
            deployment={deployment}
            intervention={step.intervention}
            onDecided={onDecided}
            named={false}
          />
        )}
        {step.targets.length > 0 && <StepTargets step={step} />}
      </Stack>
    </Paper>
  );
}

function StepTargets({ step }: { step: Step }) {
  return (
    <DataTable
      label={`Targets of ${step.name}`}
      rows={step.targets}
      rowKey={(target) => target.target.id}
      columns={[
        { header: 'Target', cell: (target) => target.target.slug },
        { header: 'Stack', cell: (target) => <Code>{target.stackName}</Code> },
        { header: 'Status', cell: (target) => target.status },
        { header: 'Changes', cell: (target) => <Changes target={target} /> },
        { header: 'Outputs', cell: (target) => <Outputs target={target} /> },
        {
          header: 'Failure',
          cell: (target) =>
            target.error ? (
              <Stack gap={2}>
                <Text
                  size="sm"
                  c="var(--mantine-color-red-text)"
                  fw={700}
                  data-testid="target-error"
                >
                  {target.error}
                </Text>
                {target.errorDetails && (
                  <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                    {target.errorDetails}
                  </Text>
                )}
              </Stack>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

function Changes({ target }: { target: Target }) {
  if (!target.changes?.length) return '—';
  return (
    <List size="xs">
      {target.changes.map((change) => (
        <List.Item key={change.logicalId}>
          {change.action} {change.logicalId} ({change.resourceType})
          {change.replacement === 'True' ? ' — replaced' : ''}
        </List.Item>
      ))}
    </List>
  );
}

function Outputs({ target }: { target: Target }) {
  const outputs = Object.entries(target.outputs ?? {});
  if (outputs.length === 0) return '—';
  return (
    <List size="xs">
      {outputs.map(([key, value]) => (
        <List.Item key={key}>
          {key}: <Code>{value}</Code>
        </List.Item>
      ))}
    </List>
  );
}
