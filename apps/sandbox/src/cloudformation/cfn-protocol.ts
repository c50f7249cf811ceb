import type { Ecs } from '../ecs/ecs';
import { uuid } from '../ids';
import type { Scheduler } from '../scheduler';
import type { SandboxState } from '../state';
import { CfnError } from './cfn-error';
import type { Input } from './cfn-input';
import { ChangeSetActions } from './change-set-actions';
import { errorXml, parseQuery, responseXml } from './query-protocol';
import { StackActions } from './stack-actions';
import { StackQueries } from './stack-queries';
import { StackRuntime } from './stack-runtime';

type Handler = (region: string, input: Input) => Input | undefined;

export interface XmlResponse {
  status: number;
  body: string;
}

/** The CloudFormation side of the sandbox: one query-protocol endpoint, many actions. */
export class CloudFormation {
  readonly stacks: StackActions;
  private readonly handlers: Record<string, Handler>;

  constructor(state: SandboxState, ecs: Ecs, scheduler: Scheduler, log: (line: string) => void) {
    this.stacks = new StackActions(new StackRuntime(state, ecs, scheduler, log));
    const queries = new StackQueries(this.stacks);
    const changeSets = new ChangeSetActions(this.stacks);
    const s = this.stacks;
    this.handlers = {
      CreateStack: (r, i) => s.createStack(r, i),
      UpdateStack: (r, i) => s.updateStack(r, i),
      DeleteStack: (r, i) => s.deleteStack(r, i),
      CancelUpdateStack: (r, i) => s.cancelUpdateStack(r, i),
      ContinueUpdateRollback: (r, i) => s.continueUpdateRollback(r, i),
      DescribeStacks: (r, i) => queries.describeStacks(r, i),
      DescribeStackEvents: (r, i) => queries.describeStackEvents(r, i),
      DescribeStackResources: (r, i) => queries.describeStackResources(r, i),
      DescribeStackResource: (r, i) => queries.describeStackResource(r, i),
      ListStackResources: (r, i) => queries.listStackResources(r, i),
      ListExports: (r, i) => queries.listExports(r, i),
      UpdateTerminationProtection: (r, i) => s.updateTerminationProtection(r, i),
      ListStacks: (r, i) => queries.listStacks(r, i),
      GetTemplate: (r, i) => queries.getTemplate(r, i),
      ValidateTemplate: (r, i) => queries.validateTemplate(r, i),
      GetTemplateSummary: (r, i) => queries.getTemplateSummary(r, i),
      CreateChangeSet: (r, i) => changeSets.createChangeSet(r, i),
      DescribeChangeSet: (r, i) => changeSets.describeChangeSet(r, i),
      ExecuteChangeSet: (r, i) => changeSets.executeChangeSet(r, i),
      DeleteChangeSet: (r, i) => changeSets.deleteChangeSet(r, i),
      ListChangeSets: (r, i) => changeSets.listChangeSets(r, i),
    };
  }

  /** The action of a query-protocol body, for counting and throttling before it runs. */
  static action(body: string): string {
    return new URLSearchParams(body).get('Action') ?? '';
  }

  handle(region: string, body: string): XmlResponse {
    const requestId = uuid();
    const input = parseQuery(body);
    const action = String(input.Action ?? '');
    const handler = this.handlers[action];
    if (!handler) {
      return {
        status: 400,
        body: errorXml(
          'InvalidAction',
          `Could not find operation ${action} for version 2010-05-15`,
          requestId,
        ),
      };
    }
    try {
      return { status: 200, body: responseXml(action, handler(region, input), requestId) };
    } catch (error) {
      if (error instanceof CfnError)
        return { status: error.status, body: errorXml(error.code, error.message, requestId) };
      const message = error instanceof Error ? error.message : String(error);
      return { status: 500, body: errorXml('InternalFailure', message, requestId, 'Receiver') };
    }
  }
}
