import type { Deployment } from './deployments/deployment.types';
import { pendingIntervention } from './deployments/interventions';

/** A deployment waiting for a manual intervention decision, as `gantry status` reports it. */
export interface WaitingApproval {
  deploymentId: string;
  project: Deployment['project'];
  environment: Deployment['environment'];
  tenant: Deployment['tenant'];
  release: Deployment['release'];
  /** The manual intervention step it waits at. */
  step: string | null;
  /** Who may decide, in the API's words ("admins or deployers"). */
  whoMayDecide: string;
  /** When it is rejected undecided. */
  timeoutAt: string | null;
}

/** What a waiting deployment waits for: its pending intervention, or its waiting reason. */
export function waitingApproval(deployment: Deployment): WaitingApproval {
  const intervention = pendingIntervention(deployment);
  return {
    deploymentId: deployment.id,
    project: deployment.project,
    environment: deployment.environment,
    tenant: deployment.tenant,
    release: deployment.release,
    step: intervention?.step ?? null,
    whoMayDecide:
      intervention?.whoMayDecide ??
      deployment.waitingReason?.replace(/^waiting for approval: /, '') ??
      'unknown',
    timeoutAt: intervention?.timeoutAt ?? null,
  };
}

/**
 * The WAITING cell of each project: per environment, release and step, who may decide, with how
 * many tenants wait when tenants do (`prod 1.5.0 (3 tenants): admins or deployers`); groups
 * joined by `; `, keyed by project id.
 */
export function waitingCells(waiting: readonly WaitingApproval[]): Map<string, string> {
  const groups = new Map<
    string,
    { project: string; where: string; whoMayDecide: string; tenants: number }
  >();
  for (const item of waiting) {
    const where = `${item.environment.slug} ${item.release.version}`;
    const key = JSON.stringify([item.project.id, where, item.step, item.whoMayDecide]);
    const group = groups.get(key) ?? {
      project: item.project.id,
      where,
      whoMayDecide: item.whoMayDecide,
      tenants: 0,
    };
    if (item.tenant) group.tenants += 1;
    groups.set(key, group);
  }
  const cells = new Map<string, string>();
  for (const { project, where, whoMayDecide, tenants } of groups.values()) {
    const text = `${where}${tenantCount(tenants)}: ${whoMayDecide}`;
    cells.set(project, cells.has(project) ? `${cells.get(project)}; ${text}` : text);
  }
  return cells;
}

const tenantCount = (tenants: number) =>
  tenants === 0 ? '' : tenants === 1 ? ' (1 tenant)' : ` (${tenants} tenants)`;
