import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  DEPLOYMENT_STATUSES,
  FINAL_DEPLOYMENT_STATUSES,
  isUuid,
  notFound,
  type Approvers,
  type DeploymentStatus,
  type InterventionStatus,
  type PlannedDeployment,
} from '@gantry/domain';
import { DeploymentEventsPublisher, type LiveLogLine } from '../deployment-events';
import type { FreezeOverride, ResourceChange } from '../entities';
import { appendLogWith, liveEvent } from './deployment-runs.repository';
import { closeSteps } from './interventions.repository';

interface Ref {
  id: string;
  slug: string;
}

export interface DeploymentKeyRow {
  releaseId: string;
  environmentId: string;
  tenantId: string | null;
  status: DeploymentStatus;
}

/** A deployment to insert, with its targets, as planned by `planDeployments`. */
export type NewDeployment = PlannedDeployment;

export interface DeploymentTargetRecord {
  /** The step this stack (or task) belongs to. */
  step: string;
  target: Ref;
  stackName: string;
  status: string;
  changes: ResourceChange[] | null;
  outputs: Record<string, string> | null;
  error: string | null;
  errorDetails: string | null;
}

/** A manual intervention of a deployment: what it asks, who may decide, the decision. */
export interface DeploymentInterventionRecord {
  step: string;
  instructions: string;
  approvers: Approvers;
  preventSelfApproval: boolean;
  timeoutMinutes: number | null;
  status: InterventionStatus;
  requestedAt: string;
  timeoutAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

/** One step of a deployment; its targets are the deployment's targets of that step. */
export interface DeploymentStepRecord {
  slug: string;
  /** The step's name in the release's process. */
  name: string;
  kind: string;
  /** Runs at once with the step before it (one parallel group), as the release's process says. */
  parallelWithPrevious: boolean;
  status: string;
  reason: string | null;
  error: string | null;
  details: Record<string, unknown> | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A deployment with the references it names and its targets, read in one query. */
export interface DeploymentRecord {
  id: string;
  release: { id: string; version: string };
  project: Ref;
  environment: Ref;
  tenant: Ref | null;
  status: DeploymentStatus;
  forced: boolean;
  cancelRequested: boolean;
  createdBy: string | null;
  targets: DeploymentTargetRecord[];
  /** Its manual interventions, in the order they were asked. */
  interventions?: DeploymentInterventionRecord[];
  /** The process, in order: each step's status, why it was skipped, its kind's details. */
  steps: DeploymentStepRecord[];
  error: string | null;
  /** The evidence behind `error`, several lines. */
  errorDetails: string | null;
  /** A queued deployment held back (a freeze), or one waiting for a decision: why, and until when. */
  waitingReason: string | null;
  waitingUntil: Date | null;
  /** An admin deployed through a freeze. */
  freezeOverride: FreezeOverride | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface DeploymentFilter {
  projectId?: string;
  environmentId?: string;
  tenantId?: string;
  releaseId?: string;
  status?: DeploymentStatus;
}

export interface DeploymentLogLine {
  seq: number;
  at: Date;
  level: string;
  source: string;
  message: string;
}

export interface LiveState {
  status: DeploymentStatus;
  /** The seq of the deployment's last log line (0: none yet). */
  logSeq: number;
  lines: LiveLogLine[];
}

type RawLine = Omit<LiveLogLine, 'at'> & { at: string };

/** Where a page of deployments starts: after this (created_at, seq), newest first. */
export interface DeploymentCursor {
  /** `created_at` to the microsecond, in UTC (ISO 8601). */
  createdAt: string;
  seq: string;
}

export interface DeploymentPage {
  limit: number;
  offset: number;
  after?: DeploymentCursor;
  /** Count every deployment matching the filter (a scan of them; only when asked). */
  count: boolean;
}

export interface DeploymentListPage {
  items: DeploymentRecord[];
  /** Where the next page starts, or null on the last page. */
  next: DeploymentCursor | null;
  total?: number;
}

/** Counted per cell and per stack in columns `count_<status>` (migration DeploymentCounts). */
const COUNT_COLUMNS = DEPLOYMENT_STATUSES;

function countedStatus(status: string): DeploymentStatus {
  const known = COUNT_COLUMNS.find((candidate) => candidate === status);
  if (!known) throw new Error(`Unknown deployment status ${status}`);
  return known;
}

/** `created_at` exactly, so a cursor never skips a deployment created in the same millisecond. */
const CURSOR_TIME = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The final statuses as SQL literals: written into the query rather than bound, so the planner
 * can use the partial index `deployments_stack_finished` (WHERE status IN the same list).
 */
const FINAL_STATUSES_SQL = FINAL_DEPLOYMENT_STATUSES.map((status) => `'${status}'`).join(', ');

/** What a cancel request did. */
export type CancelOutcome = 'cancelled' | 'cancel_requested' | 'finished';

const RECORD_SQL = `
  SELECT d.id, d.status, d.forced, d.cancel_requested AS "cancelRequested", d.created_by AS "createdBy", d.error, d.error_details AS "errorDetails",
         d.created_at AS "createdAt", d.started_at AS "startedAt", d.finished_at AS "finishedAt",
         CASE WHEN d.status IN ('queued', 'waiting') THEN d.hold_reason END AS "waitingReason",
         CASE WHEN d.status IN ('queued', 'waiting') THEN d.hold_until END AS "waitingUntil",
         d.freeze_override AS "freezeOverride",
         json_build_object('id', r.id, 'version', r.version) AS release,
         json_build_object('id', p.id, 'slug', p.slug) AS project,
         json_build_object('id', e.id, 'slug', e.slug) AS environment,
         CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'slug', t.slug) END AS tenant,
         COALESCE((SELECT json_agg(json_build_object('slug', ds.slug, 'name', COALESCE(rs.step->>'name', ds.slug),
                     'kind', ds.kind, 'parallelWithPrevious', COALESCE((rs.step->>'parallelWithPrevious')::boolean, false),
                     'status', ds.status, 'reason', ds.reason, 'error', ds.error, 'details', ds.details,
                     'startedAt', ds.started_at, 'finishedAt', ds.finished_at) ORDER BY ds.position)
                   FROM deployment_steps ds
                   LEFT JOIN LATERAL (SELECT s AS step FROM jsonb_array_elements(r.steps) s
                                       WHERE s->>'slug' = ds.slug LIMIT 1) rs ON true
                   WHERE ds.deployment_id = d.id), '[]') AS steps,
         COALESCE((SELECT json_agg(json_build_object('step', dt.step_slug, 'target', json_build_object('id', tg.id, 'slug', tg.slug),
                     'stackName', dt.stack_name, 'status', dt.status, 'changes', dt.changes, 'outputs', dt.outputs,
                     'error', dt.error, 'errorDetails', dt.error_details) ORDER BY ds.position, tg.slug)
                   FROM deployment_targets dt JOIN targets tg ON tg.id = dt.target_id
                   LEFT JOIN deployment_steps ds ON ds.deployment_id = dt.deployment_id AND ds.slug = dt.step_slug
                   WHERE dt.deployment_id = d.id), '[]') AS targets,
         COALESCE((SELECT json_agg(json_build_object('step', i.step, 'instructions', i.instructions, 'approvers', i.approvers,
                     'preventSelfApproval', i.prevent_self_approval, 'timeoutMinutes', i.timeout_minutes, 'status', i.status,
                     'requestedAt', i.requested_at, 'timeoutAt', i.timeout_at, 'decidedBy', i.decided_by,
                     'decidedAt', i.decided_at, 'note', i.note) ORDER BY i.requested_at, i.step)
                   FROM deployment_interventions i WHERE i.deployment_id = d.id), '[]') AS interventions
  FROM deployments d
  JOIN releases r ON r.id = d.release_id
  JOIN projects p ON p.id = d.project_id
  JOIN environments e ON e.id = d.environment_id
  LEFT JOIN tenants t ON t.id = d.tenant_id`;

@Injectable()
export class DeploymentsRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Optional()
    @Inject(DeploymentEventsPublisher)
    private readonly events: DeploymentEventsPublisher | null = null,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Serialises scheduling per release until the transaction ends, so a key is never queued twice. */
  async lockReleases(manager: EntityManager, releaseIds: string[]): Promise<void> {
    for (const id of [...new Set(releaseIds)].sort()) {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [id]);
    }
  }

