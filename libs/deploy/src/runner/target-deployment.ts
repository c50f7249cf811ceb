import {
  acceptsUpdate,
  DomainError,
  pollDelayMs,
  stackPhase,
  type TargetOutcome,
} from '@gantry/domain';
import type { DeploymentRunsRepository, ResourceChange } from '@gantry/persistence';
import { renderStack, toJson, type RenderResult } from '@gantry/render';
import type { RenderInputLoader, RenderRequest } from '../render-input.loader';
import { operationOutcomeOf, storeOutputs } from './operation-outcome';
import { OperationWatcher } from './operation-watcher';
import type { RunnerSettings } from './runner-settings';
import { sleep, TargetContext } from './target-context';

export type { TargetContext } from './target-context';

/** What a kind that deploys a stack renders, and whether a completed stack must run an ECS service. */
export interface StackKind {
  render(
    loader: RenderInputLoader,
    request: RenderRequest,
  ): Promise<{ rendered: RenderResult; essentialContainers: string[] }>;
  /** True: success needs the stack's service rolled out on its task definition (ecs-service). */
  verifyService: boolean;
}

/** An `ecs-service` step's stack: `renderStack`, and the service rollout check. */
export const SERVICE_STACK: StackKind = {
  async render(loader, request) {
    const input = await loader.load(request);
    return {
      rendered: renderStack(input),
      essentialContainers: input.release.step.containers
        .filter((container) => container.essential !== false)
        .map((container) => container.name),
    };
  },
  verifyService: true,
};

const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;

/**
 * Deploys one target's stack through a change set, following docs/deployments.md (Deploying, steps 2–8). Every step
 * records its progress on the deployment target first, so a worker that dies at any point is
 * re-attached to the same change set and operation instead of starting a second one.
 */
export class TargetDeployment {
  private readonly changeSetName: string;
  private readonly token: string;
  /** The step's essential containers, whose exits a failure diagnosis reports. */
  private essentialContainers: string[] = [];

  constructor(
    private readonly context: TargetContext,
    private readonly runs: DeploymentRunsRepository,
    private readonly loader: RenderInputLoader,
    private readonly settings: RunnerSettings,
    private readonly kind: StackKind = SERVICE_STACK,
  ) {
    this.changeSetName = `gantry-${context.deployment.id}`;
    this.token = `gantry-${context.deployment.id}`;
  }

  private get stackName(): string {
    return this.context.target.stackName;
  }

  async run(): Promise<TargetOutcome> {
    const rendered = await this.render();
    this.context.ready();
    const existing = this.context.target.changeSetName
      ? await this.context.cloudformation.describeChangeSet(this.stackName, this.changeSetName)
      : null;
    if (
      existing &&
      existing.ExecutionStatus &&
      existing.ExecutionStatus !== 'AVAILABLE' &&
      existing.ExecutionStatus !== 'UNAVAILABLE'
    ) {
      await this.context.log.warn(
        'worker',
        `Re-attached to change set ${this.changeSetName} (${existing.ExecutionStatus}); waiting for the stack.`,
      );
      return this.awaitOperation();
    }
    if (!existing && this.context.target.status === 'executing') {
      await this.context.log.warn(
        'worker',
        'Re-attached to the running stack operation of this deployment.',
      );
      return this.awaitOperation();
    }
    if (!existing) {
      if (await this.context.isCancelRequested())
        return { status: 'cancelled', error: 'Cancelled before any change was made.' };
      const clusterProblem = await this.context.clusterProblem();
      if (clusterProblem) return { status: 'failed', error: clusterProblem };
      const type = await this.prepareStack();
      await this.createChangeSet(type, rendered);
    }
    const changeSet = await this.awaitChangeSet();
    if (changeSet === 'no-changes') return this.noChanges();
    if (await this.context.isCancelRequested()) {
      await this.context.cloudformation
        .deleteChangeSet(this.stackName, this.changeSetName)
        .catch(() => undefined);
      return { status: 'cancelled', error: 'Cancelled before the change set was executed.' };
    }
    await this.execute();
    return this.awaitOperation();
  }

