import { validationError } from './cfn-error';
import { str, templateBody, type Input } from './cfn-input';
import type { ResourceRecord, Stack } from './cfn-types';
import { exportsOf } from './exports';
import { maskedParameters } from './parameters';
import type { StackActions } from './stack-actions';
import { parseTemplate } from './template-parser';
import { requiredCapabilities, validateTemplate } from './template-plan';

const PAGE = 100;

function stackShape(s: Stack): Input {
  return {
    StackId: s.StackId,
    StackName: s.StackName,
    ChangeSetId: s.ChangeSetId,
    Description: s.Description,
    Parameters: maskedParameters(s.parameters, s.noEcho),
    CreationTime: s.CreationTime,
    DeletionTime: s.DeletionTime,
    LastUpdatedTime: s.LastUpdatedTime,
    RollbackConfiguration: {},
    StackStatus: s.StackStatus,
    StackStatusReason: s.StackStatusReason,
    DisableRollback: s.disableRollback,
    NotificationARNs: [],
    Capabilities: s.capabilities,
    Outputs: s.outputs,
    Tags: s.tags,
    EnableTerminationProtection: s.terminationProtection === true,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

const decodeToken = (token: unknown): number | undefined =>
  typeof token === 'string' && token ? Number(Buffer.from(token, 'base64').toString()) : undefined;
const encodeToken = (n: number): string => Buffer.from(String(n)).toString('base64');

/** One page of 100 from a `NextToken` position, and the token of the next page. */
function pageOf<T>(all: T[], token: unknown): { items: T[]; next?: string } {
  const start = decodeToken(token) ?? 0;
  const next = start + PAGE < all.length ? encodeToken(start + PAGE) : undefined;
  return { items: all.slice(start, start + PAGE), next };
}

/** What ListStackResources and DescribeStackResource(s) say about one resource. */
function resourceSummary(r: ResourceRecord): Input {
  return {
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: r.physicalId || undefined,
    ResourceType: r.type,
    ResourceStatus: r.status,
    ResourceStatusReason: r.statusReason,
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
}

/** CloudFormation's read actions. */
export class StackQueries {
  constructor(private readonly actions: StackActions) {}

  private get state() {
    return this.actions.rt.state;
  }

  describeStacks(region: string, input: Input): Input {
    const ref = str(input.StackName);
    if (ref)
      return { Stacks: [stackShape(this.actions.findStack(region, ref, ref.startsWith('arn:')))] };
    const all = [...this.state.stackByName.entries()]
      .filter(([key]) => key.startsWith(`${region}/`))
      .map(([, id]) => this.state.stacks.get(id) as Stack);
    const start = decodeToken(input.NextToken) ?? 0;
    const next = start + PAGE < all.length ? encodeToken(start + PAGE) : undefined;
    return { Stacks: all.slice(start, start + PAGE).map(stackShape), NextToken: next };
  }

  /** Newest first; a NextToken names the absolute position to continue from, so new events do not shift pages. */
  describeStackEvents(region: string, input: Input): Input {
    const ref = str(input.StackName);
    const stack = this.actions.findStack(region, ref, ref?.startsWith('arn:'));
    const from = decodeToken(input.NextToken) ?? stack.events.length;
    const end = Math.max(0, from - PAGE);
    const StackEvents = stack.events.slice(end, from).reverse();
    return { StackEvents, NextToken: end > 0 ? encodeToken(end) : undefined };
  }

  describeStackResources(region: string, input: Input): Input {
    let stack: Stack | undefined;
    const physical = str(input.PhysicalResourceId);
    if (physical) {
      stack = [...this.state.stacks.values()].find((s) =>
        Object.values(s.resources).some((r) => r.physicalId === physical),
      );
      if (!stack) throw validationError(`Stack for ${physical} does not exist`);
    } else {
      const ref = str(input.StackName);
      stack = this.actions.findStack(region, ref, ref?.startsWith('arn:'));
    }
    const logical = str(input.LogicalResourceId);
    const s = stack;
    const StackResources = Object.values(s.resources)
      .filter((r) => !logical || r.logicalId === logical)
      .map((r) => ({
        StackName: s.StackName,
        StackId: s.StackId,
        ...resourceSummary(r),
        Timestamp: r.timestamp,
      }));
    return { StackResources };
  }

  /** https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ListStackResources.html */
  listStackResources(region: string, input: Input): Input {
    const ref = str(input.StackName);
    const stack = this.actions.findStack(region, ref, ref?.startsWith('arn:'));
    const { items, next } = pageOf(Object.values(stack.resources), input.NextToken);
    const StackResourceSummaries = items.map((r) => ({
      ...resourceSummary(r),
      LastUpdatedTimestamp: r.timestamp,
    }));
    return { StackResourceSummaries, NextToken: next };
  }

  /** https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackResource.html */
  describeStackResource(region: string, input: Input): Input {
    const ref = str(input.StackName);
    const stack = this.actions.findStack(region, ref, ref?.startsWith('arn:'));
    const logical = str(input.LogicalResourceId) ?? '';
    const r = stack.resources[logical];
    if (!r)
      throw validationError(`Resource ${logical} does not exist for stack ${stack.StackName}`);
    return {
      StackResourceDetail: {
        StackName: stack.StackName,
        StackId: stack.StackId,
        ...resourceSummary(r),
        LastUpdatedTimestamp: r.timestamp,
      },
    };
  }

  /** https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ListExports.html */
  listExports(region: string, input: Input): Input {
    const { items, next } = pageOf(exportsOf(this.state, region), input.NextToken);
    return { Exports: items, NextToken: next };
  }

  listStacks(region: string, input: Input): Input {
    const filter = Array.isArray(input.StackStatusFilter)
      ? (input.StackStatusFilter as string[])
      : [];
    const all = [...this.state.stacks.values()]
      .filter((s) => s.region === region && (filter.length === 0 || filter.includes(s.StackStatus)))
      .reverse();
    const { items, next } = pageOf(all, input.NextToken);
    const StackSummaries = items.map((s) => ({
      StackId: s.StackId,
      StackName: s.StackName,
      TemplateDescription: s.Description,
      CreationTime: s.CreationTime,
      LastUpdatedTime: s.LastUpdatedTime,
      DeletionTime: s.DeletionTime,
      StackStatus: s.StackStatus,
      StackStatusReason: s.StackStatusReason,
      DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
    }));
    return { StackSummaries, NextToken: next };
  }

  getTemplate(region: string, input: Input): Input {
    const changeSetName = str(input.ChangeSetName);
    if (changeSetName) {
      const cs = [...this.state.changeSets.values()].find(
        (c) =>
          c.ChangeSetId === changeSetName ||
          (c.ChangeSetName === changeSetName && c.StackName === input.StackName),
      );
      if (!cs) throw validationError(`ChangeSet [${changeSetName}] does not exist`);
      return { TemplateBody: cs.templateBody, StagesAvailable: ['Original', 'Processed'] };
    }
    const ref = str(input.StackName);
    const stack = this.actions.findStack(region, ref, ref?.startsWith('arn:'));
    return { TemplateBody: stack.templateBody, StagesAvailable: ['Original', 'Processed'] };
  }

  validateTemplate(_region: string, input: Input): Input {
    const body = templateBody(input);
    if (!body) throw validationError('Either Template URL or Template Body must be specified.');
    const template = parseTemplate(body);
    validateTemplate(template);
    const capabilities = requiredCapabilities(template);
    return {
      Parameters: Object.entries(template.Parameters ?? {}).map(([key, p]) => ({
        ParameterKey: key,
        DefaultValue: p.Default === undefined ? undefined : String(p.Default),
        NoEcho: p.NoEcho === true || p.NoEcho === 'true',
        Description: p.Description,
      })),
      Description: template.Description,
      Capabilities: capabilities,
      CapabilitiesReason: capabilities.length
        ? 'The following resource(s) require capabilities: [AWS::IAM::Role]'
        : undefined,
      DeclaredTransforms: [],
    };
  }

  /** What `aws cloudformation deploy` asks before an update: parameters, capabilities, types. */
  getTemplateSummary(region: string, input: Input): Input {
    const ref = str(input.StackName);
    const body = ref
      ? this.actions.findStack(region, ref, ref.startsWith('arn:')).templateBody
      : templateBody(input);
    if (!body) throw validationError('Either Template URL or Template Body must be specified.');
    const template = parseTemplate(body);
    validateTemplate(template);
    const summary = this.validateTemplate(region, { TemplateBody: body });
    return {
      ...summary,
      Parameters: Object.entries(template.Parameters ?? {}).map(([key, p]) => ({
        ParameterKey: key,
        DefaultValue: p.Default === undefined ? undefined : String(p.Default),
        ParameterType: p.Type,
        NoEcho: p.NoEcho === true || p.NoEcho === 'true',
        Description: p.Description,
        ParameterConstraints: { AllowedValues: p.AllowedValues?.map(String) ?? [] },
      })),
      ResourceTypes: [...new Set(Object.values(template.Resources ?? {}).map((r) => r.Type))],
      Version: template.AWSTemplateFormatVersion,
      DeclaredTransforms: [],
      ResourceIdentifierSummaries: [],
    };
  }
}
