import { Injectable } from '@nestjs/common';
import type { TargetOutcome } from '@gantry/domain';
import { RenderInputLoader } from '../render-input.loader';
import { TargetDeployment } from '../runner/target-deployment';
import type { StepExecutor, StepRunContext } from './step-executor';

/** `ecs-service`: renders the step's stack and deploys it through a change set, per target. */
@Injectable()
export class EcsServiceExecutor implements StepExecutor {
  readonly kind = 'ecs-service';

  constructor(private readonly loader: RenderInputLoader) {}

  run(context: StepRunContext): Promise<TargetOutcome> {
    if (!context.target) throw new Error('An ecs-service step runs on targets');
    return new TargetDeployment(context.target, context.runs, this.loader, context.settings).run();
  }
}