  /** Release, environment, tenant and status of one deployment, or null. */
  async keyOf(id: string): Promise<DeploymentKeyRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.dataSource.query(
      'SELECT release_id AS "releaseId", environment_id AS "environmentId", tenant_id AS "tenantId", status FROM deployments WHERE id = $1',
      [id],
    );
    return row ?? null;
  }

  /** (environment, tenant, status) of the releases' deployments in the given statuses. */
  keysOf(
    releaseIds: string[],
    statuses: readonly DeploymentStatus[],
    manager = this.dataSource.manager,
  ): Promise<DeploymentKeyRow[]> {
    return manager.query(
      `SELECT DISTINCT release_id AS "releaseId", environment_id AS "environmentId", tenant_id AS "tenantId", status
       FROM deployments WHERE release_id = ANY($1::uuid[]) AND status = ANY($2::varchar[])`,
      [releaseIds, statuses],
    );
  }

  /** The release each stack runs: that of its latest finished deployment, when that one succeeded. */
  async currentReleases(
    stackKeys: string[],
    manager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    // The latest finished deployment decides: after a failure, redeploying the last good release
    // is a rollback, not a repeat, so it needs no force.
    const rows: { stackKey: string; releaseId: string }[] = await manager.query(
      `SELECT "stackKey", "releaseId" FROM (
         SELECT DISTINCT ON (stack_key) stack_key AS "stackKey", release_id AS "releaseId", status FROM deployments
          WHERE stack_key = ANY($1::varchar[]) AND status IN (${FINAL_STATUSES_SQL})
          ORDER BY stack_key, finished_at DESC, seq DESC) latest
        WHERE status = 'succeeded'`,
      [stackKeys],
    );
    return new Map(rows.map((row) => [row.stackKey, row.releaseId]));
  }

