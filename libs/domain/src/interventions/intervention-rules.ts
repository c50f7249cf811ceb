import { DomainError } from '../errors/domain-error';
import type { DeploymentStatus } from '../deployments/deployment-status';
import type { Approvers } from './manual-intervention.schema';

export const INTERVENTION_DECISIONS = ['approve', 'reject'] as const;
export type InterventionDecision = (typeof INTERVENTION_DECISIONS)[number];

/**
 * Where a manual intervention stands: `pending` until someone decides; `rejected` also when it
 * timed out (no one decided in time); `cancelled` when the deployment was cancelled while waiting.
 */
export const INTERVENTION_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** The API key asking to decide. */
export interface Decider {
  keyId: string;
  name: string;
  role: 'admin' | 'deployer' | 'viewer';
  /** A key limited to some projects / environments (ids; empty: no limit). */
  projects: readonly string[];
  environments: readonly string[];
}

/** The deployment an intervention belongs to, as far as the rules need it. */
export interface InterventionDeployment {
  id: string;
  status: DeploymentStatus;
  projectId: string;
  environmentId: string;
  /** The key that started it (requested, promoted, or created the release it came from); null when unknown. */
  startedByKeyId: string | null;
}

export interface InterventionState {
  step: string;
  approvers: Approvers;
  preventSelfApproval: boolean;
  status: InterventionStatus;
}

const quoted = (names: readonly string[]) => names.map((name) => `'${name}'`).join(', ');

/** Who may decide, in words: "admins, deployers or the API key 'release-manager'". */
export function whoMayDecide(approvers: Approvers): string {
  const parts = ['admins'];
  if (approvers.roles?.includes('deployer')) parts.push('deployers');
  const keys = [...new Set(approvers.apiKeys ?? [])];
  if (keys.length) parts.push(`the API key${keys.length > 1 ? 's' : ''} ${quoted(keys)}`);
  return parts.length === 1
    ? parts[0]
    : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/**
 * Whether this key may decide at all, whatever the intervention's state: admins always; a viewer
 * never (even when named); a deployer when its role or its name is listed and its project and
 * environment limits cover the deployment. Null when it may; else the `forbidden` refusal.
 */
export function deciderRefusal(
  approvers: Approvers,
  decider: Decider,
  deployment: Pick<InterventionDeployment, 'projectId' | 'environmentId'>,
  step: string,
): DomainError | null {
  if (decider.role === 'admin') return null;
  const who = whoMayDecide(approvers);
  const refuse = (why: string, path = 'decision') =>
    new DomainError(
      'forbidden',
      `The key '${decider.name}' may not decide on step '${step}': ${why}. Who may: ${who}.`,
      [{ path, message: why }],
      { step, whoMayDecide: who },
    );
  if (decider.role === 'viewer') return refuse('a viewer never decides');
  const outsideProject =
    decider.projects.length > 0 && !decider.projects.includes(deployment.projectId);
  const outsideEnvironment =
    decider.environments.length > 0 && !decider.environments.includes(deployment.environmentId);
  if (outsideProject || outsideEnvironment)
    return refuse(
      `the key is not allowed on this deployment's ${outsideProject ? 'project' : 'environment'}`,
    );
  const byRole = approvers.roles?.includes(decider.role) ?? false;
  const byName = approvers.apiKeys?.includes(decider.name) ?? false;
  if (byRole || byName) return null;
  return refuse('it is not one of the approvers');
}

/**
 * The refusal of a decision, or null when it stands. In order: the key must be allowed to decide
 * (403 `forbidden`), the deployment must be waiting on this very step, still undecided (409
 * `invalid_state`), and with `preventSelfApproval` the key that started the deployment may not
 * approve it (403 `self_approval`). It may still reject it: stopping one's own change is always
 * safe, as cancelling it is.
 */
export function decisionRefusal(input: {
  deployment: InterventionDeployment;
  intervention: InterventionState;
  decider: Decider;
  decision: InterventionDecision;
}): DomainError | null {
  const { deployment, intervention, decider, decision } = input;
  const forbidden = deciderRefusal(intervention.approvers, decider, deployment, intervention.step);
  if (forbidden) return forbidden;
  if (intervention.status !== 'pending')
    return new DomainError(
      'invalid_state',
      `The manual intervention '${intervention.step}' of deployment ${deployment.id} was already decided (${intervention.status}).`,
      [],
      { step: intervention.step, interventionStatus: intervention.status },
    );
  if (deployment.status !== 'waiting')
    return new DomainError(
      'invalid_state',
      `Deployment ${deployment.id} is not waiting for a decision (it is ${deployment.status}).`,
      [],
      { step: intervention.step, deploymentStatus: deployment.status },
    );
  if (
    decision === 'approve' &&
    intervention.preventSelfApproval &&
    deployment.startedByKeyId !== null &&
    deployment.startedByKeyId === decider.keyId
  )
    return new DomainError(
      'self_approval',
      `The key '${decider.name}' started deployment ${deployment.id}, and step '${intervention.step}' does not let the deployment's starter approve it. Someone else must approve; you may still reject it.`,
      [{ path: 'decision', message: 'the deployment was started by this key' }],
      { step: intervention.step },
    );
  return null;
}

/** A decision someone made, or the timeout making one. */
export type DecisionMade =
  | { decision: InterventionDecision; by: string; note: string | null }
  | { timedOutAfterMinutes: number };

/** What a decision does: the intervention's new status, and for a rejection the deployment's error. */
export interface DecisionOutcome {
  interventionStatus: 'approved' | 'rejected';
  /** `running` (the process continues with the next step) or `failed`. */
  deploymentStatus: 'running' | 'failed';
  /** The deployment's error on a rejection, naming the step, who and the note. */
  error: string | null;
  /** The note stored with the decision (for a timeout, what happened). */
  note: string | null;
  /** The deployment log's line. */
  logLine: string;
}

export function decisionOutcome(step: string, made: DecisionMade): DecisionOutcome {
  if ('timedOutAfterMinutes' in made) {
    const note = `No decision within ${made.timedOutAfterMinutes} minute${made.timedOutAfterMinutes === 1 ? '' : 's'}`;
    const error = `Manual intervention '${step}' timed out: ${note.toLowerCase()}.`;
    return {
      interventionStatus: 'rejected',
      deploymentStatus: 'failed',
      error,
      note,
      logLine: error,
    };
  }
  const note = made.note?.trim() ? made.note.trim() : null;
  const said = note ? `: ${note}` : '';
  if (made.decision === 'approve')
    return {
      interventionStatus: 'approved',
      deploymentStatus: 'running',
      error: null,
      note,
      logLine: `Manual intervention '${step}' approved by '${made.by}'${said}`,
    };
  const error = `Manual intervention '${step}' rejected by '${made.by}'${said}`;
  return {
    interventionStatus: 'rejected',
    deploymentStatus: 'failed',
    error,
    note,
    logLine: error,
  };
}

/** When an intervention requested at `requestedAt` times out; null when it waits for ever. */
export function interventionDeadline(
  requestedAt: Date,
  timeoutMinutes: number | undefined | null,
): Date | null {
  if (!timeoutMinutes) return null;
  return new Date(requestedAt.getTime() + timeoutMinutes * 60_000);
}

/** What a waiting deployment says while it waits (its `waitingReason`). */
export function waitingForApproval(step: string, approvers: Approvers): string {
  return `waiting for approval: ${whoMayDecide(approvers)} (step '${step}')`;
}
