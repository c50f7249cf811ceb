import { Alert, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { must, Schema } from '../lib/api';
import { CurrentKey, useSession } from '../lib/auth';
import { when } from '../lib/format';
import { Problem } from './Problem';
import { Section } from './Section';

type Deployment = Schema<'Deployment'>;
type Intervention = Schema<'Intervention'>;

const COLOURS: Record<Intervention['status'], string> = {
  pending: 'yellow.5',
  approved: 'green.9',
  rejected: 'red.9',
  cancelled: 'dark.4',
};

/** Who started the deployment, as the API's self-approval rule sees it. */
function startedBy(deployment: Deployment): string | null {
  const automatic = /for '(.+)'$/.exec(deployment.createdBy ?? '');
  return automatic ? automatic[1] : deployment.createdBy;
}

/**
 * Whether the key may approve and reject this intervention (apps/api's rule): admins always;
 * deployers named by role or key name, inside their project and environment limits; viewers
 * never. With preventSelfApproval the starter may reject but not approve.
 */
export function mayDecide(
  key: CurrentKey,
  deployment: Deployment,
  intervention: Intervention,
  deploysHere: boolean,
): { approve: boolean; reject: boolean } {
  const named =
    key.role === 'admin' ||
    (key.role === 'deployer' &&
      deploysHere &&
      (intervention.approvers.roles?.includes('deployer') ||
        intervention.approvers.apiKeys?.includes(key.name)));
  const reject = Boolean(named) && intervention.status === 'pending';
  const self = intervention.preventSelfApproval && startedBy(deployment) === key.name;
  return { reject, approve: reject && !self };
}

/**
 * The deployment's manual interventions not shown on a step of its process (`shownOnSteps`), with
 * Approve and Reject where the key may decide.
 */
export function Interventions({
  deployment,
  shownOnSteps = [],
  onDecided,
}: {
  deployment: Deployment;
  shownOnSteps?: string[];
  onDecided(): void;
}) {
  const interventions = (deployment.interventions ?? []).filter(
    (intervention) => !shownOnSteps.includes(intervention.step),
  );
  if (interventions.length === 0) return null;
  return (
    <Section title="Manual interventions">
      {interventions.map((intervention) => (
        <InterventionPanel
          key={intervention.step}
          deployment={deployment}
          intervention={intervention}
          onDecided={onDecided}
        />
      ))}
    </Section>
  );
}

/** One manual intervention: its instructions, the decision, and Approve / Reject with a note. */
export function InterventionPanel({
  deployment,
  intervention,
  onDecided,
  named = true,
}: {
  deployment: Deployment;
  intervention: Intervention;
  onDecided(): void;
  /** Shows the step's slug (false where the step around it is named already). */
  named?: boolean;
}) {
  const { key, can, client } = useSession();
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const deploysHere = can.deploy(deployment.project.id, [deployment.environment.id]);
  const allowed = mayDecide(key, deployment, intervention, deploysHere);

  async function decide(decision: 'approve' | 'reject') {
    setBusy(true);
    setError(undefined);
    try {
      await must(
        client.POST('/api/deployments/{id}/interventions/{step}', {
          params: { path: { id: deployment.id, step: intervention.step } },
          body: { decision, ...(note ? { note } : {}) },
        }),
      );
      setNote('');
      onDecided();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" data-intervention={intervention.step}>
      <Problem error={error} />
      <Group gap="xs">
        {named && <Text fw={700}>{intervention.step}</Text>}
        <Badge color={COLOURS[intervention.status]}>{intervention.status}</Badge>
        <Text size="sm">
          {intervention.decidedBy
            ? `by ${intervention.decidedBy} ${when(intervention.decidedAt)}`
            : intervention.status === 'pending'
              ? `asked ${when(intervention.requestedAt)}; ${intervention.whoMayDecide} may decide${intervention.timeoutAt ? ` until ${when(intervention.timeoutAt)}` : ''}`
              : ''}
        </Text>
      </Group>
      <Alert color="blue" variant="light" title="Instructions">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{intervention.instructions}</Text>
      </Alert>
      {intervention.note && <Text size="sm">Note: {intervention.note}</Text>}
      {allowed.reject && (
        <Stack gap="xs">
          <Textarea
            label="Note"
            description="Why, for the audit log and the deployment log"
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maw={560}
          />
          <Group>
            {allowed.approve && (
              <Button color="green.9" loading={busy} onClick={() => void decide('approve')}>
                Approve
              </Button>
            )}
            <Button
              color="red"
              variant="outline"
              loading={busy}
              onClick={() => void decide('reject')}
            >
              Reject
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
