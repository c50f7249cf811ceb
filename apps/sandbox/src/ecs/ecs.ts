import type { Scheduler } from '../scheduler';
import type { SandboxState } from '../state';
import { DeploymentController } from './deployment-controller';
import type { EcsContext } from './ecs-context';

/** The ECS side of the sandbox: state, clock and the deployment controller. */
export class Ecs implements EcsContext {
  readonly controller: DeploymentController;

  constructor(
    readonly state: SandboxState,
    readonly scheduler: Scheduler,
  ) {
    this.controller = new DeploymentController(this);
  }

  /** After loading a state file: transitional tasks cannot resume, so they stop; services reconcile. */
  resume(): void {
    for (const task of this.state.tasks.values()) {
      if (task.lastStatus === 'STOPPED') continue;
      if (task.lastStatus === 'RUNNING' && task.desiredStatus === 'RUNNING') continue;
      task.desiredStatus = 'STOPPED';
      task.lastStatus = 'STOPPED';
      task.stoppedAt = Date.now();
      task.stoppedReason = task.stoppedReason ?? 'Task stopped because the sandbox restarted';
      task.stopCode = task.stopCode ?? 'ServiceSchedulerInitiated';
    }
    for (const service of this.state.services.values())
      this.controller.schedule(service.serviceArn);
  }
}
