import { ManualInterventionStep } from './runner/manual-intervention-step';
import { ChangePreview } from './change-preview';
import { DynamicModule, Module } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS_CONNECTION } from '@gantry/queue';
import { SchedulingModule } from '@gantry/scheduling';
import { AwsCaller } from './aws/aws-caller';
import { RateLimit, RedisRateLimiter } from './aws/rate-limiter';
import { RenderInputLoader } from './render-input.loader';
import { EcsRunTaskExecutor } from './process/ecs-run-task.executor';
import { EcsServiceExecutor } from './process/ecs-service.executor';
import { EcsUpdateServiceExecutor } from './process/ecs-update-service.executor';
import { ManualInterventionExecutor } from './process/manual-intervention.executor';
import { STEP_EXECUTORS, type StepExecutor } from './process/step-executor';

/**
 * The executor of every step kind, resolved by `kind`. Adding a kind: its executor class here
 * (it is injected and listed); see libs/deploy/src/process/step-executor.ts.
 */
const EXECUTORS = [
  EcsServiceExecutor,
  EcsRunTaskExecutor,
  EcsUpdateServiceExecutor,
  ManualInterventionExecutor,
];
import { DeploymentRunner } from './runner/deployment-runner';
import { RUNNER_SETTINGS, RunnerSettings } from './runner/runner-settings';
import { RetentionService } from './retention.service';
import { TargetProbe } from './target-probe';

export interface DeploySettings {
  runner: RunnerSettings;
  rateLimit: RateLimit;
  queuePrefix: string;
  /** How long an AWS call retries network failures before its deployment fails. */
  unreachableSeconds: number;
}

/** The deployment runner and what it needs: AWS access through one shared rate limiter. */
@Module({})
export class DeployModule {
  static forRoot(settings: DeploySettings): DynamicModule {
    return {
      module: DeployModule,
      imports: [SchedulingModule],
      providers: [
        { provide: RUNNER_SETTINGS, useValue: settings.runner },
        {
          provide: AwsCaller,
          useFactory: (redis: Redis) =>
            new AwsCaller(
              new RedisRateLimiter(redis, settings.queuePrefix, settings.rateLimit),
              {},
              { unreachableSeconds: settings.unreachableSeconds },
            ),
          inject: [REDIS_CONNECTION],
        },
        RenderInputLoader,
        ...EXECUTORS,
        {
          provide: STEP_EXECUTORS,
          useFactory: (...executors: StepExecutor[]) => executors,
          inject: EXECUTORS,
        },
        DeploymentRunner,
        ManualInterventionStep,
        TargetProbe,
        ChangePreview,
        RetentionService,
      ],
      exports: [
        ChangePreview,
        DeploymentRunner,
        ManualInterventionStep,
        RenderInputLoader,
        AwsCaller,
        TargetProbe,
        RetentionService,
        RUNNER_SETTINGS,
        SchedulingModule,
      ],
    };
  }
}
