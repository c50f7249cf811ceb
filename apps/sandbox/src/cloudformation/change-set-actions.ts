import { arn } from '../ids';
import { TIMINGS } from '../timings';
import { CfnError, validationError } from './cfn-error';
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
import type { ChangeSet, Stack } from './cfn-types';
import { computeChanges, hasNoChanges } from './change-computation';
import { maskedParameters } from './parameters';
import type { StackActions } from './stack-actions';
import { runCreate } from './stack-create';
import { setStackStatus } from './stack-events';
import { checkCapabilities, planTemplate } from './template-plan';

const NO_CHANGES =
  "The submitted information didn't contain changes. Submit different information to create a change set.";
const SUCCEEDED = ['CREATE_COMPLETE', 'UPDATE_COMPLETE'];

/** Change sets: created asynchronously (CREATE_PENDING → CREATE_COMPLETE or FAILED), executed once. */
export class ChangeSetActions {
  constructor(private readonly actions: StackActions) {}

  private get rt() {
    return this.actions.rt;
  }

  find(region: string, input: Input): ChangeSet {
    const ref = str(input.ChangeSetName) ?? '';
    let cs = ref.startsWith('arn:') ? this.rt.state.changeSets.get(ref) : undefined;
    if (!cs && !ref.startsWith('arn:')) {
      const stackRef = str(input.StackName);
      if (!stackRef)
        throw validationError(
          'StackName must be specified if ChangeSetName is not specified as an ARN.',
        );
      const stack = this.actions.findStack(region, stackRef);
      cs = [...this.rt.state.changeSets.values()].find(
        (c) => c.StackId === stack.StackId && c.ChangeSetName === ref,
      );
    }
    if (!cs) throw new CfnError('ChangeSetNotFound', `ChangeSet [${ref}] does not exist`, 404);
    return cs;
  }

  private stackFor(
    region: string,
    name: string,
    type: string,
    csName: string,
    input: Input,
    stackId: string,
  ): Stack {
    const id = this.rt.state.stackByName.get(`${region}/${name}`);
    const stack = id ? this.rt.state.stacks.get(id) : undefined;
    if (type === 'CREATE') {
      if (stack && stack.StackStatus !== 'REVIEW_IN_PROGRESS') {
        throw validationError(
          `Stack [${name}] already exists and cannot be created again with the changeSet [${csName}].`,
        );
      }
      if (stack) return stack;
      const fresh = this.actions.newStack(region, name, input, stackId);
      setStackStatus(fresh, 'REVIEW_IN_PROGRESS', 'User Initiated');
      return fresh;
    }
    if (!stack) throw validationError(`Stack [${name}] does not exist`);
    this.actions.assertUpdatable(stack);
    return stack;
  }

