import { z } from 'zod';
import {
  APPROVER_ROLES,
  DEPLOYMENT_STATUSES,
  DEPLOYMENT_STEP_STATUSES,
  INTERVENTION_STATUSES,
  whoMayDecide,
} from '@gantry/domain';
import type {
  DeploymentInterventionRecord,
  DeploymentRecord,
  DeploymentStepRecord,
  DeploymentTargetRecord,
} from '@gantry/persistence';
import { apiSchema, pageOf, resourceRef, timestamp } from '../http/api-schemas';

export const deploymentStatus = z.enum(DEPLOYMENT_STATUSES);

export const resourceChangeResponse = apiSchema(
  'ResourceChange',
  z.object({
    action: z.string(),
    logicalId: z.string(),
    resourceType: z.string(),
    replacement: z.string().nullable(),
  }),
);

export const deploymentTargetResponse = apiSchema(
  'DeploymentTarget',
  z.object({
    step: z.string().meta({ description: 'The slug of the step this stack belongs to' }),
    target: resourceRef,
    stackName: z.string(),
    status: z.string().meta({ description: 'pending, then each step: rendered, change-set, …' }),
    changes: z
      .array(resourceChangeResponse)
      .optional()
      .meta({ description: "The change set's changes" }),
    outputs: z.record(z.string(), z.string()).optional().meta({ description: 'Stack outputs' }),
    error: z.string().optional(),
    errorDetails: z.string().optional(),
  }),
);

export const interventionResponse = apiSchema(
  'Intervention',
  z.object({
    step: z.string().meta({ description: 'The slug of the manual intervention step' }),
    instructions: z.string().meta({ description: 'What the person deciding reads (markdown)' }),
    approvers: z.object({
      roles: z.array(z.enum(APPROVER_ROLES)).optional(),
      apiKeys: z.array(z.string()).optional(),
    }),
    whoMayDecide: z.string().meta({
      description:
        'Who may decide, in words: "admins, deployers or the API key \'release-manager\'"',
    }),
    preventSelfApproval: z.boolean(),
    timeoutMinutes: z.number().int().optional(),
    status: z.enum(INTERVENTION_STATUSES).meta({
      description:
        'pending until decided; rejected also when it timed out (decidedBy absent); cancelled with its deployment',
    }),
    requestedAt: timestamp,
    timeoutAt: timestamp.optional().meta({ description: 'When it rejects itself undecided' }),
    decidedBy: z.string().optional().meta({ description: 'The name of the API key that decided' }),
    decidedAt: timestamp.optional(),
    note: z.string().optional(),
  }),
);

export const deploymentStepResponse = apiSchema(
  'DeploymentStep',
  z.object({
    slug: z.string(),
    name: z.string().meta({ description: "The step's name in the release's process" }),
    kind: z.string(),
    parallelWithPrevious: z.boolean().meta({
      description: 'Runs at once with the step before it: consecutive such steps form one group',
    }),
    status: z.enum(DEPLOYMENT_STEP_STATUSES),
    reason: z.string().optional().meta({
      description: 'Why a skipped step did not run: its conditions, or an earlier failure',
    }),
    error: z.string().optional(),
    targets: z.array(deploymentTargetResponse).meta({ description: 'The step on each target' }),
    intervention: interventionResponse.optional().meta({
      description:
        'A manual intervention step, once the deployment reached it: what it asks, who may decide, the decision',
    }),
    startedAt: timestamp.optional(),
    finishedAt: timestamp.optional(),
  }),
);

export const deploymentResponseSchema = apiSchema(
  'Deployment',
  z.object({
    id: z.string(),
    release: z.object({ id: z.string(), version: z.string() }),
    project: resourceRef,
    environment: resourceRef,
    tenant: resourceRef.nullable(),
    status: deploymentStatus,
    forced: z.boolean(),
    cancelRequested: z.boolean(),
    createdBy: z.string().nullable().meta({ description: 'The name of the API key that asked' }),
    interventions: z.array(interventionResponse).optional().meta({
      description:
        'Its manual interventions, in the order they were asked (absent when none was); the deployment is `waiting` while one is pending',
    }),
    targets: z.array(deploymentTargetResponse).meta({ description: 'Every step on every target' }),
    steps: z
      .array(deploymentStepResponse)
      .meta({ description: 'The deployment process, in order, with each step on its targets' }),
    error: z
      .string()
      .optional()
      .meta({ description: 'Why it failed, in one short line (per target when several failed)' }),
    errorDetails: z.string().optional().meta({
      description:
        "The evidence behind `error`, one item a line: this deployment's stopped tasks with every essential container's exit code and reason, the failed resource, the failed rollout's service events",
    }),
    waitingReason: z.string().optional().meta({
      description:
        'Why a queued deployment waits (a freeze holds it): "Frozen by \'X\' until …"; or what a waiting one waits for: "waiting for approval: admins or deployers (step \'approve-prod\')"',
    }),
    waitingUntil: timestamp.optional().meta({
      description:
        'When the freeze holding a queued deployment ends, or when the pending intervention of a waiting one times out',
    }),
    freezeOverride: z
      .object({
        reason: z.string(),
        by: z.string().nullable().meta({ description: 'The admin key that overrode' }),
        freezes: z.array(z.object({ id: z.string(), name: z.string() })),
      })
      .optional()
      .meta({ description: 'An admin deployed through these freezes, and why' }),
    createdAt: timestamp,
    startedAt: timestamp.optional(),
    finishedAt: timestamp.optional(),
  }),
);
export type DeploymentResponse = z.output<typeof deploymentResponseSchema>;

