import { Injectable } from '@nestjs/common';
import {
  builtInVariables,
  stepBody,
  updateServiceChanges,
  type EcsUpdateServiceStep,
  type TargetOutcome,
} from '@gantry/domain';
import { RenderInputLoader } from '../render-input.loader';
import { ServiceImageUpdate } from './service-image-update';
import type { StepExecutor, StepRunContext } from './step-executor';
import { targetRecorder } from './target-recorder';

/**
 * `ecs-update-service`: on every matching target, gives a service Gantry did not create a new
 * task definition revision with the release's images (every other field kept) and rolls it out,
 * putting the previous revision back when the rollout fails and ECS's circuit breaker did not.
 */
@Injectable()
export class EcsUpdateServiceExecutor implements StepExecutor {
  readonly kind = 'ecs-update-service';

  constructor(private readonly loader: RenderInputLoader) {}

  async run(context: StepRunContext): Promise<TargetOutcome> {
    const target = context.target;
    if (!target) throw new Error('An ecs-update-service step runs on targets');
    const { deployment } = context;
    const input = await this.loader.loadStep({
      releaseId: deployment.releaseId,
      stepSlug: context.step.slug,
      environmentId: deployment.environmentId,
      tenantId: deployment.tenantId,
      targetId: target.target.targetId,
      deploymentId: deployment.id,
    });
    const body = stepBody(context.step) as EcsUpdateServiceStep;
    const changes = updateServiceChanges(body, input.images, input.variables, {
      environmentId: input.environment.id,
      tenantId: input.tenant?.id ?? null,
      channelId: input.channel.id,
      targetId: input.target.id,
      builtIns: builtInVariables({
        environment: input.environment.name,
        tenant: input.tenant?.name ?? null,
        release: input.release.version,
        project: input.project.name,
        target: input.target.name,
        channel: input.channel.name,
      }),
    });
    target.ready();
    return new ServiceImageUpdate(
      target,
      targetRecorder(context.runs, target.target),
      context.settings,
    ).run({
      cluster: body.cluster ?? target.cluster,
      service: body.service,
      images: changes.images,
      environment: changes.environment ?? {},
      timeoutSeconds: context.settings.timeoutSeconds,
    });
  }
}
