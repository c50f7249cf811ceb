import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import {
  isFinalDeploymentStatus,
  type DeploymentStatus,
  type FinalDeploymentStatus,
} from '@gantry/domain';
import { DeploymentEntity, DeploymentTargetEntity } from '../entities';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  source: string;
  message: string;
  at?: Date;
}

export type ClaimResult = 'claimed' | 'reattached' | 'waiting' | 'finished' | 'held';

/** What the worker does to deployments: claim, lease, record progress and finish. */
@Injectable()
export class DeploymentRunsRepository {
  constructor(
    @InjectRepository(DeploymentEntity) private readonly deployments: Repository<DeploymentEntity>,
    @InjectRepository(DeploymentTargetEntity)
    private readonly targets: Repository<DeploymentTargetEntity>,
    private readonly dataSource: DataSource,
  ) {}

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
   * lease expired (its worker died) is re-attached instead.
   */
  async claim(id: string, owner: string, leaseSeconds: number): Promise<ClaimResult> {
    const claimed = await this.dataSource
      .query(
        `UPDATE deployments d SET status = 'running', started_at = COALESCE(started_at, now()), lease_owner = $2,
                lease_expires_at = now() + make_interval(secs => $3)
          WHERE d.id = $1 AND d.status = 'queued'
            AND NOT EXISTS (SELECT 1 FROM deployments e WHERE e.stack_key = d.stack_key AND e.seq < d.seq AND e.status IN ('queued', 'running'))
        RETURNING id`,
        [id, owner, leaseSeconds],
      )
      .catch((error: { code?: string }) => {
        if (error.code === '23505') return [[], 0];
        throw error;
      });
    if (rowCount(claimed) > 0) return 'claimed';
    const reattached = await this.dataSource.query(
      `UPDATE deployments SET lease_owner = $2, lease_expires_at = now() + make_interval(secs => $3)
        WHERE id = $1 AND status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < now() OR lease_owner = $2)
      RETURNING id`,
      [id, owner, leaseSeconds],
    );
    if (rowCount(reattached) > 0) return 'reattached';
    const current = await this.get(id);
    if (!current || isFinalDeploymentStatus(current.status)) return 'finished';
    return current.status === 'queued' ? 'waiting' : 'held';
  }

  /** Extends the lease; false when another worker took the deployment over. */
  async renewLease(id: string, owner: string, leaseSeconds: number): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE deployments SET lease_expires_at = now() + make_interval(secs => $3) WHERE id = $1 AND lease_owner = $2 AND status = 'running' RETURNING id`,
      [id, owner, leaseSeconds],
    );
    return rowCount(result) > 0;
  }

  async finish(
    id: string,
    owner: string,
    status: FinalDeploymentStatus,
    error: string | null,
  ): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE deployments SET status = $3, error = $4, finished_at = now(), lease_owner = NULL, lease_expires_at = NULL
        WHERE id = $1 AND status = 'running' AND lease_owner = $2 RETURNING id`,
      [id, owner, status, error],
    );
    return rowCount(result) > 0;
  }

  async isCancelRequested(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      'SELECT cancel_requested FROM deployments WHERE id = $1',
      [id],
    );
    return rows[0]?.cancel_requested === true;
  }

  targetsOf(deploymentId: string): Promise<DeploymentTargetEntity[]> {
    return this.targets.find({
      where: { deploymentId },
      order: { stackName: 'ASC', targetId: 'ASC' },
    });
  }

  async updateTarget(
    deploymentId: string,
    targetId: string,
    values: Partial<DeploymentTargetEntity>,
  ): Promise<void> {
    await this.targets.update({ deploymentId, targetId }, values as never);
  }

  /**
   * Appends log lines with consecutive sequence numbers, in one statement. The numbers come from
   * the deployment's `log_seq` counter: its UPDATE locks the row, so concurrent writers (a
   * deployment's targets, or two worker processes) take turns and never pick the same numbers.
   */
  async appendLog(deploymentId: string, entries: LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.dataSource.query(
      `WITH counter AS (
         UPDATE deployments SET log_seq = log_seq + $6 WHERE id = $1 RETURNING log_seq - $6 AS base
       )
       INSERT INTO deployment_log (deployment_id, seq, at, level, source, message)
       SELECT $1, counter.base + entry.ordinality, entry.at, entry.level, entry.source, entry.message
         FROM counter,
              unnest($2::timestamptz[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS entry(at, level, source, message, ordinality)`,
      [
        deploymentId,
        entries.map((e) => e.at ?? new Date()),
        entries.map((e) => e.level),
        entries.map((e) => e.source),
        entries.map((e) => e.message),
        entries.length,
      ],
    );
  }

  /** Counts one more unexpected worker error on the deployment; returns how many it has had. */
  async recordWorkerError(id: string): Promise<number> {
    // An UPDATE … RETURNING comes back from TypeORM as [rows, affected].
    const [rows] = (await this.dataSource.query(
      `UPDATE deployments SET worker_errors = worker_errors + 1 WHERE id = $1 RETURNING worker_errors`,
      [id],
    )) as [{ worker_errors: number }[], number];
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

function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number')
    return result[1];
  return Array.isArray(result) ? result.length : 0;
}
