import type { SandboxState } from '../state';
import type { Cluster, Deployment, Service, Task, TaskDefinition } from './ecs-types';

/** ECS JSON timestamps are epoch seconds. */
const seconds = (ms: number | undefined): number | undefined =>
  ms === undefined ? undefined : ms / 1000;

export function clusterShape(state: SandboxState, c: Cluster): Record<string, unknown> {
  let activeServicesCount = 0;
  let runningTasksCount = 0;
  let pendingTasksCount = 0;
  for (const s of state.services.values())
    if (s.clusterArn === c.clusterArn && s.status === 'ACTIVE') activeServicesCount++;
  for (const t of state.tasks.values()) {
    if (t.clusterArn !== c.clusterArn || t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus === 'RUNNING') runningTasksCount++;
    else pendingTasksCount++;
  }
  return {
    clusterArn: c.clusterArn,
    clusterName: c.clusterName,
    status: c.status,
    registeredContainerInstancesCount: 0,
    runningTasksCount,
    pendingTasksCount,
    activeServicesCount,
    statistics: [],
    tags: c.tags,
    settings: c.settings,
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  };
}

export function taskDefinitionShape(td: TaskDefinition): Record<string, unknown> {
  return {
    taskDefinitionArn: td.taskDefinitionArn,
    family: td.family,
    revision: td.revision,
    status: td.status,
    containerDefinitions: td.containerDefinitions,
    ...td.rest,
    volumes: td.rest.volumes ?? [],
    placementConstraints: td.rest.placementConstraints ?? [],
    compatibilities: ['EC2', 'FARGATE'],
    requiresAttributes: [],
    registeredAt: seconds(td.registeredAt),
    deregisteredAt: seconds(td.deregisteredAt),
    registeredBy: 'arn:aws:iam::123456789012:root',
  };
}

function deploymentShape(service: Service, d: Deployment): Record<string, unknown> {
  return {
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinition,
    desiredCount: d.desiredCount,
    pendingCount: d.pendingCount,
    runningCount: d.runningCount,
    failedTasks: d.failedTasks,
    createdAt: seconds(d.createdAt),
    updatedAt: seconds(d.updatedAt),
    launchType: service.capacityProviderStrategy ? undefined : service.launchType,
    capacityProviderStrategy: service.capacityProviderStrategy,
    platformVersion:
      service.launchType === 'FARGATE' ? (service.platformVersion ?? 'LATEST') : undefined,
    platformFamily: service.launchType === 'FARGATE' ? 'Linux' : undefined,
    networkConfiguration: service.networkConfiguration,
    serviceConnectConfiguration: service.serviceConnectConfiguration,
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  };
}

export function serviceShape(s: Service, includeTags: boolean): Record<string, unknown> {
  const running = s.deployments.reduce((n, d) => n + d.runningCount, 0);
  const pending = s.deployments.reduce((n, d) => n + d.pendingCount, 0);
  return {
    serviceArn: s.serviceArn,
    serviceName: s.serviceName,
    clusterArn: s.clusterArn,
    loadBalancers: s.loadBalancers,
    serviceRegistries: s.serviceRegistries ?? [],
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: running,
    pendingCount: pending,
    launchType: s.capacityProviderStrategy ? undefined : s.launchType,
    capacityProviderStrategy: s.capacityProviderStrategy,
    platformVersion: s.launchType === 'FARGATE' ? (s.platformVersion ?? 'LATEST') : undefined,
    platformFamily: s.launchType === 'FARGATE' ? 'Linux' : undefined,
    taskDefinition: s.taskDefinition,
    deploymentConfiguration: s.deploymentConfiguration,
    deployments: s.deployments.map((d) => deploymentShape(s, d)),
    currentServiceDeployment: s.serviceDeployments?.[0]?.serviceDeploymentArn,
    events: s.events.map((e) => ({
      id: e.id,
      createdAt: seconds(e.createdAt),
      message: e.message,
    })),
    createdAt: seconds(s.createdAt),
    placementConstraints: [],
    placementStrategy: [],
    networkConfiguration: s.networkConfiguration,
    healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    createdBy:
      'arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
    enableECSManagedTags: false,
    propagateTags: s.propagateTags,
    enableExecuteCommand: s.enableExecuteCommand,
    tags: includeTags ? s.tags : undefined,
  };
}

