import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  ACTIVE_DEPLOYMENT_STATUSES_SQL,
  isFinalDeploymentStatus,
  type Approvers,
  type DeploymentStatus,
  type FinalDeploymentStatus,
} from '@gantry/domain';
import {
  DeploymentEventsPublisher,
  type DeploymentEvent,
  type LiveLogLine,
} from '../deployment-events';
import { DeploymentEntity, DeploymentStepEntity, DeploymentTargetEntity } from '../entities';

/** Which row of deployment_targets: a step on a target of a deployment. */
export type TargetKey = Pick<DeploymentTargetEntity, 'deploymentId' | 'stepSlug' | 'targetId'>;

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  source: string;
  message: string;
  at?: Date;
}

export type ClaimResult =
  | { outcome: 'claimed' | 'reattached'; token: number }
  | { outcome: 'waiting' | 'finished' | 'held' };

/**
 * Thrown by a write of a runner whose claim was taken over (its lease lapsed and another claim
 * took the next token): the runner must stop without another word.
 */
export class DeploymentSuperseded extends Error {
  constructor(readonly deploymentId: string) {
    super(`Deployment ${deploymentId} was claimed by another runner`);
    this.name = 'DeploymentSuperseded';
  }
}

/** A manual intervention step the deployment now waits on. */
export interface InterventionRequest {
  step: string;
  instructions: string;
  approvers: Approvers;
  preventSelfApproval: boolean;
  timeoutMinutes: number | null;
  /** What the deployment says while it waits (`waitingReason`). */
  waitingReason: string;
}

interface Fence {
  deploymentId: string;
  token: number;
}

/** What the worker does to deployments: claim, lease, record progress and finish. */
@Injectable()
export class DeploymentRunsRepository {
  /** Set on the copy a runner works through: its writes land only while its claim holds. */
  private fence: Fence | null = null;

  constructor(
    @InjectRepository(DeploymentEntity) private readonly deployments: Repository<DeploymentEntity>,
    @InjectRepository(DeploymentTargetEntity)
    private readonly targets: Repository<DeploymentTargetEntity>,
    private readonly dataSource: DataSource,
    @Optional()
    @Inject(DeploymentEventsPublisher)
    private readonly events: DeploymentEventsPublisher | null = null,
    @InjectRepository(DeploymentStepEntity)
    private readonly steps: Repository<DeploymentStepEntity> = dataSource.getRepository(
      DeploymentStepEntity,
    ),
  ) {}

  private fenceOf(deploymentId: string): number | null {
    return this.fence?.deploymentId === deploymentId ? this.fence.token : null;
  }

  /** The token a lease or outcome write needs: only a runner's fenced copy may make them. */
  private tokenFor(deploymentId: string): number {
    const token = this.fenceOf(deploymentId);
    if (token === null) throw new Error('Only a fenced runner may renew a lease or finish');
    return token;
  }

