import { Injectable } from '@nestjs/common';
import {
  RUN_TASK_MAX_TIMEOUT_SECONDS,
  runTaskClientToken,
  runTaskStartedBy,
  stepBody,
  type EcsRunTaskStep,
  type TargetOutcome,
} from '@gantry/domain';
import { renderRunTaskStack } from '@gantry/render';
import { RenderInputLoader } from '../render-input.loader';
import { TargetDeployment, type StackKind } from '../runner/target-deployment';
import { OneOffTask, TASK_RUNNING, TASK_STARTING } from './one-off-task';
import type { StepExecutor, StepRunContext } from './step-executor';
import { targetRecorder } from './target-recorder';

/** An ecs-run-task step's stack: its task definition; nothing to verify in ECS once it completed. */
export const RUN_TASK_STACK: StackKind = {
  async render(loader, request) {
    const input = await loader.loadStep(request);
    const body = stepBody(input.step) as EcsRunTaskStep;
    const rendered = renderRunTaskStack({
      project: input.project,
      step: { slug: input.step.slug, name: input.step.name },
      release: { ...input.release, images: input.images, body },
      environment: input.environment,
      tenant: input.tenant,
      channel: input.channel,
      target: input.target,
      variables: input.variables,
      stackName: input.stackName,
      deploymentId: input.deploymentId,
    });
    return {
      rendered,
      essentialContainers: body.containers.filter((c) => c.essential).map((c) => c.name),
    };
  },
  verifyService: false,
};

/**
 * `ecs-run-task`: deploys the step's task definition stack on the target (a change set, as for a
 * service), then runs the task once (RunTask with a client token derived from the deployment,
 * step and target, `startedBy` naming the deployment) and waits for it: success only when every
 * essential container exited 0. A worker that died re-attaches to the recorded task.
 */
@Injectable()
export class EcsRunTaskExecutor implements StepExecutor {
  readonly kind = 'ecs-run-task';

  constructor(private readonly loader: RenderInputLoader) {}

  async run(context: StepRunContext): Promise<TargetOutcome> {
    const target = context.target;
    if (!target) throw new Error('An ecs-run-task step runs on targets');
    const row = target.target;
    const body = stepBody(context.step) as EcsRunTaskStep;
    if (row.status !== TASK_STARTING && row.status !== TASK_RUNNING) {
      const stack = await new TargetDeployment(
        target,
        context.runs,
        this.loader,
        context.settings,
        RUN_TASK_STACK,
      ).run();
      if (stack.status !== 'succeeded' && stack.status !== 'no-changes') return stack;
      const described = await target.cloudformation.describeStack(row.stackName);
      row.outputs = Object.fromEntries(
        (described?.Outputs ?? []).map((output) => [
          output.OutputKey ?? '',
          output.OutputValue ?? '',
        ]),
      );
    }
    const outputs = row.outputs ?? {};
    const taskDefinitionArn = outputs.TaskDefinitionArn;
    if (!taskDefinitionArn)
      return { status: 'failed', error: `Stack ${row.stackName} has no TaskDefinitionArn output.` };
    const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);
    const timeoutSeconds = Math.min(
      body.timeoutSeconds ?? context.settings.timeoutSeconds,
      RUN_TASK_MAX_TIMEOUT_SECONDS,
    );
    return new OneOffTask(target, targetRecorder(context.runs, row), context.settings).run({
      taskDefinitionArn,
      family: row.stackName,
      subnets: list(outputs.Subnets),
      securityGroups: list(outputs.SecurityGroups),
      assignPublicIp: outputs.AssignPublicIp === 'ENABLED',
      essentialContainers: body.containers.filter((c) => c.essential).map((c) => c.name),
      clientToken: runTaskClientToken(context.deployment.id, context.step.slug, row.targetId),
      startedBy: runTaskStartedBy(context.deployment.id),
      timeoutSeconds,
      deploymentId: context.deployment.id,
    });
  }
}