  /** Renders (422 checks included) and stores the template and its hash on the first attempt. */
  private async render() {
    const { deployment, target } = this.context;
    const { rendered, essentialContainers } = await this.kind.render(this.loader, {
      releaseId: deployment.releaseId,
      stepSlug: target.stepSlug,
      environmentId: deployment.environmentId,
      tenantId: deployment.tenantId,
      targetId: target.targetId,
      deploymentId: deployment.id,
    });
    this.essentialContainers = essentialContainers;
    this.context.log.addSecrets(
      rendered.parameters
        .filter((parameter) => parameter.noEcho)
        .map((parameter) => parameter.value),
    );
    if (!target.templateHash) {
      await this.runs.updateTarget(target, {
        template: rendered.template,
        templateHash: rendered.hash,
        status: 'rendered',
      });
      await this.context.log.info(
        'render',
        `Rendered the template for ${this.stackName} (sha256 ${rendered.hash.slice(0, 12)}).`,
      );
    }
    return rendered;
  }

  /** Waits out foreign operations, clears a failed first create, and says whether to CREATE or UPDATE. */
  private async prepareStack(): Promise<'CREATE' | 'UPDATE'> {
    const deadline = Date.now() + this.settings.busyStackTimeoutSeconds * 1000;
    for (let polls = 0; ; polls++) {
      const stack = await this.context.cloudformation.describeStack(this.stackName);
      const status = stack?.StackStatus ?? null;
      const phase = stackPhase(status);
      if (phase === 'absent' || phase === 'review') return 'CREATE';
      if (status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED') {
        await this.context.log.warn(
          'worker',
          `Stack ${this.stackName} is ${status} (a first create that failed); deleting it before creating it again.`,
        );
        await this.context.cloudformation.deleteStack(this.stackName, `${this.token}-delete`);
        await this.waitUntil(
          () =>
            this.context.cloudformation
              .describeStack(this.stackName)
              .then((s) => stackPhase(s?.StackStatus) === 'absent'),
          deadline,
        );
        return 'CREATE';
      }
      if (phase === 'rollback-failed') {
        await this.context.log.warn(
          'worker',
          `Stack ${this.stackName} is UPDATE_ROLLBACK_FAILED; asking CloudFormation to continue the rollback.`,
        );
        await this.context.cloudformation.continueRollback(
          this.stackName,
          `${this.token}-continue`,
        );
      } else if (status && acceptsUpdate(status)) {
        return 'UPDATE';
      } else if (polls === 0) {
        await this.context.log.warn(
          'worker',
          `Stack ${this.stackName} is ${status}; waiting for it to settle.`,
        );
      }
      if (Date.now() > deadline)
        throw new DomainError(
          'stack_busy',
          `Stack ${this.stackName} stayed ${status} for ${this.settings.busyStackTimeoutSeconds} s; try again later.`,
        );
      await sleep(pollDelayMs(polls, this.settings.pollMinMs, this.settings.pollMaxMs));
    }
  }

  private async createChangeSet(type: 'CREATE' | 'UPDATE', rendered: RenderResult): Promise<void> {
    const { deployment, target } = this.context;
    await this.runs.updateTarget(target, {
      changeSetName: this.changeSetName,
      status: 'change-set',
    });
    this.context.target.changeSetName = this.changeSetName;
    await this.context.cloudformation.createChangeSet({
      stackName: this.stackName,
      changeSetName: this.changeSetName,
      type,
      templateBody: toJson(rendered.template),
      parameters: rendered.parameters.map(({ key, value }) => ({ key, value })),
      clientToken: this.token,
      tags: { 'gantry:deployment': deployment.id },
    });
    await this.context.log.info(
      'cloudformation',
      `Created ${type} change set ${this.changeSetName} for ${this.stackName}.`,
    );
  }