export const deploymentPage = pageOf('DeploymentPage', deploymentResponseSchema);
export type DeploymentPage = z.output<typeof deploymentPage>;

export const deploymentList = apiSchema(
  'DeploymentList',
  z.object({
    items: z.array(deploymentResponseSchema),
    next: z
      .string()
      .nullable()
      .meta({ description: 'The cursor of the following page (`?after=`), null on the last' }),
    total: z
      .number()
      .int()
      .optional()
      .meta({ description: 'On offset pages, or with `?count=true`' }),
  }),
);
export type DeploymentList = z.output<typeof deploymentList>;

export const logLineResponse = apiSchema(
  'LogLine',
  z.object({
    seq: z.number().int().meta({ description: 'Increases by one per line of a deployment' }),
    at: timestamp,
    level: z.string(),
    source: z.string(),
    message: z.string(),
  }),
);

export const deploymentLog = apiSchema(
  'DeploymentLog',
  z.object({ items: z.array(logLineResponse) }),
);
export type DeploymentLog = z.output<typeof deploymentLog>;

/** A deployment as the API shows it: fields without a value are left out rather than null. */
export function deploymentResponse(record: DeploymentRecord): DeploymentResponse {
  const { error, errorDetails, startedAt, finishedAt, targets, steps, interventions, ...rest } =
    record;
  const { waitingReason, waitingUntil, freezeOverride, ...always } = rest;
  return {
    ...always,
    targets: targets.map(deploymentTargetView),
    ...(interventions?.length ? { interventions: interventions.map(interventionView) } : {}),
    steps: steps.map((step) =>
      deploymentStepView(
        step,
        targets.filter((target) => target.step === step.slug),
        interventions?.find((intervention) => intervention.step === step.slug),
      ),
    ),
    ...present({ error, errorDetails, startedAt, finishedAt }),
    ...present({ waitingReason, waitingUntil, freezeOverride }),
  };
}

export function deploymentPageOf(page: {
  items: DeploymentRecord[];
  total: number;
}): DeploymentPage {
  return { items: page.items.map(deploymentResponse), total: page.total };
}

export function deploymentListOf(list: {
  items: DeploymentRecord[];
  next: string | null;
  total?: number;
}): DeploymentList {
  return { ...list, items: list.items.map(deploymentResponse) };
}

function interventionView(record: DeploymentInterventionRecord) {
  const { timeoutMinutes, timeoutAt, decidedBy, decidedAt, note, requestedAt, ...rest } = record;
  // Read through json_agg, the times arrive as text.
  const at = (value: string | null) => (value === null ? null : new Date(value));
  return {
    ...rest,
    whoMayDecide: whoMayDecide(record.approvers),
    requestedAt: new Date(requestedAt),
    ...present({
      timeoutMinutes,
      timeoutAt: at(timeoutAt),
      decidedBy,
      decidedAt: at(decidedAt),
      note,
    }),
  };
}

/** A step of a deployment, with its targets; a kind adds its own view of `details` here. */
function deploymentStepView(
  record: DeploymentStepRecord,
  targets: DeploymentTargetRecord[],
  intervention: DeploymentInterventionRecord | undefined,
) {
  const { details: _details, reason, error, startedAt, finishedAt, ...rest } = record;
  return {
    ...rest,
    status: rest.status as (typeof DEPLOYMENT_STEP_STATUSES)[number],
    targets: targets.map(deploymentTargetView),
    ...(intervention ? { intervention: interventionView(intervention) } : {}),
    ...present({ reason, error, startedAt, finishedAt }),
  };
}

function deploymentTargetView(record: DeploymentTargetRecord) {
  const { changes, outputs, error, errorDetails, ...rest } = record;
  return { ...rest, ...present({ changes, outputs, error, errorDetails }) };
}

/** The entries whose value is not null. */
function present<T extends Record<string, unknown>>(
  values: T,
): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}
