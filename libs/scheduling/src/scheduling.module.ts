import { Module } from '@nestjs/common';
import { DeploymentScheduler } from './deployment-scheduler';
import { DeploymentWriter } from './deployment-writer';
import { SchedulingContextLoader } from './scheduling-context.loader';

/** Deployment scheduling, shared by the API and the worker (which schedules after a success). */
@Module({
  providers: [DeploymentScheduler, DeploymentWriter, SchedulingContextLoader],
  exports: [DeploymentScheduler, SchedulingContextLoader],
})
export class SchedulingModule {}
