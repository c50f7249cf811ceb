import {
  CreateClusterCommand,
  ECSClient,
  DescribeClustersCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  DeregisterTaskDefinitionCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type DesiredStatus,
  type RegisterTaskDefinitionCommandInput,
  type Service,
  type ServiceDeployment,
  type Tag,
  type Task,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { AwsCaller, CallOptions } from '../aws/aws-caller';
import type { AwsClients } from '../aws/aws-clients';
import type { AwsBatchers } from './aws-batchers';

export interface ClusterCheck {
  reachable: boolean;
  status: string | null;
  detail: string;
}

/** A one-off task to start: `clientToken` makes RunTask idempotent (same token, same task). */
export interface RunTaskRequest {
  cluster: string;
  taskDefinition: string;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
  /** At most 64 ASCII characters. */
  clientToken: string;
  /** At most 128 letters, digits, hyphens and underscores. */
  startedBy: string;
}

/**
 * The ECS calls Gantry makes: verifying a rollout, diagnosing a failure, checking a cluster,
 * running one-off tasks (ecs-run-task) and updating services it did not create (ecs-update-service).
 */
export class EcsGateway {
  constructor(
    private readonly clients: AwsClients & Partial<AwsBatchers>,
    private readonly caller: AwsCaller,
    private readonly callOptions: CallOptions = {},
  ) {}

  private send<T>(
    action: string,
    invoke: (client: ECSClient) => Promise<T>,
    { followUp = false }: { followUp?: boolean } = {},
  ): Promise<T> {
    return this.caller.call(this.clients.limiterKey, action, () => invoke(this.clients.ecs), {
      ...this.callOptions,
      followUp,
    });
  }

  /**
   * Pooled clients answer through their batcher: ten services of a cluster to a call. A look that
   * follows a running rollout or a settled stack says so (`followUp`: see `CallOptions`).
   */
  async describeService(
    cluster: string,
    service: string,
    { followUp = false }: { followUp?: boolean } = {},
  ): Promise<Service | null> {
    if (this.clients.serviceBatcher)
      return this.clients.serviceBatcher.describe(cluster, service, {
        ...this.callOptions,
        followUp,
      });
    const output = await this.send<{ services?: Service[] }>(
      'DescribeServices',
      (client) => client.send(new DescribeServicesCommand({ cluster, services: [service] })),
      { followUp },
    );
    return output.services?.[0] ?? null;
  }

  /** One service deployment (its status and, for blue/green, lifecycle stage), or null when ECS has none by that ARN. */
  async describeServiceDeployment(arn: string): Promise<ServiceDeployment | null> {
    const output = await this.send<{ serviceDeployments?: ServiceDeployment[] }>(
      'DescribeServiceDeployments',
      (client) =>
        client.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })),
      { followUp: true },
    );
    return output.serviceDeployments?.[0] ?? null;
  }

  /** The service's recently stopped tasks (up to 100, DescribeTasks' limit), with reasons and exit codes. */
  async stoppedTasks(cluster: string, serviceName: string, limit = 100): Promise<Task[]> {
    const listed = await this.send<{ taskArns?: string[] }>(
      'ListTasks',
      (client) =>
        client.send(
          new ListTasksCommand({
            cluster,
            serviceName,
            desiredStatus: 'STOPPED',
            maxResults: limit,
          }),
        ),
      { followUp: true },
    );
    if (!listed.taskArns?.length) return [];
    const described = await this.send<{ tasks?: Task[] }>(
      'DescribeTasks',
      (client) => client.send(new DescribeTasksCommand({ cluster, tasks: listed.taskArns })),
      { followUp: true },
    );
    return described.tasks ?? [];
  }

  /** Starts one Fargate task; the same `clientToken` answers the task the first call started. */
  async runTask(request: RunTaskRequest): Promise<{ task: Task | null; failure: string | null }> {
    const output = await this.send<{
      tasks?: Task[];
      failures?: { arn?: string; reason?: string; detail?: string }[];
    }>('RunTask', (client) =>
      client.send(
        new RunTaskCommand({
          cluster: request.cluster,
          taskDefinition: request.taskDefinition,
          launchType: 'FARGATE',
          count: 1,
          clientToken: request.clientToken,
          startedBy: request.startedBy,
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: request.subnets,
              securityGroups: request.securityGroups.length ? request.securityGroups : undefined,
              assignPublicIp: request.assignPublicIp ? 'ENABLED' : 'DISABLED',
            },
          },
        }),
      ),
    );
    const failure = output.failures?.[0];
    return {
      task: output.tasks?.[0] ?? null,
      failure: failure ? [failure.reason, failure.detail].filter(Boolean).join(': ') : null,
    };
  }

  /** Stops a task with a reason (shown as its `stoppedReason`); a stopped task is left as it is. */
  async stopTask(cluster: string, task: string, reason: string): Promise<Task | null> {
    const output = await this.send<{ task?: Task }>('StopTask', (client) =>
      client.send(new StopTaskCommand({ cluster, task, reason: reason.slice(0, 255) })),
    );
    return output.task ?? null;
  }

  /** The ARNs of the cluster's tasks started by `startedBy` (of one family), running or (with STOPPED) stopped. */
  async listTasks(
    cluster: string,
    startedBy: string,
    desiredStatus: DesiredStatus = 'RUNNING',
    family?: string,
  ): Promise<string[]> {
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const output = await this.send<{ taskArns?: string[]; nextToken?: string }>(
        'ListTasks',
        (client) =>
          client.send(
            new ListTasksCommand({ cluster, startedBy, desiredStatus, family, nextToken }),
          ),
      );
      arns.push(...(output.taskArns ?? []));
      nextToken = output.nextToken;
    } while (nextToken);
    return arns;
  }

  /** Up to 100 tasks by ARN (DescribeTasks' limit); missing ones are left out. */
  async describeTasks(cluster: string, tasks: string[]): Promise<Task[]> {
    if (tasks.length === 0) return [];
    const output = await this.send<{ tasks?: Task[] }>('DescribeTasks', (client) =>
      client.send(new DescribeTasksCommand({ cluster, tasks: tasks.slice(0, 100) })),
    );
    return output.tasks ?? [];
  }

  /** A revision (`family:revision`, a bare family for its latest, or an ARN) with every field and its tags. */
  async describeTaskDefinition(
    taskDefinition: string,
  ): Promise<{ taskDefinition: TaskDefinition; tags: Tag[] }> {
    const output = await this.send<{ taskDefinition?: TaskDefinition; tags?: Tag[] }>(
      'DescribeTaskDefinition',
      (client) =>
        client.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] })),
    );
    if (!output.taskDefinition)
      throw new Error(`task definition ${taskDefinition} was not returned`);
    return { taskDefinition: output.taskDefinition, tags: output.tags ?? [] };
  }

  /** Registers the next revision of a family; answers it. */
  async registerTaskDefinition(input: RegisterTaskDefinitionCommandInput): Promise<TaskDefinition> {
    const output = await this.send<{ taskDefinition?: TaskDefinition }>(
      'RegisterTaskDefinition',
      (client) => client.send(new RegisterTaskDefinitionCommand(input)),
    );
    if (!output.taskDefinition) throw new Error('RegisterTaskDefinition returned no revision');
    return output.taskDefinition;
  }

  /** Points a service at a task definition revision, which starts a new ECS deployment. */
  async updateService(cluster: string, service: string, taskDefinition: string): Promise<Service> {
    const output = await this.send<{ service?: Service }>('UpdateService', (client) =>
      client.send(new UpdateServiceCommand({ cluster, service, taskDefinition })),
    );
    if (!output.service) throw new Error('UpdateService returned no service');
    return output.service;
  }

  async checkCluster(cluster: string): Promise<ClusterCheck> {
    try {
      const output = await this.send<{
        clusters?: { status?: string }[];
        failures?: { reason?: string }[];
      }>('DescribeClusters', (client) =>
        client.send(new DescribeClustersCommand({ clusters: [cluster] })),
      );
      const found = output.clusters?.[0];
      if (!found)
        return {
          reachable: true,
          status: null,
          detail: `cluster '${cluster}' was not found (${output.failures?.[0]?.reason ?? 'MISSING'})`,
        };
      return {
        reachable: true,
        status: found.status ?? null,
        detail: found.status === 'ACTIVE' ? 'cluster is ACTIVE' : `cluster is ${found.status}`,
      };
    } catch (error) {
      return { reachable: false, status: null, detail: (error as Error).message };
    }
  }

  async ensureCluster(cluster: string): Promise<void> {
    const check = await this.checkCluster(cluster);
    if (check.status === 'ACTIVE') return;
    await this.send('CreateCluster', (client) =>
      client.send(new CreateClusterCommand({ clusterName: cluster })),
    );
  }

  /** The ACTIVE revisions of one task definition family (ARNs), newest first, every page. */
  async listTaskDefinitions(family: string): Promise<string[]> {
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const output = await this.send<{ taskDefinitionArns?: string[]; nextToken?: string }>(
        'ListTaskDefinitions',
        (client) =>
          client.send(
            new ListTaskDefinitionsCommand({
              familyPrefix: family,
              status: 'ACTIVE',
              sort: 'DESC',
              nextToken,
            }),
          ),
      );
      arns.push(...(output.taskDefinitionArns ?? []));
      nextToken = output.nextToken;
    } while (nextToken);
    return arns;
  }

  /** Marks a revision INACTIVE (tasks and services still using it keep running). */
  async deregisterTaskDefinition(taskDefinition: string): Promise<void> {
    await this.send('DeregisterTaskDefinition', (client) =>
      client.send(new DeregisterTaskDefinitionCommand({ taskDefinition })),
    );
  }

  /**
   * Every task definition the cluster's services use: each service's own and those of its
   * deployments (a rollout in progress, a rollback target).
   */
  async taskDefinitionsInUse(cluster: string): Promise<Set<string>> {
    const serviceArns: string[] = [];
    let nextToken: string | undefined;
    do {
      const output = await this.send<{ serviceArns?: string[]; nextToken?: string }>(
        'ListServices',
        (client) => client.send(new ListServicesCommand({ cluster, nextToken })),
      );
      serviceArns.push(...(output.serviceArns ?? []));
      nextToken = output.nextToken;
    } while (nextToken);
    const inUse = new Set<string>();
    for (let start = 0; start < serviceArns.length; start += 10) {
      const output = await this.send<{ services?: Service[] }>('DescribeServices', (client) =>
        client.send(
          new DescribeServicesCommand({ cluster, services: serviceArns.slice(start, start + 10) }),
        ),
      );
      for (const service of output.services ?? []) {
        if (service.taskDefinition) inUse.add(service.taskDefinition);
        for (const deployment of service.deployments ?? [])
          if (deployment.taskDefinition) inUse.add(deployment.taskDefinition);
      }
    }
    return inUse;
  }
}
