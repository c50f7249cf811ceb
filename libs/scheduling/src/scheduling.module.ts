import { Module } from '@nestjs/common';
import { DeploymentScheduler } from './deployment-scheduler';
import { DeploymentWriter } from './deployment-writer';
import { FreezeGate } from './freeze-gate';
import { SchedulingContextLoader } from './scheduling-context.loader';
import { StackQueue } from './stack-queue';
import { InterventionDecisions } from './intervention-decisions';

/** Deployment scheduling, shared by the API and the worker (which schedules after a success). */
@Module({
  providers: [
    DeploymentScheduler,
    DeploymentWriter,
    SchedulingContextLoader,
    StackQueue,
    FreezeGate,
    InterventionDecisions,
  ],
  exports: [
    DeploymentScheduler,
    SchedulingContextLoader,
    StackQueue,
    FreezeGate,
    InterventionDecisions,
  ],
})
export class SchedulingModule {}