  /** Marks a queued deployment as held back (why, until when), or clears the hold. */
  async setHold(id: string, hold: { reason: string; until: Date } | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE deployments SET hold_reason = $2, hold_until = $3 WHERE id = $1 AND status = 'queued'`,
      [id, hold?.reason ?? null, hold?.until ?? null],
    );
  }

  get(id: string): Promise<DeploymentEntity | null> {
    return this.deployments.findOne({ where: { id } });
  }

  /**
   * queued → running in one conditional UPDATE, only when no earlier deployment of the same stack
   * is queued or running (the partial unique index settles any race). A running deployment whose
   * lease expired (its worker died or stalled) is re-attached instead; so is one whose claim
   * `heldToken` still is (its own runner resuming after an outage). A live lease is never taken
   * over, not even by another runner of the same worker. Each claim takes the next token.
   */
  async claim(
    id: string,
    owner: string,
    leaseSeconds: number,
    heldToken: number | null = null,
  ): Promise<ClaimResult> {
    const claimed = await this.dataSource
      .query(
        `UPDATE deployments d SET status = 'running', started_at = COALESCE(started_at, now()), lease_owner = $2,
                lease_expires_at = now() + make_interval(secs => $3), claim_token = claim_token + 1
          WHERE d.id = $1 AND d.status = 'queued'
            AND NOT EXISTS (SELECT 1 FROM deployments e WHERE e.stack_key = d.stack_key AND e.seq < d.seq AND e.status IN (${ACTIVE_DEPLOYMENT_STATUSES_SQL}))
        RETURNING claim_token`,
        [id, owner, leaseSeconds],
      )
      .catch((error: { code?: string }) => {
        if (error.code === '23505') return [[], 0];
        throw error;
      });
    if (rowCount(claimed) > 0) {
      this.events?.publish({ deploymentId: id, status: 'running' });
      return { outcome: 'claimed', token: tokenOf(claimed) };
    }
    const reattached = await this.dataSource.query(
      `UPDATE deployments SET lease_owner = $2, lease_expires_at = now() + make_interval(secs => $3), claim_token = claim_token + 1
        WHERE id = $1 AND status = 'running'
          AND (lease_expires_at IS NULL OR lease_expires_at < now() OR claim_token = $4)
      RETURNING claim_token`,
      [id, owner, leaseSeconds, heldToken ?? -1],
    );
    if (rowCount(reattached) > 0) return { outcome: 'reattached', token: tokenOf(reattached) };
    const current = await this.get(id);
    if (!current || isFinalDeploymentStatus(current.status)) return { outcome: 'finished' };
    return { outcome: current.status === 'queued' ? 'waiting' : 'held' };
  }

  /** This repository as the runner holding `token` sees it: writes fail once the claim moved on. */
  fencedTo(deploymentId: string, token: number): DeploymentRunsRepository {
    const fenced = new DeploymentRunsRepository(
      this.deployments,
      this.targets,
      this.dataSource,
      this.events,
      this.steps,
    );
    fenced.fence = { deploymentId, token };
    return fenced;
  }

  /** Extends the lease; false when another runner took the deployment over. */
  async renewLease(id: string, leaseSeconds: number): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE deployments SET lease_expires_at = now() + make_interval(secs => $2)
        WHERE id = $1 AND status = 'running' AND claim_token = $3 RETURNING id`,
      [id, leaseSeconds, this.tokenFor(id)],
    );
    return rowCount(result) > 0;
  }

  /**
   * Records the outcome and its log line together, so a runner resuming after an outage never
   * writes the outcome twice; false when another runner holds the deployment now.
   */
  async finish(
    id: string,
    status: FinalDeploymentStatus,
    error: string | null,
    errorDetails: string | null,
    line: LogEntry,
  ): Promise<boolean> {
    const written = await this.dataSource.transaction(async (manager) => {
      const result = await manager.query(
        `UPDATE deployments SET status = $2, error = $3, error_details = $5, finished_at = now(), lease_owner = NULL, lease_expires_at = NULL
          WHERE id = $1 AND status = 'running' AND claim_token = $4 RETURNING id`,
        [id, status, error, this.tokenFor(id), errorDetails],
      );
      if (rowCount(result) === 0) return null;
      return appendLogWith(manager, id, [line], null);
    });
    if (!written) return false;
    this.events?.publish(liveEvent(id, written, status));
    return true;
  }

  /**
   * Suspends the deployment at a manual intervention: records the intervention (once: a runner
   * re-entering the step finds it), then running → waiting with the lease released, so no worker
   * holds it while people decide, for hours if need be. The waiting reason says who may decide and
   * the timeout becomes `waitingUntil`. False when another runner holds the deployment now.
   */
  async waitForIntervention(
    id: string,
    intervention: InterventionRequest,
    line: LogEntry,
  ): Promise<boolean> {
    const token = this.tokenFor(id);
    const written = await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE deployments SET status = 'waiting', lease_owner = NULL, lease_expires_at = NULL, hold_reason = $3,
                hold_until = CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(mins => $4::int) END
          WHERE id = $1 AND status = 'running' AND claim_token = $2 RETURNING hold_until`,
        [id, token, intervention.waitingReason, intervention.timeoutMinutes],
      )) as [{ hold_until: Date | null }[], number];
      if (rows.length === 0) return null;
      await manager.query(
        `INSERT INTO deployment_interventions (deployment_id, step, instructions, approvers, prevent_self_approval, timeout_minutes, timeout_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (deployment_id, step) DO NOTHING`,
        [
          id,
          intervention.step,
          intervention.instructions,
          JSON.stringify(intervention.approvers),
          intervention.preventSelfApproval,
          intervention.timeoutMinutes,
          rows[0].hold_until,
        ],
      );
      return appendLogWith(manager, id, [line], token);
    });
    if (!written) return false;
    this.events?.publish(liveEvent(id, written, 'waiting'));
    return true;
  }

  async isCancelRequested(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      'SELECT cancel_requested FROM deployments WHERE id = $1',
      [id],
    );
    return rows[0]?.cancel_requested === true;
  }

  /** The deployment's targets, of one step when given. */
  targetsOf(deploymentId: string, stepSlug?: string): Promise<DeploymentTargetEntity[]> {
    return this.targets.find({
      where: stepSlug === undefined ? { deploymentId } : { deploymentId, stepSlug },
      order: { stackName: 'ASC', targetId: 'ASC' },
    });
  }

  /** The deployment's steps, in process order. */
  stepsOf(deploymentId: string): Promise<DeploymentStepEntity[]> {
    return this.steps.find({ where: { deploymentId }, order: { position: 'ASC' } });
  }

  /** Records a step's progress; a superseded runner's write is refused. */
  async updateStep(
    deploymentId: string,
    slug: string,
    values: Partial<Omit<DeploymentStepEntity, 'deploymentId' | 'slug'>>,
  ): Promise<void> {
    const token = this.fenceOf(deploymentId);
    const update = this.steps
      .createQueryBuilder()
      .update()
      .set(values as never)
      .where('deployment_id = :deploymentId AND slug = :slug', { deploymentId, slug });
    if (token !== null)
      update.andWhere(
        'EXISTS (SELECT 1 FROM deployments WHERE id = :deploymentId AND claim_token = :token)',
        { token },
      );
    const result = await update.execute();
    if (token !== null && !result.affected) throw new DeploymentSuperseded(deploymentId);
  }

  async updateTarget(key: TargetKey, values: Partial<DeploymentTargetEntity>): Promise<void> {
    const { deploymentId, stepSlug, targetId } = key;
    const token = this.fenceOf(deploymentId);
    const update = this.targets
      .createQueryBuilder()
      .update()
      .set(values as never)
      .where('deployment_id = :deploymentId AND step_slug = :stepSlug AND target_id = :targetId', {
        deploymentId,
        stepSlug,
        targetId,
      });
    if (token !== null)
      update.andWhere(
        'EXISTS (SELECT 1 FROM deployments WHERE id = :deploymentId AND claim_token = :token)',
        { token },
      );
    const result = await update.execute();
    if (token !== null && !result.affected) throw new DeploymentSuperseded(deploymentId);
  }

  /** Appends log lines (see appendLogWith); a superseded runner's lines are refused. */
  async appendLog(deploymentId: string, entries: LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const token = this.fenceOf(deploymentId);
    const written = await appendLogWith(this.dataSource.manager, deploymentId, entries, token);
    if (token !== null && written.length === 0) throw new DeploymentSuperseded(deploymentId);
    if (written.length) this.events?.publish(liveEvent(deploymentId, written));
  }

  /** Counts one more unexpected worker error on the deployment; returns how many it has had. */
  async recordWorkerError(id: string): Promise<number> {
    // An UPDATE … RETURNING comes back from TypeORM as [rows, affected].
    const [rows] = (await this.dataSource.query(
      `UPDATE deployments SET worker_errors = worker_errors + 1
        WHERE id = $1 AND ($2::int IS NULL OR claim_token = $2) RETURNING worker_errors`,
      [id, this.fenceOf(id)],
    )) as [{ worker_errors: number }[], number];
    if (!rows.length && this.fenceOf(id) !== null) throw new DeploymentSuperseded(id);
    return rows[0]?.worker_errors ?? 0;
  }

  /** The next queued deployment of a stack, if any: it may start now. */
  async nextQueuedOnStack(stackKey: string): Promise<string | null> {
    const rows = await this.dataSource.query(
      `SELECT id FROM deployments WHERE stack_key = $1 AND status = 'queued' ORDER BY seq LIMIT 1`,
      [stackKey],
    );
    return rows[0]?.id ?? null;
  }

  /** Deployments a reconciler must look at: queued ones, and running ones whose lease expired. */
  async needingAttention(limit = 1000): Promise<{ id: string; status: DeploymentStatus }[]> {
    return this.dataSource.query(
      `SELECT id, status FROM deployments
        WHERE status = 'queued' OR (status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < now()))
        ORDER BY seq LIMIT $1`,
      [limit],
    );
  }
}

/**
 * Appends log lines with consecutive sequence numbers, in one statement. The numbers come from
 * the deployment's `log_seq` counter: its UPDATE locks the row, so concurrent writers (a
 * deployment's targets, or two worker processes) take turns and never pick the same numbers.
 * With a token, nothing is written unless the deployment's claim is still that token's.
 */
export async function appendLogWith(
  manager: EntityManager,
  deploymentId: string,
  entries: LogEntry[],
  token: number | null,
): Promise<LiveLogLine[]> {
  const rows: LiveLogLine[] = await manager.query(
    `WITH counter AS (
       UPDATE deployments SET log_seq = log_seq + $6
        WHERE id = $1 AND ($7::int IS NULL OR claim_token = $7) RETURNING log_seq - $6 AS base
     )
     INSERT INTO deployment_log (deployment_id, seq, at, level, source, message)
     SELECT $1, counter.base + entry.ordinality, entry.at, entry.level, entry.source, entry.message
       FROM counter,
            unnest($2::timestamptz[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS entry(at, level, source, message, ordinality)
     RETURNING seq, at, level, source, message`,
    [
      deploymentId,
      entries.map((e) => e.at ?? new Date()),
      entries.map((e) => e.level),
      entries.map((e) => e.source),
      entries.map((e) => e.message),
      entries.length,
      token,
    ],
  );
  return rows.sort((a, b) => a.seq - b.seq);
}

/** Lines larger than this in all are announced by their seq alone: followers read them. */
const LIVE_EVENT_MAX_CHARS = 32_768;

export function liveEvent(
  deploymentId: string,
  lines: LiveLogLine[],
  status?: DeploymentStatus,
): DeploymentEvent {
  const seq = lines[lines.length - 1]?.seq;
  const size = lines.reduce((total, line) => total + line.message.length + 64, 0);
  return {
    deploymentId,
    seq,
    ...(size <= LIVE_EVENT_MAX_CHARS ? { lines } : {}),
    ...(status ? { status } : {}),
  };
}

/** The token an UPDATE … RETURNING claim_token gave back (TypeORM answers [rows, affected]). */
function tokenOf(result: unknown): number {
  const [rows] = result as [{ claim_token: number }[], number];
  return rows[0].claim_token;
}

function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number')
    return result[1];
  return Array.isArray(result) ? result.length : 0;
}
