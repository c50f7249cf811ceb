import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChangeSet, Stack } from './cloudformation/cfn-types';
import type { Cluster, RunTaskToken, Service, Task, TaskDefinition } from './ecs/ecs-types';

export interface LogGroup {
  logGroupName: string;
  arn: string;
  retentionInDays?: number;
  creationTime: number;
}

export interface Role {
  roleName: string;
  arn: string;
  roleId: string;
  path: string;
  assumeRolePolicyDocument: unknown;
  managedPolicyArns?: string[];
  /** Inline policies by name (documents kept, never evaluated). */
  policies?: { policyName: string; policyDocument: unknown }[];
}

/** A Cloud Map service (`AWS::ServiceDiscovery::Service`); no instances are registered. */
export interface DiscoveryService {
  id: string;
  arn: string;
  name: string;
  region: string;
  namespaceId?: string;
  description?: string;
  dnsConfig?: unknown;
  healthCheckCustomConfig?: unknown;
  createDate: number;
}

/** A Secrets Manager secret; its value is never shown by `GET /_sandbox/state`. */
export interface Secret {
  name: string;
  arn: string;
  region: string;
  description?: string;
  secretString: string;
  versionId: string;
  createdDate: number;
  lastChangedDate: number;
}

/** An Application Auto Scaling scheduled action, in the API's shape (`DescribeScheduledActions`). */
export interface ScheduledAction {
  ScheduledActionName: string;
  ScheduledActionARN: string;
  Schedule: string;
  Timezone?: string;
  StartTime?: number;
  EndTime?: number;
  ScalableTargetAction?: { MinCapacity?: number; MaxCapacity?: number };
  CreationTime: number;
}

/** An Application Auto Scaling scalable target of an ECS service's desired count. */
export interface ScalableTarget {
  /** `service/<cluster>/<service>|ecs:service:DesiredCount|ecs`, CloudFormation's `Ref`. */
  id: string;
  /** `arn:aws:application-autoscaling:<region>:<account>:scalable-target/<id>` (absent in older state files). */
  arn?: string;
  region: string;
  resourceId: string;
  scalableDimension: string;
  serviceNamespace: string;
  minCapacity: number;
  maxCapacity: number;
  roleArn?: string;
  /** Epoch seconds. */
  creationTime?: number;
  scheduledActions: ScheduledAction[];
  suspendedState?: unknown;
}

export interface ScalingPolicy {
  policyArn: string;
  policyName: string;
  region: string;
  scalableTargetId: string;
  policyType: string;
  configuration: unknown;
  /** Epoch seconds (absent in older state files). */
  creationTime?: number;
}

/** An SSM Parameter Store parameter; its value is never shown by `GET /_sandbox/state`. */
export interface SsmParameter {
  name: string;
  arn: string;
  region: string;
  type: 'String' | 'StringList' | 'SecureString';
  value: string;
  /** What GetParameter shows for a SecureString without `WithDecryption` (random, per version). */
  ciphertext?: string;
  version: number;
  dataType: string;
  description?: string;
  /** Epoch milliseconds. */
  lastModifiedDate: number;
}

/** Everything the sandbox knows. Maps keyed by ARN (stacks by id, with a name index). */
export class SandboxState {
  stacks = new Map<string, Stack>();
  /** Live (not deleted) stack id by `<region>/<name>`. */
  stackByName = new Map<string, string>();
  changeSets = new Map<string, ChangeSet>();
  clusters = new Map<string, Cluster>();
  taskDefinitions = new Map<string, TaskDefinition>();
  /** Last revision ever registered per `<region>/<family>`. */
  familyRevisions = new Map<string, number>();
  services = new Map<string, Service>();
  tasks = new Map<string, Task>();
  /** Task ARNs per service ARN, so a service's reconcile does not scan every task. */
  tasksByService = new Map<string, Set<string>>();
  /** RunTask client tokens by `<cluster ARN>/<token>` (a token is idempotent within a cluster). */
  runTaskTokens = new Map<string, RunTaskToken>();
  logGroups = new Map<string, LogGroup>();
  roles = new Map<string, Role>();
  secrets = new Map<string, Secret>();
  scalableTargets = new Map<string, ScalableTarget>();
  scalingPolicies = new Map<string, ScalingPolicy>();
  discoveryServices = new Map<string, DiscoveryService>();
  /** SSM parameters by `<region>/<name>`. */
  ssmParameters = new Map<string, SsmParameter>();
  requestCounts: Record<string, number> = {};

  countRequest(action: string): void {
    this.requestCounts[action] = (this.requestCounts[action] ?? 0) + 1;
  }

  toJSON(): Record<string, unknown> {
    return {
      stacks: [...this.stacks.values()],
      changeSets: [...this.changeSets.values()],
      clusters: [...this.clusters.values()],
      taskDefinitions: [...this.taskDefinitions.values()],
      familyRevisions: Object.fromEntries(this.familyRevisions),
      services: [...this.services.values()],
      tasks: [...this.tasks.values()],
      runTaskTokens: Object.fromEntries(this.runTaskTokens),
      logGroups: [...this.logGroups.values()],
      roles: [...this.roles.values()],
      secrets: [...this.secrets.values()],
      scalableTargets: [...this.scalableTargets.values()],
      scalingPolicies: [...this.scalingPolicies.values()],
      discoveryServices: [...this.discoveryServices.values()],
      ssmParameters: [...this.ssmParameters.values()],
      requestCounts: this.requestCounts,
    };
  }

