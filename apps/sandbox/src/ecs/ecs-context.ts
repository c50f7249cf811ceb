import type { Scheduler } from '../scheduler';
import type { SandboxState } from '../state';

/** What every ECS part needs: the state and the one clock. */
export interface EcsContext {
  state: SandboxState;
  scheduler: Scheduler;
}
