import { arn } from '../ids';
import { CfnError, stackNotFound, validationError } from './cfn-error';
import {
  bool,
  checkStackName,
  inputParameters,
  list,
  str,
  tags,
  templateBody,
  type Input,
} from './cfn-input';
import type { Stack } from './cfn-types';
import { computeChanges, hasNoChanges } from './change-computation';
import { runCreate } from './stack-create';
import { runDelete } from './stack-delete';
import { isInProgress, setStackStatus } from './stack-events';
import { runUpdateRollback } from './stack-rollback';
import type { StackRuntime } from './stack-runtime';
import { runUpdate } from './stack-update';
import { checkCapabilities, planTemplate, type TemplatePlan } from './template-plan';

/**
 * The status an operation that cannot go on leaves. A create with rollback enabled never stays
 * CREATE_FAILED (only DisableRollback / OnFailure=DO_NOTHING does): it could not roll back either.
 */
function failedStatus(stack: Stack, status: string): string {
  return status === 'CREATE_FAILED' && !stack.disableRollback ? 'ROLLBACK_FAILED' : status;
}

/** CloudFormation's stack mutations; each starts a background operation and answers at once. */
export class StackActions {
  constructor(readonly rt: StackRuntime) {}

  findStack(region: string, ref: string | undefined, includeDeleted = false): Stack {
    if (!ref)
      throw validationError(
        "1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null",
      );
    const id = ref.startsWith('arn:') ? ref : this.rt.state.stackByName.get(`${region}/${ref}`);
    const stack = id ? this.rt.state.stacks.get(id) : undefined;
    if (!stack || (!includeDeleted && stack.StackStatus === 'DELETE_COMPLETE'))
      throw stackNotFound(ref);
    return stack;
  }

  /** UpdateStack and change sets word a missing stack `Stack [name] does not exist`. */
  findExisting(region: string, ref: string | undefined): Stack {
    try {
      return this.findStack(region, ref);
    } catch (error) {
      if (ref && error instanceof CfnError && error.message.startsWith('Stack with id'))
        throw validationError(`Stack [${ref}] does not exist`);
      throw error;
    }
  }

  newStack(region: string, name: string, input: Input, stackId = arn.stack(region, name)): Stack {
    const stack: Stack = {
      StackId: stackId,
      StackName: name,
      region,
      StackStatus: 'CREATE_IN_PROGRESS',
      CreationTime: new Date().toISOString(),
      templateBody: '',
      parameters: [],
      noEcho: [],
      capabilities: list<string>(input.Capabilities),
      tags: tags(input.Tags),
      outputs: [],
      resources: {},
      events: [],
      disableRollback: bool(input.DisableRollback) || input.OnFailure === 'DO_NOTHING',
      deleteOnFailure: input.OnFailure === 'DELETE',
      terminationProtection: bool(input.EnableTerminationProtection),
      operationTokens: [],
    };
    this.rt.state.stacks.set(stack.StackId, stack);
    this.rt.state.stackByName.set(`${region}/${name}`, stack.StackId);
    return stack;
  }

  /** After a restart from a state file: operations that were running cannot resume, so they fail. */
  markInterrupted(): void {
    const next: Record<string, string> = {
      CREATE_IN_PROGRESS: 'CREATE_FAILED',
      ROLLBACK_IN_PROGRESS: 'ROLLBACK_FAILED',
      DELETE_IN_PROGRESS: 'DELETE_FAILED',
      UPDATE_IN_PROGRESS: 'UPDATE_ROLLBACK_FAILED',
      UPDATE_ROLLBACK_IN_PROGRESS: 'UPDATE_ROLLBACK_FAILED',
      UPDATE_COMPLETE_CLEANUP_IN_PROGRESS: 'UPDATE_COMPLETE',
      UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS: 'UPDATE_ROLLBACK_COMPLETE',
    };
    for (const stack of this.rt.state.stacks.values()) {
      const status = next[stack.StackStatus];
      if (status)
        setStackStatus(
          stack,
          failedStatus(stack, status),
          'The sandbox restarted during the operation',
        );
    }
  }

  /** Runs an operation in the background; an unexpected error still leaves a final status. */
  run(stack: Stack, operation: () => Promise<void>): void {
    operation().then(
      () => this.rt.log(`sandbox: stack ${stack.StackName} ${stack.StackStatus}`),
      (error: unknown) => {
        this.rt.log(
          `sandbox: operation on ${stack.StackName} failed unexpectedly: ${String(error)}`,
        );
        if (isInProgress(stack.StackStatus))
          setStackStatus(
            stack,
            failedStatus(stack, stack.StackStatus.replace('_IN_PROGRESS', '_FAILED')),
            String(error),
          );
      },
    );
  }

  startOperation(stack: Stack, token: string | undefined): void {
    stack.clientRequestToken = token;
    if (token) stack.operationTokens.push(token);
  }