  /** A summary for `GET /_sandbox/state`: whole stacks and services, tasks reduced to their status. */
  summary(): Record<string, unknown> {
    return {
      stacks: [...this.stacks.values()].map((s) => ({
        stackId: s.StackId,
        stackName: s.StackName,
        status: s.StackStatus,
        statusReason: s.StackStatusReason,
        resources: Object.values(s.resources).map((r) => ({
          logicalId: r.logicalId,
          type: r.type,
          physicalId: r.physicalId,
          status: r.status,
        })),
        events: s.events.length,
      })),
      changeSets: [...this.changeSets.values()].map((c) => ({
        changeSetId: c.ChangeSetId,
        stackName: c.StackName,
        status: c.Status,
        executionStatus: c.ExecutionStatus,
      })),
      clusters: [...this.clusters.values()],
      services: [...this.services.values()].map((s) => ({ ...s, events: s.events.slice(0, 10) })),
      taskDefinitions: [...this.taskDefinitions.values()].map((t) => ({
        taskDefinitionArn: t.taskDefinitionArn,
        status: t.status,
      })),
      tasks: [...this.tasks.values()].map((t) => ({
        taskArn: t.taskArn,
        serviceArn: t.serviceArn,
        taskDefinitionArn: t.taskDefinitionArn,
        lastStatus: t.lastStatus,
        desiredStatus: t.desiredStatus,
        stoppedReason: t.stoppedReason,
      })),
      logGroups: [...this.logGroups.values()],
      roles: [...this.roles.values()],
      secrets: [...this.secrets.values()].map(({ secretString: _value, ...secret }) => secret),
      scalableTargets: [...this.scalableTargets.values()],
      scalingPolicies: [...this.scalingPolicies.values()],
      discoveryServices: [...this.discoveryServices.values()],
      ssmParameters: [...this.ssmParameters.values()].map(
        ({ value: _value, ciphertext: _ciphertext, ...parameter }) => parameter,
      ),
      requestCounts: this.requestCounts,
    };
  }

  save(file: string): void {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this));
    renameSync(tmp, file);
  }

  /** Loads a file written by `save`; a missing file leaves the state empty. */
  load(file: string): boolean {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return false;
    }
    const data = JSON.parse(text) as ReturnType<SandboxState['toJSON']> & Record<string, never>;
    const byKey = <T>(items: T[], key: (item: T) => string) =>
      new Map(items.map((i) => [key(i), i]));
    this.stacks = byKey(data.stacks as Stack[], (s) => s.StackId);
    this.stackByName = new Map();
    for (const s of this.stacks.values()) {
      if (s.StackStatus !== 'DELETE_COMPLETE')
        this.stackByName.set(`${s.region}/${s.StackName}`, s.StackId);
    }
    this.changeSets = byKey(data.changeSets as ChangeSet[], (c) => c.ChangeSetId);
    this.clusters = byKey(data.clusters as Cluster[], (c) => c.clusterArn);
    this.taskDefinitions = byKey(
      data.taskDefinitions as TaskDefinition[],
      (t) => t.taskDefinitionArn,
    );
    this.familyRevisions = new Map(Object.entries(data.familyRevisions as Record<string, number>));
    this.services = byKey(data.services as Service[], (s) => s.serviceArn);
    this.tasks = byKey(data.tasks as Task[], (t) => t.taskArn);
    this.tasksByService = new Map();
    for (const t of this.tasks.values()) if (t.serviceArn) this.indexTask(t);
    this.runTaskTokens = new Map(
      Object.entries((data.runTaskTokens ?? {}) as Record<string, RunTaskToken>),
    );
    this.logGroups = byKey(data.logGroups as LogGroup[], (l) => l.arn);
    this.roles = byKey(data.roles as Role[], (r) => r.arn);
    this.secrets = byKey((data.secrets ?? []) as Secret[], (s) => s.arn);
    this.scalableTargets = byKey((data.scalableTargets ?? []) as ScalableTarget[], (t) => t.id);
    this.scalingPolicies = byKey(
      (data.scalingPolicies ?? []) as ScalingPolicy[],
      (p) => p.policyArn,
    );
    this.discoveryServices = byKey(
      (data.discoveryServices ?? []) as DiscoveryService[],
      (d) => d.id,
    );
    this.ssmParameters = byKey(
      (data.ssmParameters ?? []) as SsmParameter[],
      (p) => `${p.region}/${p.name}`,
    );
    this.requestCounts = data.requestCounts as Record<string, number>;
    return true;
  }

  indexTask(task: Task): void {
    if (!task.serviceArn) return;
    let set = this.tasksByService.get(task.serviceArn);
    if (!set) this.tasksByService.set(task.serviceArn, (set = new Set()));
    set.add(task.taskArn);
  }

  serviceTasks(serviceArn: string): Task[] {
    const set = this.tasksByService.get(serviceArn);
    if (!set) return [];
    const out: Task[] = [];
    for (const arn of set) {
      const t = this.tasks.get(arn);
      if (t) out.push(t);
    }
    return out;
  }
}
