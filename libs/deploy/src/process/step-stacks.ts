import { DomainError, type ProcessStep } from '@gantry/domain';
import { SERVICE_STACK, type StackKind } from '../runner/target-deployment';
import { RUN_TASK_STACK } from './ecs-run-task.executor';

/** The step kinds that deploy a stack of their own, and how each renders it. */
const STEP_STACKS: Readonly<Record<string, StackKind>> = {
  'ecs-service': SERVICE_STACK,
  'ecs-run-task': RUN_TASK_STACK,
};

/** How a step's stack renders; a 422 naming the step when its kind deploys no stack (nothing to export). */
export function stepStack(step: Pick<ProcessStep, 'slug' | 'kind'>): StackKind {
  const stack = STEP_STACKS[step.kind];
  if (!stack)
    throw new DomainError(
      'render_check_failed',
      `Step '${step.slug}' is a ${step.kind} step: it deploys no stack, so it has no template.`,
      [{ path: 'step', message: `'${step.slug}' is a ${step.kind} step` }],
    );
  return stack;
}