  createChangeSet(region: string, input: Input): Input {
    const name = str(input.ChangeSetName) ?? '';
    if (!/^[a-zA-Z][-a-zA-Z0-9]{0,127}$/.test(name)) {
      throw validationError(
        `1 validation error detected: Value '${name}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
      );
    }
    const type = (str(input.ChangeSetType) ?? 'UPDATE') as 'CREATE' | 'UPDATE';
    const stackRef = str(input.StackName);
    const stackName = stackRef?.startsWith('arn:')
      ? this.actions.findStack(region, stackRef).StackName
      : checkStackName(stackRef);
    const token = str(input.ClientToken);
    const existingStackId = this.rt.state.stackByName.get(`${region}/${stackName}`);
    const same = [...this.rt.state.changeSets.values()].find(
      (c) => c.StackId === existingStackId && c.ChangeSetName === name,
    );
    if (same) {
      if (token && same.clientToken === token)
        return { Id: same.ChangeSetId, StackId: same.StackId };
      throw new CfnError('AlreadyExistsException', `ChangeSet [${name}] already exists`);
    }
    const existing = existingStackId ? this.rt.state.stacks.get(existingStackId) : undefined;
    const body = bool(input.UsePreviousTemplate)
      ? (existing?.templateBody ?? '')
      : (templateBody(input) ?? '');
    const identity = {
      region,
      stackName,
      stackId: existing?.StackId ?? arn.stack(region, stackName),
    };
    const plan = planTemplate(
      body,
      inputParameters(input.Parameters),
      identity,
      existing?.parameters ?? [],
    );
    checkCapabilities(plan.template, list<string>(input.Capabilities));
    const stack = this.stackFor(region, stackName, type, name, input, identity.stackId);
    const cs: ChangeSet = {
      ChangeSetId: arn.changeSet(region, name),
      ChangeSetName: name,
      StackId: stack.StackId,
      StackName: stack.StackName,
      ChangeSetType: type,
      Status: 'CREATE_PENDING',
      ExecutionStatus: 'UNAVAILABLE',
      CreationTime: new Date().toISOString(),
      Description: str(input.Description),
      templateBody: body,
      parameters: plan.parameters.stackParameters,
      noEcho: plan.parameters.noEcho,
      capabilities: list<string>(input.Capabilities),
      tags: tags(input.Tags),
      changes: [],
      clientToken: token,
    };
    this.rt.state.changeSets.set(cs.ChangeSetId, cs);
    this.rt.scheduler.after(TIMINGS.changeSetCreation / 3, () => {
      if (cs.Status === 'CREATE_PENDING') cs.Status = 'CREATE_IN_PROGRESS';
    });
    this.rt.scheduler.after(TIMINGS.changeSetCreation, () => this.finishCreation(cs));
    return { Id: cs.ChangeSetId, StackId: cs.StackId };
  }

  private finishCreation(cs: ChangeSet): void {
    const stack = this.rt.state.stacks.get(cs.StackId);
    if (!stack || !this.rt.state.changeSets.has(cs.ChangeSetId)) return;
    try {
      const plan = planTemplate(
        cs.templateBody,
        cs.parameters,
        this.actions.identity(stack),
        stack.parameters,
      );
      const secrets = [...cs.parameters, ...stack.parameters]
        .filter((parameter) => cs.noEcho.includes(parameter.ParameterKey))
        .map((parameter) => parameter.ParameterValue);
      const deployed = cs.ChangeSetType === 'CREATE' ? undefined : stack;
      cs.changes = computeChanges(deployed, plan);
      cs.valueChanges = computeChanges(deployed, plan, {
        includePropertyValues: true,
        masked: secrets,
      });
      if (cs.ChangeSetType === 'UPDATE' && hasNoChanges(stack, plan, cs.changes)) {
        Object.assign(cs, {
          Status: 'FAILED',
          StatusReason: NO_CHANGES,
          ExecutionStatus: 'UNAVAILABLE',
        });
        return;
      }
      Object.assign(cs, { Status: 'CREATE_COMPLETE', ExecutionStatus: 'AVAILABLE' });
    } catch (error) {
      Object.assign(cs, {
        Status: 'FAILED',
        StatusReason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  describeChangeSet(region: string, input: Input): Input {
    const cs = this.find(region, input);
    return {
      ChangeSetName: cs.ChangeSetName,
      ChangeSetId: cs.ChangeSetId,
      StackId: cs.StackId,
      StackName: cs.StackName,
      Description: cs.Description,
      Parameters: maskedParameters(cs.parameters, cs.noEcho),
      CreationTime: cs.CreationTime,
      ExecutionStatus: cs.ExecutionStatus,
      Status: cs.Status,
      StatusReason: cs.StatusReason,
      NotificationARNs: [],
      RollbackConfiguration: {},
      Capabilities: cs.capabilities,
      Tags: cs.tags,
      Changes: (bool(input.IncludePropertyValues)
        ? (cs.valueChanges ?? cs.changes)
        : cs.changes
      ).map((c) => ({ Type: 'Resource', ResourceChange: c })),
      IncludeNestedStacks: false,
    };
  }

  listChangeSets(region: string, input: Input): Input {
    const stack = this.actions.findStack(region, str(input.StackName));
    const Summaries = [...this.rt.state.changeSets.values()]
      .filter((c) => c.StackId === stack.StackId)
      .map((c) => ({
        StackId: c.StackId,
        StackName: c.StackName,
        ChangeSetId: c.ChangeSetId,
        ChangeSetName: c.ChangeSetName,
        ExecutionStatus: c.ExecutionStatus,
        Status: c.Status,
        StatusReason: c.StatusReason,
        CreationTime: c.CreationTime,
        Description: c.Description,
      }));
    return { Summaries };
  }

  /** Runs a change set once; the same ClientRequestToken again is an idempotent success. */
  executeChangeSet(region: string, input: Input): Input {
    const cs = this.find(region, input);
    const token = str(input.ClientRequestToken);
    if (cs.ExecutionStatus !== 'AVAILABLE') {
      if (cs.executionToken !== undefined && cs.executionToken === token) return {};
      throw new CfnError(
        'InvalidChangeSetStatus',
        `ChangeSet [${cs.ChangeSetId}] cannot be executed in its current execution status of [${cs.ExecutionStatus}]`,
      );
    }
    const stack = this.actions.findStack(region, cs.StackId);
    if (cs.ChangeSetType === 'UPDATE') this.actions.assertUpdatable(stack);
    const plan = planTemplate(
      cs.templateBody,
      cs.parameters,
      this.actions.identity(stack),
      stack.parameters,
    );
    cs.ExecutionStatus = 'EXECUTE_IN_PROGRESS';
    cs.executionToken = token ?? '';
    stack.ChangeSetId = cs.ChangeSetId;
    stack.capabilities = cs.capabilities;
    stack.tags = cs.tags;
    if (bool(input.DisableRollback)) stack.disableRollback = true;
    for (const [id, other] of this.rt.state.changeSets)
      if (other.StackId === cs.StackId && other !== cs) this.rt.state.changeSets.delete(id);
    const settle = () => {
      cs.ExecutionStatus = SUCCEEDED.includes(stack.StackStatus)
        ? 'EXECUTE_COMPLETE'
        : 'EXECUTE_FAILED';
    };
    if (cs.ChangeSetType === 'CREATE') {
      this.actions.applyPlan(stack, cs.templateBody, plan);
      this.actions.startOperation(stack, token);
      this.actions.run(stack, async () => {
        await runCreate(this.rt, stack, plan);
        settle();
      });
    } else {
      this.actions.beginUpdate(stack, cs.templateBody, plan, token, settle);
    }
    return {};
  }

  deleteChangeSet(region: string, input: Input): Input {
    const cs = this.find(region, input);
    if (cs.ExecutionStatus === 'EXECUTE_IN_PROGRESS') {
      throw new CfnError(
        'InvalidChangeSetStatus',
        `Cannot delete ChangeSet in status ${cs.ExecutionStatus}`,
      );
    }
    this.rt.state.changeSets.delete(cs.ChangeSetId);
    return {};
  }
}