  /** Per tenant (null: untenanted), the live release: the one whose deployment to the environment succeeded last. */
  lastSucceeded(
    projectId: string,
    environmentId: string,
  ): Promise<{ tenantId: string | null; releaseId: string }[]> {
    return this.dataSource.query(
      `SELECT s.tenant_id AS "tenantId", d.release_id AS "releaseId"
         FROM stack_deployments s JOIN deployments d ON d.id = s.live_deployment_id
        WHERE s.project_id = $1 AND s.environment_id = $2`,
      [projectId, environmentId],
    );
  }

  /**
   * Per tenant (null: untenanted), the release whose deployment to the environment succeeded last
   * among releases that are not blocked: the previous good one when the live one is blocked.
   */
  lastSucceededUnblocked(
    projectId: string,
    environmentId: string,
  ): Promise<{ tenantId: string | null; releaseId: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (d.tenant_id) d.tenant_id AS "tenantId", d.release_id AS "releaseId"
         FROM deployments d JOIN releases r ON r.id = d.release_id
        WHERE d.project_id = $1 AND d.environment_id = $2 AND d.status = 'succeeded'
          AND r.blocked_reason IS NULL
        ORDER BY d.tenant_id, d.finished_at DESC, d.seq DESC`,
      [projectId, environmentId],
    );
  }

  /** Records an admin's freeze override on deployments just written. */
  async recordFreezeOverride(
    manager: EntityManager,
    ids: string[],
    override: FreezeOverride,
  ): Promise<void> {
    if (ids.length === 0) return;
    await manager.query('UPDATE deployments SET freeze_override = $2 WHERE id = ANY($1::uuid[])', [
      ids,
      JSON.stringify(override),
    ]);
  }

  /** Queued deployments of a release, and those waiting for a decision (to cancel when it is blocked). */
  async queuedOfRelease(releaseId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM deployments WHERE release_id = $1 AND status IN ('queued', 'waiting') ORDER BY seq`,
      [releaseId],
    );
    return rows.map((row) => row.id);
  }

  /** Every deployment in one INSERT, every target in another; the array order is the queue order. */
  async insertMany(manager: EntityManager, deployments: NewDeployment[]): Promise<void> {
    if (deployments.length === 0) return;
    const column = <K extends keyof NewDeployment>(key: K) => deployments.map((d) => d[key]);
    await manager.query(
      `INSERT INTO deployments (id, release_id, project_id, environment_id, tenant_id, stack_key, status, forced, created_by, error, created_by_key_id, finished_at)
       SELECT d.id, d.release_id, d.project_id, d.environment_id, d.tenant_id, d.stack_key, d.status, d.forced, d.created_by, d.error, d.created_by_key_id,
              CASE WHEN d.status = 'failed' THEN now() END
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::varchar[], $7::varchar[], $8::boolean[], $9::varchar[], $10::text[], $11::uuid[])
         WITH ORDINALITY AS d(id, release_id, project_id, environment_id, tenant_id, stack_key, status, forced, created_by, error, created_by_key_id, n)
       ORDER BY d.n`,
      [
        column('id'),
        column('releaseId'),
        column('projectId'),
        column('environmentId'),
        column('tenantId'),
        column('stackKey'),
        column('status'),
        column('forced'),
        column('createdBy'),
        column('error'),
        column('createdByKeyId'),
      ],
    );
    const steps = deployments.flatMap((d) => d.steps.map((s) => ({ ...s, deploymentId: d.id })));
    if (steps.length)
      await manager.query(
        `INSERT INTO deployment_steps (deployment_id, slug, position, kind, status, reason)
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::int[], $4::varchar[], $5::varchar[], $6::text[])`,
        [
          steps.map((s) => s.deploymentId),
          steps.map((s) => s.slug),
          steps.map((s) => s.position),
          steps.map((s) => s.kind),
          steps.map((s) => s.status),
          steps.map((s) => s.reason),
        ],
      );
    const targets = deployments.flatMap((d) =>
      d.targets.map((t) => ({ ...t, deploymentId: d.id })),
    );
    if (targets.length === 0) return;
    await manager.query(
      `INSERT INTO deployment_targets (deployment_id, step_slug, target_id, stack_name)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::varchar[])`,
      [
        targets.map((t) => t.deploymentId),
        targets.map((t) => t.stepSlug),
        targets.map((t) => t.targetId),
        targets.map((t) => t.stackName),
      ],
    );
  }

  /** Records of these deployments, in the order of `ids`. */
  async records(ids: string[], manager = this.dataSource.manager): Promise<DeploymentRecord[]> {
    if (ids.length === 0) return [];
    const rows: DeploymentRecord[] = await manager.query(
      `${RECORD_SQL} WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async get(id: string): Promise<DeploymentRecord> {
    const [record] = isUuid(id) ? await this.records([id]) : [];
    if (!record) throw notFound('deployment', id);
    return record;
  }

  /**
   * A page of deployments, newest first (`created_at`, then `seq`), after the cursor when given:
   * each filter has an index in that order, so a page reads `limit` rows whatever the history.
   * The total is counted only when asked.
   */
  async list(filter: DeploymentFilter, page: DeploymentPage): Promise<DeploymentListPage> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      conditions.push(`${sql} = $${values.length}`);
    };
    if (filter.projectId) add('project_id', filter.projectId);
    if (filter.environmentId) add('environment_id', filter.environmentId);
    if (filter.tenantId) add('tenant_id', filter.tenantId);
    if (filter.releaseId) add('release_id', filter.releaseId);
    if (filter.status) add('status', filter.status);
    const where = (extra: string[]) => (extra.length ? `WHERE ${extra.join(' AND ')}` : '');
    const total = !page.count
      ? undefined
      : filter.releaseId
        ? this.counted(where(conditions), [...values])
        : this.total(filter);
    const keyset = [...conditions];
    if (page.after) {
      values.push(page.after.createdAt, page.after.seq);
      keyset.push(
        `(created_at, seq) < ($${values.length - 1}::timestamptz, $${values.length}::bigint)`,
      );
    }
    const rows: { id: string; createdAt: string; seq: string }[] = await this.dataSource.query(
      `SELECT id, ${CURSOR_TIME} AS "createdAt", seq FROM deployments ${where(keyset)}
        ORDER BY created_at DESC, seq DESC LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, page.limit + 1, page.offset],
    );
    const shown = rows.slice(0, page.limit);
    const last = shown[shown.length - 1];
    return {
      items: await this.records(shown.map((row) => row.id)),
      next: rows.length > page.limit ? { createdAt: last.createdAt, seq: last.seq } : null,
      ...(total === undefined ? {} : { total: await total }),
    };
  }

  /** How many deployments of one release match: a release has at most one per stack and attempt. */
  private async counted(where: string, values: unknown[]): Promise<number> {
    const [row]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*)::bigint AS n FROM deployments ${where}`,
      values,
    );
    return Number(row.n);
  }

  /**
   * How many deployments match, from the counts the triggers keep per (project, environment) cell
   * and per stack: a row per cell, or per stack of the tenant, whatever the length of the history.
   */
  private async total(filter: DeploymentFilter): Promise<number> {
    const counted = filter.status
      ? `count_${countedStatus(filter.status)}`
      : COUNT_COLUMNS.map((status) => `count_${status}`).join(' + ');
    const conditions: string[] = [];
    const values: unknown[] = [];
    const add = (column: string, value: unknown) => {
      values.push(value);
      conditions.push(`${column} = $${values.length}`);
    };
    if (filter.projectId) add('project_id', filter.projectId);
    if (filter.environmentId) add('environment_id', filter.environmentId);
    if (filter.tenantId) add('tenant_id', filter.tenantId);
    const table = filter.tenantId ? 'stack_deployments' : 'dashboard_cells';
    const [row]: { n: string }[] = await this.dataSource.query(
      `SELECT COALESCE(sum(${counted}), 0)::bigint AS n FROM ${table}
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`,
      values,
    );
    return Number(row.n);
  }

  /**
   * A queued deployment, or one waiting for a decision (no worker holds it), is cancelled at once,
   * its pending intervention with it; a running one is asked to stop; a finished one is left alone.
   */
  async cancel(id: string, by: string | null = null): Promise<CancelOutcome> {
    let lines: LiveLogLine[] = [];
    const outcome = await this.dataSource.transaction(async (manager): Promise<CancelOutcome> => {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [rows]: [{ status: DeploymentStatus }[], number] = await manager.query(
        `WITH old AS (SELECT id, status FROM deployments WHERE id = $1 FOR UPDATE)
         UPDATE deployments d SET
           status = CASE WHEN old.status IN ('queued', 'waiting') THEN 'cancelled' ELSE old.status END,
           finished_at = CASE WHEN old.status IN ('queued', 'waiting') THEN now() ELSE d.finished_at END,
           cancel_requested = d.cancel_requested OR old.status = 'running'
         FROM old WHERE d.id = old.id RETURNING old.status AS status`,
        [id],
      );
      if (rows.length === 0) throw notFound('deployment', id);
      if (rows[0].status === 'waiting') {
        // The intervention the deployment waited on is closed with it (who cancelled, when).
        const [steps]: [{ step: string }[], number] = await manager.query(
          `UPDATE deployment_interventions SET status = 'cancelled', decided_by = $2, decided_at = now()
            WHERE deployment_id = $1 AND status = 'pending' RETURNING step`,
          [id, by],
        );
        for (const { step } of steps)
          await closeSteps(
            manager,
            id,
            step,
            'cancelled',
            `Cancelled${by ? ` by '${by}'` : ''} while waiting for a decision.`,
            'the deployment was cancelled',
          );
        if (steps.length)
          lines = await appendLogWith(
            manager,
            id,
            steps.map(({ step }) => ({
              level: 'warn' as const,
              source: 'intervention',
              message: `[${step}] Cancelled${by ? ` by '${by}'` : ''} while waiting for a decision on step '${step}'`,
            })),
            null,
          );
      }
      if (rows[0].status === 'queued' || rows[0].status === 'waiting') return 'cancelled';
      return rows[0].status === 'running' ? 'cancel_requested' : 'finished';
    });
    if (outcome === 'cancelled') this.events?.publish(liveEvent(id, lines, 'cancelled'));
    return outcome;
  }

  /**
   * What a live follower needs, in one query: the deployment's status, the seq of its last log
   * line, and up to `limit` lines after `after`, oldest first. Null for an unknown deployment.
   */
  async liveState(id: string, after: number, limit: number): Promise<LiveState | null> {
    const rows: { status: DeploymentStatus; log_seq: number; lines: RawLine[] }[] =
      await this.dataSource.query(
        `SELECT d.status, d.log_seq, COALESCE(l.lines, '[]'::json) AS lines
           FROM deployments d
           LEFT JOIN LATERAL (
             SELECT json_agg(x ORDER BY x.seq) AS lines FROM (
               SELECT seq, at, level, source, message FROM deployment_log
                WHERE deployment_id = d.id AND seq > $2 ORDER BY seq LIMIT $3) x) l ON true
          WHERE d.id = $1`,
        [id, after, limit],
      );
    if (rows.length === 0) return null;
    return {
      status: rows[0].status,
      logSeq: Number(rows[0].log_seq),
      lines: rows[0].lines.map((line) => ({ ...line, at: new Date(line.at) })),
    };
  }

  /** Log lines after `after`, oldest first. */
  log(id: string, after: number, limit: number): Promise<DeploymentLogLine[]> {
    return this.dataSource.query(
      `SELECT seq, at, level, source, message FROM deployment_log WHERE deployment_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [id, after, limit],
    );
  }
}