  createStack(region: string, input: Input): Input {
    const name = checkStackName(str(input.StackName));
    const token = str(input.ClientRequestToken);
    const existingId = this.rt.state.stackByName.get(`${region}/${name}`);
    if (existingId) {
      const existing = this.rt.state.stacks.get(existingId);
      if (token && existing?.operationTokens.includes(token)) return { StackId: existingId };
      throw new CfnError('AlreadyExistsException', `Stack [${name}] already exists`);
    }
    const body = templateBody(input) ?? '';
    const identity = { region, stackName: name, stackId: arn.stack(region, name) };
    const plan = planTemplate(body, inputParameters(input.Parameters), identity);
    checkCapabilities(plan.template, list<string>(input.Capabilities));
    const stack = this.newStack(region, name, input, identity.stackId);
    this.applyPlan(stack, body, plan);
    this.startOperation(stack, token);
    this.run(stack, () => runCreate(this.rt, stack, plan));
    return { StackId: stack.StackId };
  }

  applyPlan(stack: Stack, body: string, plan: TemplatePlan): void {
    stack.templateBody = body;
    stack.parameters = plan.parameters.stackParameters;
    stack.noEcho = plan.parameters.noEcho;
    stack.Description = plan.template.Description;
  }

  assertUpdatable(stack: Stack): void {
    const ok = ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE'].includes(
      stack.StackStatus,
    );
    if (!ok)
      throw validationError(
        `Stack:${stack.StackId} is in ${stack.StackStatus} state and can not be updated.`,
      );
  }

  updateStack(region: string, input: Input): Input {
    const ref = str(input.StackName);
    const stack = this.findExisting(region, ref);
    const token = str(input.ClientRequestToken);
    if (token && stack.operationTokens.includes(token)) return { StackId: stack.StackId };
    this.assertUpdatable(stack);
    const body = bool(input.UsePreviousTemplate) ? stack.templateBody : (templateBody(input) ?? '');
    const plan = planTemplate(
      body,
      inputParameters(input.Parameters),
      this.identity(stack),
      stack.parameters,
    );
    checkCapabilities(plan.template, list<string>(input.Capabilities));
    if (hasNoChanges(stack, plan, computeChanges(stack, plan)))
      throw validationError('No updates are to be performed.');
    this.beginUpdate(stack, body, plan, token);
    if (input.Capabilities !== undefined) stack.capabilities = list<string>(input.Capabilities);
    if (input.Tags !== undefined) stack.tags = tags(input.Tags);
    return { StackId: stack.StackId };
  }

  identity(stack: Stack): { region: string; stackName: string; stackId: string } {
    return { region: stack.region, stackName: stack.StackName, stackId: stack.StackId };
  }

  beginUpdate(
    stack: Stack,
    body: string,
    plan: TemplatePlan,
    token: string | undefined,
    after?: () => void,
  ): void {
    stack.previous = {
      templateBody: stack.templateBody,
      parameters: stack.parameters,
      noEcho: stack.noEcho,
      outputs: stack.outputs,
    };
    this.applyPlan(stack, body, plan);
    stack.LastUpdatedTime = new Date().toISOString();
    this.startOperation(stack, token);
    this.run(stack, async () => {
      await runUpdate(this.rt, stack, plan);
      after?.();
    });
  }

  deleteStack(region: string, input: Input): Input | undefined {
    const ref = str(input.StackName);
    let stack: Stack;
    try {
      stack = this.findStack(region, ref);
    } catch {
      return undefined;
    }
    if (stack.terminationProtection)
      throw validationError(
        `Stack [${stack.StackName}] cannot be deleted while TerminationProtection is enabled`,
      );
    if (stack.StackStatus === 'DELETE_IN_PROGRESS') return undefined;
    if (isInProgress(stack.StackStatus)) {
      throw validationError(
        `Stack [${stack.StackName}] cannot be deleted while in status ${stack.StackStatus}`,
      );
    }
    this.startOperation(stack, str(input.ClientRequestToken));
    this.run(stack, () => runDelete(this.rt, stack, list<string>(input.RetainResources)));
    return undefined;
  }

  /** https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_UpdateTerminationProtection.html */
  updateTerminationProtection(region: string, input: Input): Input {
    const stack = this.findStack(region, str(input.StackName));
    if (input.EnableTerminationProtection === undefined)
      throw validationError(
        "1 validation error detected: Value null at 'enableTerminationProtection' failed to satisfy constraint: Member must not be null",
      );
    stack.terminationProtection = bool(input.EnableTerminationProtection);
    return { StackId: stack.StackId };
  }

  cancelUpdateStack(region: string, input: Input): Input | undefined {
    const stack = this.findStack(region, str(input.StackName));
    if (stack.StackStatus !== 'UPDATE_IN_PROGRESS')
      throw validationError('CancelUpdateStack cannot be called from current stack status');
    stack.cancelRequested = true;
    return undefined;
  }

  continueUpdateRollback(region: string, input: Input): Input | undefined {
    const stack = this.findStack(region, str(input.StackName));
    if (stack.StackStatus !== 'UPDATE_ROLLBACK_FAILED') {
      throw validationError(
        `Stack ${stack.StackId} is in ${stack.StackStatus} state and can not continue update rollback.`,
      );
    }
    const skip = list<string>(input.ResourcesToSkip);
    for (const id of skip) {
      const failed = stack.resources[id]?.status === 'UPDATE_FAILED';
      if (!failed)
        throw validationError(
          `Resource [${id}] cannot be skipped: only resources in the UPDATE_FAILED state can be skipped during ContinueUpdateRollback.`,
        );
    }
    this.startOperation(stack, str(input.ClientRequestToken));
    setStackStatus(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', 'User Initiated');
    this.run(stack, () => runUpdateRollback(this.rt, stack, skip));
    return {};
  }
}
