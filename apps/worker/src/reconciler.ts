import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { GANTRY_CONFIG, GantryConfig } from '@gantry/config';
import { DeploymentRunsRepository } from '@gantry/persistence';
import { DeploymentQueue, QueueUnavailableError } from '@gantry/queue';
import { InterventionDecisions } from '@gantry/scheduling';

/**
 * Nothing is lost when a worker dies: on start and periodically, deployments that are queued
 * with nothing ahead of them, and running ones whose lease expired, are handed out again.
 * Enqueuing is idempotent (job id = deployment id) and the runner's claim decides the rest.
 * Manual interventions past their timeout are rejected here too: the database holds the
 * deadline, so a timeout survives any crash and fires within one interval of it.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reconciler');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly runs: DeploymentRunsRepository,
    private readonly queue: DeploymentQueue,
    private readonly decisions: InterventionDecisions,
    @Inject(GANTRY_CONFIG) private readonly config: GantryConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(
      () => void this.reconcile(),
      this.config.RECONCILE_INTERVAL_SECONDS * 1000,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async reconcile(): Promise<number> {
    try {
      const timedOut = await this.decisions.rejectTimedOut();
      if (timedOut)
        this.logger.log(`Rejected ${timedOut} manual intervention(s) past their timeout`);
      const due = await this.runs.needingAttention();
      await this.queue.enqueue(due.map((deployment) => deployment.id));
      if (due.length) this.logger.log(`Handed out ${due.length} deployment(s) again`);
      return due.length;
    } catch (error) {
      // Redis being down is logged once per outage elsewhere; the next round tries again.
      if (error instanceof QueueUnavailableError) return 0;
      this.logger.error(`Reconcile failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
