import { z } from 'zod';
import { deploymentResponseSchema, deploymentStatus } from '../deployments/deployment.response';
import { apiSchema, pageOf, resourceRef, timestamp } from '../http/api-schemas';
import { ecsServiceStepResponse, processStepResponse } from '../projects/project.response';
import { variableResponse } from '../variables/variable.response';

export const releaseSummaryResponse = apiSchema(
  'ReleaseSummary',
  z.object({
    id: z.string(),
    version: z.string(),
    notes: z.string(),
    project: resourceRef,
    channel: z.object({ id: z.string(), slug: z.string().nullable(), name: z.string().nullable() }),
    images: z.record(z.string(), z.string()).meta({ description: 'Image tag per container' }),
    build: z
      .object({
        commit: z.string().optional(),
        branch: z.string().optional(),
        repository: z.string().optional(),
        url: z.string().optional(),
        number: z.string().optional(),
      })
      .nullable()
      .meta({ description: 'Where the images were built (CI build information), or null' }),
    workItems: z.array(
      z.object({ id: z.string(), title: z.string().optional(), url: z.string().optional() }),
    ),
    blocked: z.boolean().meta({ description: 'A blocked release is deployed nowhere further' }),
    block: z
      .object({ reason: z.string(), at: timestamp.nullable(), by: z.string().nullable() })
      .nullable()
      .meta({ description: 'Why, when and by whom the release was blocked, or null' }),
    createdAt: timestamp,
  }),
);
export type ReleaseSummaryResponse = z.output<typeof releaseSummaryResponse>;

export const releasePage = pageOf('ReleasePage', releaseSummaryResponse);
export type ReleasePage = z.output<typeof releasePage>;

const progressionStatus = z.enum(['deployed', 'allowed', 'blocked']);
const releaseRef = z.object({ id: z.string(), version: z.string() });
const missingEnvironments = z
  .array(resourceRef)
  .optional()
  .meta({ description: 'For a blocked cell: the environments still missing' });

export const progressionCellResponse = apiSchema(
  'ProgressionCell',
  z.object({
    environment: resourceRef,
    tenant: resourceRef.nullable(),
    phase: z.string().nullable().meta({ description: 'null: the lifecycle lacks the environment' }),
    status: progressionStatus,
    reason: z.string(),
    missingEnvironments,
    live: z
      .object({ deploymentId: z.string(), release: releaseRef, finishedAt: timestamp.nullable() })
      .nullable()
      .meta({ description: 'What runs there: the deployment that succeeded last' }),
    latest: z
      .object({ deploymentId: z.string(), release: releaseRef, status: deploymentStatus })
      .nullable()
      .meta({ description: 'The latest attempt there, of any release' }),
    frozen: z
      .object({
        freeze: z.object({ id: z.string(), name: z.string() }),
        until: timestamp,
        message: z.string(),
      })
      .nullable()
      .meta({ description: 'The freeze that holds this place now, until when, or null' }),
  }),
);

export const progressionPage = pageOf('ProgressionPage', progressionCellResponse);
export type ProgressionPage = z.output<typeof progressionPage>;

export const progressionSummaryResponse = apiSchema(
  'ProgressionSummary',
  z.object({
    environment: resourceRef,
    phase: z.string().nullable(),
    untenanted: z
      .object({ status: progressionStatus, reason: z.string(), missingEnvironments })
      .nullable()
      .meta({ description: 'The untenanted cell (untenanted and mixed projects), or null' }),
    tenants: z
      .object({
        total: z.number().int(),
        deployed: z.number().int(),
        allowed: z.number().int(),
        blocked: z.number().int(),
      })
      .optional()
      .meta({ description: 'Tenanted and mixed projects: tenant cells per status' }),
  }),
);

export const releaseResponse = apiSchema(
  'Release',
  releaseSummaryResponse.extend({
    snapshot: z.object({
      steps: z.array(processStepResponse),
      step: ecsServiceStepResponse
        .optional()
        .meta({ description: 'The only step, when the process is one ecs-service step' }),
      variables: z.array(variableResponse),
      takenAt: timestamp,
    }),
    progression: z.array(progressionCellResponse).meta({
      description:
        'The first cells, per environment (and tenant, where tenanted): deployed, allowed or blocked; GET /api/releases/{id}/progression pages them all',
    }),
    progressionTotal: z.number().int().meta({ description: 'Progression cells in all' }),
    progressionSummary: z.array(progressionSummaryResponse),
  }),
);
export type ReleaseResponse = z.output<typeof releaseResponse>;

/** How many of a new release's automatic deployments its creation returns; the rest are paged. */
export const CREATED_RELEASE_DEPLOYMENTS_SHOWN = 25;

export const createdReleaseResponse = apiSchema(
  'CreatedRelease',
  releaseResponse.extend({
    deployments: z.array(deploymentResponseSchema).meta({
      description: `The first of the deployments its lifecycle queued on its own (at most ${CREATED_RELEASE_DEPLOYMENTS_SHOWN}); GET /api/deployments?release={id} pages them all`,
    }),
    deploymentsTotal: z
      .number()
      .int()
      .meta({ description: 'The deployments its lifecycle queued on its own, in all' }),
  }),
);
export type CreatedReleaseResponse = z.output<typeof createdReleaseResponse>;
