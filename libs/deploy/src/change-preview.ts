import { randomBytes } from 'node:crypto';
import type { Change } from '@aws-sdk/client-cloudformation';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, maskSecrets } from '@gantry/domain';
import { TargetsRepository } from '@gantry/persistence';
import { renderStack, toJson, type RenderInput } from '@gantry/render';
import { AwsCaller } from './aws/aws-caller';
import { createAwsClients } from './aws/aws-clients';
import { CloudFormationGateway } from './gateways/cloudformation.gateway';
import { RUNNER_SETTINGS, RunnerSettings } from './runner/runner-settings';
import { sleep } from './runner/target-context';

/** One changed value of a resource, as CloudFormation's change set names it. */
export interface PropertyChange {
  path: string;
  change: string;
  before?: string;
  after?: string;
}

export interface ResourceChangePreview {
  action: string;
  logicalId: string;
  resourceType: string;
  replacement: string | null;
  properties: PropertyChange[];
}

export interface ChangePreviewResult {
  stackName: string;
  /** False when the stack does not exist yet: every resource would be added. */
  stackExists: boolean;
  changes: ResourceChangePreview[];
}

const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;
const READY_TIMEOUT_MS = 60_000;
const POLL_MS = 250;

/**
 * What deploying a release there would change, before anything is deployed: a change set with
 * property values (created, read, then deleted; never executed). A stack that does not exist
 * yet is not created for this: every resource of the template would be added.
 */
@Injectable()
export class ChangePreview {
  constructor(
    private readonly targets: TargetsRepository,
    private readonly caller: AwsCaller,
    @Inject(RUNNER_SETTINGS) private readonly settings: RunnerSettings,
  ) {}

  async preview(input: RenderInput, stackName: string): Promise<ChangePreviewResult> {
    const rendered = renderStack(input);
    const secrets = rendered.parameters.filter((p) => p.noEcho).map((p) => p.value);
    const access = await this.targets.awsAccess(input.target.id);
    const cloudformation = new CloudFormationGateway(
      createAwsClients(access, this.settings.sandboxUrl),
      this.caller,
      { unreachableSeconds: 0 },
    );
    const stack = await cloudformation.describeStack(stackName);
    if (
      !stack ||
      stack.StackStatus === 'REVIEW_IN_PROGRESS' ||
      stack.StackStatus === 'ROLLBACK_COMPLETE'
    )
      return { stackName, stackExists: false, changes: allAdded(rendered.template) };
    const changeSetName = `gantry-diff-${randomBytes(6).toString('hex')}`;
    await cloudformation.createChangeSet({
      stackName,
      changeSetName,
      type: 'UPDATE',
      templateBody: toJson(rendered.template),
      parameters: rendered.parameters.map(({ key, value }) => ({ key, value })),
      clientToken: changeSetName,
      tags: {},
    });
    try {
      const changes = await this.awaitChanges(cloudformation, stackName, changeSetName);
      return {
        stackName,
        stackExists: true,
        changes: changes.map((change) => preview(change, secrets)),
      };
    } finally {
      await cloudformation.deleteChangeSet(stackName, changeSetName).catch(() => undefined);
    }
  }

  private async awaitChanges(
    cloudformation: CloudFormationGateway,
    stackName: string,
    changeSetName: string,
  ): Promise<Change[]> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      await sleep(POLL_MS);
      const changeSet = await cloudformation.describeChangeSet(stackName, changeSetName, true);
      if (changeSet?.Status === 'CREATE_COMPLETE') return changeSet.Changes;
      if (changeSet?.Status === 'FAILED') {
        if (NO_CHANGES.test(changeSet.StatusReason ?? '')) return [];
        throw new DomainError(
          'render_check_failed',
          `CloudFormation refused the change set: ${changeSet.StatusReason ?? 'no reason given'}`,
        );
      }
      if (Date.now() > deadline)
        throw new DomainError(
          'stack_busy',
          `Change set ${changeSetName} was not ready after 60 s.`,
        );
    }
  }
}

function preview(change: Change, secrets: string[]): ResourceChangePreview {
  const resource = change.ResourceChange ?? {};
  const hide = (value: string | undefined) =>
    value === undefined ? undefined : maskSecrets(value, secrets);
  return {
    action: resource.Action ?? 'Modify',
    logicalId: resource.LogicalResourceId ?? '',
    resourceType: resource.ResourceType ?? '',
    replacement: resource.Replacement ?? null,
    properties: (resource.Details ?? []).map(({ Target }) => ({
      path: Target?.Path ?? `/${Target?.Attribute ?? 'Properties'}/${Target?.Name ?? ''}`,
      change: Target?.AttributeChangeType ?? 'Modify',
      ...(Target?.BeforeValue === undefined ? {} : { before: hide(Target.BeforeValue) }),
      ...(Target?.AfterValue === undefined ? {} : { after: hide(Target.AfterValue) }),
    })),
  };
}

function allAdded(template: { Resources?: Record<string, { Type: string }> }) {
  return Object.entries(template.Resources ?? {}).map(([logicalId, resource]) => ({
    action: 'Add',
    logicalId,
    resourceType: resource.Type,
    replacement: null,
    properties: [],
  }));
}
