import {
  CancelUpdateStackCommand,
  Capability,
  CloudFormationClient,
  Change,
  ContinueUpdateRollbackCommand,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeChangeSetOutput,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  Stack,
  StackEvent,
} from '@aws-sdk/client-cloudformation';
import type { AwsCaller, CallOptions } from '../aws/aws-caller';
import type { AwsClients } from '../aws/aws-clients';
import type { AwsBatchers } from './aws-batchers';

export interface ChangeSetRequest {
  stackName: string;
  changeSetName: string;
  type: 'CREATE' | 'UPDATE';
  templateBody: string;
  parameters: { key: string; value: string }[];
  clientToken: string;
  tags: Record<string, string>;
}

const MAX_EVENT_PAGES = 20;

/** The CloudFormation calls a deployment makes, each through the shared limiter and retries. */
export class CloudFormationGateway {
  constructor(
    private readonly clients: AwsClients & Partial<AwsBatchers>,
    private readonly caller: AwsCaller,
    private readonly callOptions: CallOptions = {},
  ) {}

  private send<T>(
    action: string,
    invoke: (client: CloudFormationClient) => Promise<T>,
    { followUp = false }: { followUp?: boolean } = {},
  ): Promise<T> {
    return this.caller.call(
      this.clients.limiterKey,
      action,
      () => invoke(this.clients.cloudformation),
      { ...this.callOptions, followUp },
    );
  }

  /**
   * The stack, or null when it does not exist. Pooled clients answer through their stack poller,
   * sharing the call with the other deployments of the account and region.
   */
  async describeStack(
    stackName: string,
    { followUp = false }: { followUp?: boolean } = {},
  ): Promise<Stack | null> {
    if (this.clients.stackPoller)
      return this.clients.stackPoller.describe(stackName, { ...this.callOptions, followUp });
    try {
      const output = await this.send<{ Stacks?: Stack[] }>(
        'DescribeStacks',
        (client) => client.send(new DescribeStacksCommand({ StackName: stackName })),
        { followUp },
      );
      return output.Stacks?.[0] ?? null;
    } catch (error) {
      if (/does not exist/.test((error as Error).message)) return null;
      throw error;
    }
  }

  /**
   * Follows a running operation: the stack as soon as its status is other than `status` (null:
   * absent), or as a look finds it after `maxWaitMs`. Pooled clients follow through their stack
   * poller, which looks at every stack followed in the account and region at a steady pace; a
   * lone client waits `maxWaitMs`, then looks.
   */
  async followStack(
    stackName: string,
    status: string | null,
    maxWaitMs: number,
  ): Promise<Stack | null> {
    if (this.clients.stackPoller)
      return this.clients.stackPoller.follow(stackName, status, maxWaitMs, {
        ...this.callOptions,
        followUp: true,
      });
    await new Promise((resolve) => setTimeout(resolve, maxWaitMs));
    return this.describeStack(stackName, { followUp: true });
  }

  /** The change set with all its changes, or null when there is none by that name. */
  async describeChangeSet(
    stackName: string,
    changeSetName: string,
    includePropertyValues?: boolean,
  ): Promise<(DescribeChangeSetOutput & { Changes: Change[] }) | null> {
    const changes: Change[] = [];
    let next: string | undefined;
    let first: DescribeChangeSetOutput | undefined;
    try {
      do {
        const page: DescribeChangeSetOutput = await this.send('DescribeChangeSet', (client) =>
          client.send(
            new DescribeChangeSetCommand({
              StackName: stackName,
              ChangeSetName: changeSetName,
              NextToken: next,
              IncludePropertyValues: includePropertyValues,
            }),
          ),
        );
        first ??= page;
        changes.push(...(page.Changes ?? []));
        next = page.NextToken;
      } while (next);
    } catch (error) {
      const e = error as Error;
      if (
        e.name === 'ChangeSetNotFoundException' ||
        e.name === 'ChangeSetNotFound' ||
        /does not exist/.test(e.message)
      )
        return null;
      throw error;
    }
    return { ...first, Changes: changes };
  }

  async createChangeSet(request: ChangeSetRequest): Promise<void> {
    await this.send('CreateChangeSet', (client) =>
      client.send(
        new CreateChangeSetCommand({
          StackName: request.stackName,
          ChangeSetName: request.changeSetName,
          ChangeSetType: request.type,
          TemplateBody: request.templateBody,
          Parameters: request.parameters.map((parameter) => ({
            ParameterKey: parameter.key,
            ParameterValue: parameter.value,
          })),
          Capabilities: [Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM],
          ClientToken: request.clientToken,
          Tags: Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      ),
    );
  }

  async executeChangeSet(stackName: string, changeSetName: string, token: string): Promise<void> {
    await this.send('ExecuteChangeSet', (client) =>
      client.send(
        new ExecuteChangeSetCommand({
          StackName: stackName,
          ChangeSetName: changeSetName,
          ClientRequestToken: token,
        }),
      ),
    );
  }

  async deleteChangeSet(stackName: string, changeSetName: string): Promise<void> {
    await this.send('DeleteChangeSet', (client) =>
      client.send(
        new DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }),
      ),
    );
  }

  async deleteStack(stackName: string, token: string): Promise<void> {
    await this.send('DeleteStack', (client) =>
      client.send(new DeleteStackCommand({ StackName: stackName, ClientRequestToken: token })),
    );
  }

  async cancelUpdate(stackName: string, token: string): Promise<void> {
    await this.send('CancelUpdateStack', (client) =>
      client.send(
        new CancelUpdateStackCommand({ StackName: stackName, ClientRequestToken: token }),
      ),
    );
  }

  async continueRollback(stackName: string, token: string): Promise<void> {
    await this.send('ContinueUpdateRollback', (client) =>
      client.send(
        new ContinueUpdateRollbackCommand({ StackName: stackName, ClientRequestToken: token }),
      ),
    );
  }

  /**
   * Events newer than `lastEventId`, oldest first. Pages (newest first) stop at the last event
   * already seen, or at the first event `isCurrent` says belongs to an earlier operation.
   */
  async eventsSince(
    stackName: string,
    lastEventId: string | null,
    isCurrent: (event: StackEvent) => boolean,
  ): Promise<StackEvent[]> {
    const fresh: StackEvent[] = [];
    let next: string | undefined;
    for (let page = 0; page < MAX_EVENT_PAGES; page++) {
      const output: { StackEvents?: StackEvent[]; NextToken?: string } = await this.send(
        'DescribeStackEvents',
        (client) =>
          client.send(new DescribeStackEventsCommand({ StackName: stackName, NextToken: next })),
        { followUp: true },
      );
      for (const event of output.StackEvents ?? []) {
        if ((lastEventId && event.EventId === lastEventId) || !isCurrent(event))
          return fresh.reverse();
        fresh.push(event);
      }
      next = output.NextToken;
      if (!next) break;
    }
    return fresh.reverse();
  }
}
