export interface Ref {
  id: string;
  slug?: string;
}

/** A deployment as the API returns it (docs/api.md, Deployments). */
export interface Deployment {
  id: string;
  release: { id: string; version: string };
  project: Ref;
  environment: Ref;
  tenant: Ref | null;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  targets?: Array<{ target: Ref; stackName: string; status: string }>;
  error?: string | null;
  /** The evidence behind `error` (stopped tasks, exit codes, service events), several lines. */
  errorDetails?: string | null;
  createdAt?: string;
  startedAt?: string | null;
  finishedAt?: string | null;
}

export interface LogLine {
  seq: number;
  at: string;
  level: string;
  source: string;
  message: string;
}

export interface Release {
  id: string;
  version: string;
  channel?: Ref | string | null;
  notes?: string | null;
  createdAt?: string;
  /** On creation: the deployments its lifecycle queued automatically. */
  deployments?: Deployment[];
}

export const ENDED_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled']);
