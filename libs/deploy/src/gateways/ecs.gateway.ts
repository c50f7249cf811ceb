import {
  CreateClusterCommand,
  ECSClient,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  Service,
  Task,
} from '@aws-sdk/client-ecs';
import type { AwsCaller, CallOptions } from '../aws/aws-caller';
import type { AwsClients } from '../aws/aws-clients';

export interface ClusterCheck {
  reachable: boolean;
  status: string | null;
  detail: string;
}

/** The ECS calls Gantry makes: verifying a rollout, diagnosing a failure, checking a cluster. */
export class EcsGateway {
  constructor(
    private readonly clients: AwsClients,
    private readonly caller: AwsCaller,
    private readonly callOptions: CallOptions = {},
  ) {}

  private send<T>(action: string, invoke: (client: ECSClient) => Promise<T>): Promise<T> {
    return this.caller.call(
      this.clients.limiterKey,
      action,
      () => invoke(this.clients.ecs),
      this.callOptions,
    );
  }

  async describeService(cluster: string, service: string): Promise<Service | null> {
    const output = await this.send<{ services?: Service[] }>('DescribeServices', (client) =>
      client.send(new DescribeServicesCommand({ cluster, services: [service] })),
    );
    return output.services?.[0] ?? null;
  }

  /** The service's recently stopped tasks (up to 100, DescribeTasks' limit), with reasons and exit codes. */
  async stoppedTasks(cluster: string, serviceName: string, limit = 100): Promise<Task[]> {
    const listed = await this.send<{ taskArns?: string[] }>('ListTasks', (client) =>
      client.send(
        new ListTasksCommand({ cluster, serviceName, desiredStatus: 'STOPPED', maxResults: limit }),
      ),
    );
    if (!listed.taskArns?.length) return [];
    const described = await this.send<{ tasks?: Task[] }>('DescribeTasks', (client) =>
      client.send(new DescribeTasksCommand({ cluster, tasks: listed.taskArns })),
    );
    return described.tasks ?? [];
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
}