export function taskShape(t: Task): Record<string, unknown> {
  const containerStatus = t.lastStatus === 'STOPPING' ? 'RUNNING' : t.lastStatus;
  const anyHealthCheck = t.containers.some((c) => c.hasHealthCheck);
  const healthStatus =
    anyHealthCheck && t.lastStatus === 'RUNNING' ? (t.healthy ? 'HEALTHY' : 'UNKNOWN') : 'UNKNOWN';
  return {
    taskArn: t.taskArn,
    clusterArn: t.clusterArn,
    taskDefinitionArn: t.taskDefinitionArn,
    group: t.group,
    startedBy: t.startedBy,
    lastStatus: t.lastStatus,
    desiredStatus: t.desiredStatus,
    launchType: t.launchType,
    capacityProviderName: t.capacityProviderName,
    platformVersion: t.launchType === 'FARGATE' ? '1.4.0' : undefined,
    platformFamily: t.launchType === 'FARGATE' ? 'Linux' : undefined,
    healthStatus,
    connectivity: t.startedAt && !t.stoppedAt ? 'CONNECTED' : undefined,
    createdAt: seconds(t.createdAt),
    pullStartedAt: seconds(t.pullStartedAt),
    pullStoppedAt: seconds(t.pullStoppedAt),
    startedAt: seconds(t.startedAt),
    stoppingAt: seconds(t.stoppingAt),
    stoppedAt: seconds(t.stoppedAt),
    executionStoppedAt: seconds(t.stoppedAt),
    stoppedReason: t.stoppedReason,
    stopCode: t.stopCode,
    containers: t.containers.map((c) => ({
      containerArn: c.containerArn,
      taskArn: t.taskArn,
      name: c.name,
      image: c.image,
      lastStatus: c.stopped
        ? 'STOPPED'
        : containerStatus === 'PROVISIONING'
          ? 'PENDING'
          : containerStatus,
      exitCode: c.exitCode,
      reason: c.reason,
      healthStatus: c.hasHealthCheck ? (t.healthy ? 'HEALTHY' : 'UNKNOWN') : undefined,
      networkInterfaces: t.eni
        ? [{ attachmentId: t.eni.attachmentId, privateIpv4Address: t.eni.privateIPv4Address }]
        : [],
    })),
    cpu: t.cpu,
    memory: t.memory,
    availabilityZone: t.eni ? `${t.region}a` : undefined,
    attachments: t.eni ? [eniAttachment(t)] : [],
    tags: [],
    version: 1,
  };
}

/** The ENI attachment ECS reports for an awsvpc task, following the task through its life. */
function eniAttachment(t: Task): Record<string, unknown> {
  const eni = t.eni as NonNullable<Task['eni']>;
  const status =
    t.lastStatus === 'PROVISIONING'
      ? 'PRECREATED'
      : t.lastStatus === 'STOPPED'
        ? 'DELETED'
        : t.lastStatus === 'STOPPING'
          ? 'DELETING'
          : 'ATTACHED';
  return {
    id: eni.attachmentId,
    type: 'ElasticNetworkInterface',
    status,
    details: [
      { name: 'subnetId', value: eni.subnetId },
      { name: 'networkInterfaceId', value: eni.networkInterfaceId },
      { name: 'macAddress', value: eni.macAddress },
      {
        name: 'privateDnsName',
        value: `ip-${eni.privateIPv4Address.replace(/\./g, '-')}.${t.region}.compute.internal`,
      },
      { name: 'privateIPv4Address', value: eni.privateIPv4Address },
    ],
  };
}
