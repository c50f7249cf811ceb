import { FINAL_DEPLOYMENT_STATUSES } from '@gantry/domain';
import type { Schema } from '../client';

/** A reference to a resource, as responses carry it. */
export type Ref = Schema<'ResourceRef'>;

/** A deployment as the API returns it. */
export type Deployment = Schema<'Deployment'>;

export type LogLine = Schema<'LogLine'>;

/** A release as lists show it; `CreatedRelease` also carries its automatic deployments. */
export type Release = Schema<'ReleaseSummary'>;

export const ENDED_STATUSES: ReadonlySet<string> = new Set(FINAL_DEPLOYMENT_STATUSES);
