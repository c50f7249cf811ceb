import { Inject, Injectable } from '@nestjs/common';
import { TargetsRepository } from '@gantry/persistence';
import { AwsCaller } from './aws/aws-caller';
import { createAwsClients } from './aws/aws-clients';
import { ClusterCheck, EcsGateway } from './gateways/ecs.gateway';
import { RUNNER_SETTINGS, RunnerSettings } from './runner/runner-settings';

export interface TargetCheckResult extends ClusterCheck {
  target: { id: string; slug: string };
  region: string;
  cluster: string;
  endpoint: string | null;
  active: boolean;
}

/** Live checks of ECS cluster targets, and the sandbox cluster a `sandbox` target needs. */
@Injectable()
export class TargetProbe {
  constructor(
    private readonly targets: TargetsRepository,
    private readonly caller: AwsCaller,
    @Inject(RUNNER_SETTINGS) private readonly settings: RunnerSettings,
  ) {}

  /** Where a `sandbox` target without an endpoint sends its calls. */
  get sandboxEndpoint(): string {
    return this.settings.sandboxUrl;
  }

  /** DescribeClusters against the target: reachable, and ACTIVE? */
  async check(ref: string): Promise<TargetCheckResult> {
    const { access, ecs } = await this.connect(ref);
    const check = await ecs.checkCluster(access.cluster);
    return {
      target: { id: access.targetId, slug: access.slug },
      region: access.region,
      cluster: access.cluster,
      endpoint:
        access.endpoint ??
        (access.credentials.type === 'sandbox' ? this.settings.sandboxUrl : null),
      active: check.status === 'ACTIVE',
      ...check,
    };
  }

  /** For a `sandbox` target, creates its cluster in the sandbox when it does not exist. */
  async ensureSandboxCluster(ref: string): Promise<void> {
    const { access, ecs } = await this.connect(ref);
    if (access.credentials.type === 'sandbox') await ecs.ensureCluster(access.cluster);
  }

  private async connect(ref: string) {
    const access = await this.targets.awsAccess(ref);
    return {
      access,
      // A check answers at once: an endpoint that does not answer is the finding, not a reason to wait.
      ecs: new EcsGateway(createAwsClients(access, this.settings.sandboxUrl), this.caller, {
        unreachableSeconds: 0,
      }),
    };
  }
}
