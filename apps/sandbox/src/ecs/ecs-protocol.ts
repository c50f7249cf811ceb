import { createCluster, deleteCluster, describeClusters, listClusters } from './cluster-actions';
import type { Ecs } from './ecs';
import { EcsError } from './ecs-error';
import type { JsonResponse } from '../http/json-service';
import { checkListMembers } from './ecs-validation';
import {
  createService,
  deleteService,
  describeServices,
  listServices,
  updateService,
} from './service-actions';
import {
  describeServiceDeployments,
  describeServiceRevisions,
  listServiceDeployments,
} from './service-deployment-actions';
import { listTagsForResource, tagResource, untagResource } from './tag-actions';
import { describeTasks, listTasks, runTask, stopTask } from './task-actions';
import {
  deregisterTaskDefinition,
  describeTaskDefinition,
  listTaskDefinitions,
  registerTaskDefinition,
} from './task-definition-actions';

type Input = Record<string, unknown>;
type Handler = (ecs: Ecs, region: string, input: Input) => Input;

export const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';

const HANDLERS: Record<string, Handler> = {
  CreateCluster: createCluster,
  DescribeClusters: describeClusters,
  ListClusters: listClusters,
  DeleteCluster: deleteCluster,
  RegisterTaskDefinition: registerTaskDefinition,
  DescribeTaskDefinition: describeTaskDefinition,
  DeregisterTaskDefinition: deregisterTaskDefinition,
  ListTaskDefinitions: listTaskDefinitions,
  CreateService: createService,
  UpdateService: updateService,
  DescribeServices: describeServices,
  DeleteService: deleteService,
  ListServices: listServices,
  ListServiceDeployments: listServiceDeployments,
  DescribeServiceDeployments: describeServiceDeployments,
  DescribeServiceRevisions: describeServiceRevisions,
  ListTasks: listTasks,
  DescribeTasks: describeTasks,
  RunTask: runTask,
  StopTask: stopTask,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};

export type { JsonResponse };

/** The action named by `X-Amz-Target`, or undefined when the prefix is not ECS's. */
export function ecsAction(target: string): string | undefined {
  return target.startsWith(ECS_TARGET_PREFIX) ? target.slice(ECS_TARGET_PREFIX.length) : undefined;
}

export function ecsError(
  type: string,
  message: string,
  status = 400,
  members: Record<string, unknown> = {},
): JsonResponse {
  const body = message ? { __type: type, message, ...members } : { __type: type, ...members };
  return { status, body: JSON.stringify(body), errorType: type };
}

/** Runs one ECS JSON 1.1 request: parse, dispatch, answer in ECS's shapes. */
export function handleEcs(ecs: Ecs, region: string, action: string, body: string): JsonResponse {
  const handler = HANDLERS[action];
  if (!handler) return ecsError('UnknownOperationException', `Unknown operation ${action}.`);
  let input: Input;
  try {
    input = body.trim() ? (JSON.parse(body) as Input) : {};
  } catch {
    return ecsError(
      'SerializationException',
      'Start of structure or map found where not expected.',
    );
  }
  try {
    checkListMembers(input);
    return { status: 200, body: JSON.stringify(handler(ecs, region, input)) };
  } catch (error) {
    if (error instanceof EcsError)
      return ecsError(error.type, error.message, error.status, error.members);
    return ecsError(
      'ServerException',
      error instanceof Error ? error.message : 'Internal error',
      500,
    );
  }
}

/** Calls an ECS action in-process (the CloudFormation resources use this), throwing EcsError. */
export function callEcs(ecs: Ecs, region: string, action: string, input: Input): Input {
  const handler = HANDLERS[action];
  if (!handler) throw new EcsError('UnknownOperationException', `Unknown operation ${action}.`);
  return handler(ecs, region, JSON.parse(JSON.stringify(input)) as Input);
}