  /** Waits for the change set; stores its changes. */
  private async awaitChangeSet(): Promise<'ready' | 'no-changes'> {
    const deadline = Date.now() + this.settings.busyStackTimeoutSeconds * 1000;
    for (let polls = 0; ; polls++) {
      if (Date.now() > deadline) {
        throw new DomainError(
          'stack_busy',
          `Change set ${this.changeSetName} was not ready after ${this.settings.busyStackTimeoutSeconds} s.`,
        );
      }
      // CloudFormation needs a moment to compute a change set; asking at once only costs a call.
      await sleep(pollDelayMs(polls, this.settings.pollMinMs, this.settings.pollMaxMs));
      const changeSet = await this.context.cloudformation.describeChangeSet(
        this.stackName,
        this.changeSetName,
      );
      if (!changeSet) throw new Error(`Change set ${this.changeSetName} disappeared`);
      if (changeSet.Status === 'FAILED') {
        if (NO_CHANGES.test(changeSet.StatusReason ?? '')) return 'no-changes';
        throw new DomainError(
          'render_check_failed',
          `CloudFormation refused the change set: ${changeSet.StatusReason ?? 'no reason given'}`,
        );
      }
      if (changeSet.Status === 'CREATE_COMPLETE') {
        const changes: ResourceChange[] = changeSet.Changes.map((change) => ({
          action: change.ResourceChange?.Action ?? 'Unknown',
          logicalId: change.ResourceChange?.LogicalResourceId ?? '',
          resourceType: change.ResourceChange?.ResourceType ?? '',
          replacement: change.ResourceChange?.Replacement ?? null,
        }));
        await this.runs.updateTarget(this.context.target, {
          changes,
        });
        const summary = changes
          .map(
            (c) => `${c.action} ${c.logicalId}${c.replacement === 'True' ? ' (replacement)' : ''}`,
          )
          .join(', ');
        await this.context.log.info(
          'cloudformation',
          `Change set ready: ${summary || 'no resource changes'}.`,
        );
        return 'ready';
      }
    }
  }

  private async noChanges(): Promise<TargetOutcome> {
    await this.context.log.info(
      'cloudformation',
      `No changes: stack ${this.stackName} already matches this release.`,
    );
    await this.context.cloudformation
      .deleteChangeSet(this.stackName, this.changeSetName)
      .catch(() => undefined);
    const stack = await this.context.cloudformation.describeStack(this.stackName);
    await storeOutputs(this.context, this.runs, stack?.Outputs);
    return { status: 'no-changes' };
  }

  private async execute(): Promise<void> {
    const operationStartedAt = new Date();
    await this.runs.updateTarget(this.context.target, {
      status: 'executing',
      operationStartedAt,
    });
    this.context.target.operationStartedAt = operationStartedAt;
    this.context.target.status = 'executing';
    await this.context.cloudformation.executeChangeSet(
      this.stackName,
      this.changeSetName,
      this.token,
    );
    await this.context.log.info('cloudformation', `Executing change set ${this.changeSetName}.`);
  }

  private async awaitOperation(): Promise<TargetOutcome> {
    const watcher = new OperationWatcher(this.context, this.runs, this.settings, this.token);
    const watched = await watcher.watch();
    return operationOutcomeOf(this.context, this.runs, this.settings.timeoutSeconds, {
      ...watched,
      events: watcher.events,
      essentialContainers: this.essentialContainers,
      verifyService: this.kind.verifyService,
    });
  }

  private async waitUntil(done: () => Promise<boolean>, deadline: number): Promise<void> {
    for (let polls = 0; !(await done()); polls++) {
      if (Date.now() > deadline)
        throw new DomainError('stack_busy', `Stack ${this.stackName} did not settle in time.`);
      await sleep(pollDelayMs(polls, this.settings.pollMinMs, this.settings.pollMaxMs));
    }
  }
}
