import {
  fargateSizeProblem,
  SECURITY_GROUP_ID_PATTERN,
  SUBNET_ID_PATTERN,
  TARGET_GROUP_ARN_PATTERN,
} from '@gantry/domain';
import { clientException, EcsError, invalidParameter } from './ecs-error';
import type { JsonObject } from './ecs-types';

type Input = Record<string, unknown>;

/**
 * Request members ECS models as lists. A value of another type fails the JSON protocol's
 * deserialization before the action runs: AWS answers a bare `SerializationException`.
 */
const LIST_MEMBERS = [
  'clusters',
  'services',
  'tasks',
  'include',
  'containerDefinitions',
  'requiresCompatibilities',
  'volumes',
  'placementConstraints',
  'loadBalancers',
  'serviceRegistries',
  'tags',
  'capacityProviderStrategy',
];

export function checkListMembers(input: Input): void {
  for (const member of LIST_MEMBERS) {
    if (input[member] !== undefined && input[member] !== null && !Array.isArray(input[member]))
      throw new EcsError('SerializationException', '');
  }
}

const CPU_UNIT = /^(\d+(?:\.\d+)?)\s*vcpu$/i;
const MEMORY_UNIT = /^(\d+(?:\.\d+)?)\s*gb$/i;

/** ECS accepts `1024`, `"1024"` and `"1 vCPU"` for cpu; `2048`, `"2048"` and `"2 GB"` for memory. */
function taskSize(value: unknown, unit: RegExp): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value).trim();
  const scaled = text.match(unit);
  if (scaled) return Math.round(Number(scaled[1]) * 1024);
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * What RegisterTaskDefinition refuses before registering, with ECS's ClientException wording
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html).
 */
export function checkTaskDefinition(input: Input, containers: JsonObject[]): void {
  const names = containers.map((c) => c.name);
  if (new Set(names).size !== names.length)
    throw clientException('Container names must be unique within a Task Definition.');
  const compatibilities = (input.requiresCompatibilities as string[] | undefined) ?? [];
  if (!compatibilities.includes('FARGATE')) return;
  if (input.networkMode !== 'awsvpc')
    throw clientException('Fargate only supports network mode \u2018awsvpc\u2019.');
  const cpu = taskSize(input.cpu, CPU_UNIT);
  const memory = taskSize(input.memory, MEMORY_UNIT);
  if (cpu === undefined)
    throw clientException("Fargate requires that 'cpu' be defined at the task level.");
  if (memory === undefined)
    throw clientException("Fargate requires that 'memory' be defined at the task level.");
  if (Number.isNaN(cpu) || Number.isNaN(memory) || fargateSizeProblem(cpu, memory) !== null) {
    throw clientException(
      `No Fargate configuration exists for given values: ${String(input.cpu)} CPU, ${String(input.memory)} memory. ` +
        'See the Amazon ECS documentation for the valid values.',
    );
  }
}

/** The task size as ECS stores it: a string of CPU units and MiB. */
export function normalisedSizes(input: Input): { cpu?: string; memory?: string } {
  const text = (value: unknown, unit: RegExp) => {
    const n = taskSize(value, unit);
    return n === undefined ? undefined : Number.isNaN(n) ? String(value) : String(n);
  };
  return { cpu: text(input.cpu, CPU_UNIT), memory: text(input.memory, MEMORY_UNIT) };
}

/** ECS fills in a port mapping's protocol (tcp) and, in awsvpc mode, the host port (the container port). */
export function normalisedContainers(containers: JsonObject[], networkMode: unknown): JsonObject[] {
  return containers.map((c) => {
    const mappings = c.portMappings as JsonObject[] | undefined;
    const out: JsonObject = { essential: true, ...c };
    if (Array.isArray(mappings)) {
      out.portMappings = mappings.map((m) => {
        const mapping: JsonObject = { ...m, protocol: m.protocol ?? 'tcp' };
        if (networkMode === 'awsvpc' && m.hostPort === undefined && m.containerPort !== undefined)
          mapping.hostPort = m.containerPort;
        return mapping;
      });
    }
    return out;
  });
}

/**
 * ECS asks EC2 about the subnets and security groups of an awsvpc service or task and relays
 * EC2's malformed-id errors (InvalidSubnetID.Malformed, InvalidGroupId.Malformed) inside an
 * InvalidParameterException (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 */
export function checkNetworkConfiguration(network: unknown): void {
  const awsvpc = (network as { awsvpcConfiguration?: JsonObject } | undefined)?.awsvpcConfiguration;
  if (!awsvpc) return;
  const subnets = awsvpc.subnets;
  if (!Array.isArray(subnets) || subnets.length === 0)
    throw invalidParameter('subnets can not be empty.');
  for (const subnet of subnets as unknown[]) {
    if (typeof subnet !== 'string' || !SUBNET_ID_PATTERN.test(subnet))
      throw invalidParameter(
        `Error retrieving subnet information for [${String(subnet)}]: Invalid id: "${String(subnet)}" (ErrorCode: InvalidSubnetID.Malformed)`,
      );
  }
  for (const group of (awsvpc.securityGroups as unknown[] | undefined) ?? []) {
    if (typeof group !== 'string' || !SECURITY_GROUP_ID_PATTERN.test(group))
      throw invalidParameter(
        `Error retrieving security group information for [${String(group)}]: Invalid id: "${String(group)}" (expecting "sg-...") (ErrorCode: InvalidGroupId.Malformed)`,
      );
  }
}

/** A load balancer's target group must be a target group ARN; ECS relays Elastic Load Balancing's wording. */
export function checkLoadBalancers(loadBalancers: unknown): void {
  for (const lb of (loadBalancers as JsonObject[] | undefined) ?? []) {
    const tg = lb.targetGroupArn;
    if (tg === undefined && lb.loadBalancerName !== undefined) continue;
    if (typeof tg !== 'string' || !TARGET_GROUP_ARN_PATTERN.test(tg))
      throw invalidParameter(`'${String(tg)}' is not a valid target group ARN`);
  }
}
