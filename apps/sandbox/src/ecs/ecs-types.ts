import type { BlueGreenStage } from '@gantry/domain';
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
  /** The service revision this deployment runs (optional in state files written before revisions). */
  serviceRevisionArn?: string;
  /** Which target group of each load balancer its tasks register with (blue/green: the alternate while it is green). */
  side?: TargetGroupSide;
  /** Set on a blue/green deployment while it moves through ECS's lifecycle stages. */
  blueGreen?: BlueGreenRollout;
}

/** A load balancer's `targetGroupArn` is the primary side, its `advancedConfiguration.alternateTargetGroupArn` the alternate. */
export type TargetGroupSide = 'primary' | 'alternate';

export interface BlueGreenRollout {
  stage: BlueGreenStage;
  /** The deployment taking production traffic when this one started (blue). */
  sourceDeploymentId: string;
  /** When the bake time ends (epoch ms), once BAKE_TIME started. */
  bakeEndsAt?: number;
}

/** ECS's record of one service deployment (`ListServiceDeployments`, `DescribeServiceDeployments`). */
export interface ServiceDeploymentRecord {
  serviceDeploymentArn: string;
  serviceArn: string;
  clusterArn: string;
  /** The ECS deployment (`ecs-svc/…`) that carries it out. */
  deploymentId: string;
  /** The deployment a circuit-breaker rollback started (rolling updates). */
  rollbackDeploymentId?: string;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  stoppedAt?: number;
  sourceServiceRevisions: { arn: string; taskDefinition: string }[];
  targetServiceRevision: { arn: string; taskDefinition: string };
  status: ServiceDeploymentStatus;
  statusReason?: string;
  lifecycleStage?: BlueGreenStage;
  deploymentConfiguration: JsonObject;
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string };
  circuitBreaker: { enabled: boolean; failureCount: number; threshold: number };
}

export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

/** A service revision: what one deployment runs (`DescribeServiceRevisions`). */
export interface ServiceRevisionRecord {
  serviceRevisionArn: string;
  serviceArn: string;
  clusterArn: string;
  taskDefinition: string;
  createdAt: number;
  loadBalancers: JsonObject[];
  networkConfiguration?: JsonObject;
  /** The target group of each load balancer its tasks register with. */
  targetGroupArns: string[];
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
    /** As given (ROLLING, BLUE_GREEN, ...); only BLUE_GREEN deploys differently. */
    strategy?: string;
    bakeTimeInMinutes?: number;
  };
  /** Which target group of each load balancer takes production traffic (blue/green swaps it; primary by default). */
  productionSide?: TargetGroupSide;
  /** Service deployments, newest first (at most 50 kept). */
  serviceDeployments?: ServiceDeploymentRecord[];
  /** Service revisions by ARN. */
  serviceRevisions?: Record<string, ServiceRevisionRecord>;
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
  /** Target groups the task is registered with (once healthy; deregistered when it stops). */
  targetGroupArns?: string[];
  /** Set once production traffic reaches the task (what a `crash-on-traffic` image waits for). */
  productionTrafficAt?: number;
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
  /** SSM parameters its `secrets` name that did not exist when the task started (the task fails to start). */
  missingParameters?: string[];
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
