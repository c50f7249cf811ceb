/** ECS objects kept in the wire shape (camelCase) ECS returns; timestamps are epoch milliseconds. */
export type JsonObject = Record<string, unknown>;

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  region: string;
  status: 'ACTIVE' | 'INACTIVE';
  tags: { key: string; value: string }[];
  settings: { name: string; value: string }[];
}

export interface TaskDefinition {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  region: string;
  status: 'ACTIVE' | 'INACTIVE';
  containerDefinitions: JsonObject[];
  registeredAt: number;
  deregisteredAt?: number;
  /** Every other registered field (cpu, memory, networkMode, roles, runtimePlatform, ...). */
  rest: JsonObject;
  /** Resource tags given at registration (optional in state files written before they were kept). */
  tags?: { key: string; value: string }[];
}

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface Deployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  /** The deployment this one rolls back from, when the circuit breaker started it. */
  rollbackOf?: string;
}

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface Service {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  region: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  /** FARGATE for a service on capacity providers too (its tasks run on Fargate). */
  launchType: string;
  /** Set instead of a launch type: FARGATE / FARGATE_SPOT with weights and one base. */
  capacityProviderStrategy?: CapacityProviderItem[];
  platformVersion?: string;
  taskDefinition: string;
  deploymentConfiguration: {
    minimumHealthyPercent: number;
    maximumPercent: number;
    deploymentCircuitBreaker: { enable: boolean; rollback: boolean };
  };
  networkConfiguration?: JsonObject;
  loadBalancers: JsonObject[];
  /** Cloud Map registrations (kept, shown; no instance is registered). */
  serviceRegistries?: JsonObject[];
  /** Service Connect, shown on the service's deployments as DescribeServices does. */
  serviceConnectConfiguration?: JsonObject;
  healthCheckGracePeriodSeconds?: number;
  enableExecuteCommand: boolean;
  propagateTags: string;
  tags: { key: string; value: string }[];
  deployments: Deployment[];
  events: ServiceEvent[];
  createdAt: number;
  /** Task definition of the last deployment that completed: the circuit breaker's rollback target. */
  lastCompletedTaskDefinition?: string;
  lastCompletedDeploymentId?: string;
  nextLaunchAt: number;
  consecutiveFailures: number;
}

export type TaskStatus = 'PROVISIONING' | 'PENDING' | 'RUNNING' | 'STOPPING' | 'STOPPED';

export interface Task {
  taskArn: string;
  clusterArn: string;
  region: string;
  taskDefinitionArn: string;
  group: string;
  startedBy?: string;
  serviceArn?: string;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  healthy: boolean;
  launchType: string;
  /** The capacity provider a service's strategy placed the task on. */
  capacityProviderName?: string;
  createdAt: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  stoppingAt?: number;
  stoppedAt?: number;
  stoppedReason?: string;
  stopCode?: string;
  /** Task-level size (strings, as ECS returns them), from the task definition. */
  cpu?: string;
  memory?: string;
  /** The elastic network interface of an awsvpc task. */
  eni?: TaskEni;
  containers: TaskContainer[];
}

export interface CapacityProviderItem {
  capacityProvider: string;
  weight: number;
  base: number;
}

export interface TaskContainer {
  name: string;
  image: string;
  containerArn: string;
  essential: boolean;
  hasHealthCheck: boolean;
  /** Set when the container stopped: on its own (an exit) or with its task. */
  stopped?: boolean;
  /** The process's exit code; none when it never ran (a pull error). */
  exitCode?: number;
  /** Why the container stopped, when ECS says (CannotPullContainerError: ...). */
  reason?: string;
  /**
   * What the container's process sees: its environment plus its secrets, resolved when the task
   * started (shown only by `GET /_sandbox/tasks/<id>`, never by ECS actions).
   */
  environment?: Record<string, string>;
}

/** A RunTask client token's request and the tasks it started (idempotency, per cluster, 24 h). */
export interface RunTaskToken {
  request: string;
  taskArns: string[];
  createdAt: number;
}

export interface TaskEni {
  attachmentId: string;
  networkInterfaceId: string;
  subnetId: string;
  privateIPv4Address: string;
  macAddress: string;
}
