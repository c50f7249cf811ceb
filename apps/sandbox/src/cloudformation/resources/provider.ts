import type { Ecs } from '../../ecs/ecs';
import { EcsError } from '../../ecs/ecs-error';
import { callEcs } from '../../ecs/ecs-protocol';
import { uuid } from '../../ids';
import type { Scheduler } from '../../scheduler';
import type { SandboxState } from '../../state';
import type { ResourceRecord } from '../cfn-types';

export type Props = Record<string, unknown>;

export interface ProviderContext {
  ecs: Ecs;
  state: SandboxState;
  scheduler: Scheduler;
  region: string;
  stackName: string;
  logicalId: string;
  /** Sleeps simulated time; throws ResourceFailure when the operation was cancelled meanwhile. */
  sleep(ms: number): Promise<void>;
  /** The physical resource exists (stabilization may follow): CloudFormation's "Resource creation Initiated". */
  initiated(physicalId: string): void;
}

export interface ProvisionResult {
  physicalId: string;
  ref: string;
  attributes: Record<string, string>;
}

export interface ResourceProvider {
  /** Top-level properties whose change replaces the resource; `*` means every property but `except`. */
  replacedBy: string[] | { all: true; except: string[] };
  /** A property naming the resource: replacing it while that name stays fails, as in CloudFormation. */
  customName?: string;
  attributes: string[];
  create(ctx: ProviderContext, props: Props): Promise<ProvisionResult>;
  update(ctx: ProviderContext, record: ResourceRecord, props: Props): Promise<ProvisionResult>;
  remove(ctx: ProviderContext, record: ResourceRecord): Promise<void>;
}

/** A resource operation failed; `reason` becomes the event's ResourceStatusReason. */
export class ResourceFailure extends Error {}

/** ECS errors as the resource handler reports them in a failed event. */
export function handlerMessage(error: EcsError): string {
  const code =
    error.type === 'ClusterNotFoundException' || error.type === 'ServiceNotFoundException'
      ? 'NotFound'
      : 'InvalidRequest';
  return (
    `Resource handler returned message: "${error.message} (Service: AmazonECS; Status Code: 400; Error Code: ${error.type}; ` +
    `Request ID: ${uuid()}; Proxy: null)" (RequestToken: ${uuid()}, HandlerErrorCode: ${code})`
  );
}

/** Calls ECS in-process, turning its errors into the resource handler's failure wording. */
export function ecsCall(ctx: ProviderContext, action: string, input: Props): Props {
  try {
    return callEcs(ctx.ecs, ctx.region, action, input);
  } catch (error) {
    if (error instanceof EcsError) throw new ResourceFailure(handlerMessage(error));
    throw error;
  }
}

const VERBATIM_MAPS = new Set(['Options', 'DockerLabels', 'SystemControls']);

/** Properties whose ECS name is not the CloudFormation name with a lower-case first letter. */
const ECS_NAMES: Record<string, string> = {
  EFSVolumeConfiguration: 'efsVolumeConfiguration',
  FilesystemId: 'fileSystemId',
  IAM: 'iam',
};

/** CloudFormation's PascalCase properties in ECS's camelCase, leaving free-form maps alone. */
export function toEcsShape(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => toEcsShape(v));
  if (!value || typeof value !== 'object') return value;
  if (VERBATIM_MAPS.has(key)) return value;
  const out: Props = {};
  for (const [k, v] of Object.entries(value as Props))
    out[ECS_NAMES[k] ?? k.charAt(0).toLowerCase() + k.slice(1)] = toEcsShape(v, k);
  return out;
}

/** Whether a changed property set requires replacement under a provider's rules. */
export function requiresReplacement(provider: ResourceProvider, changed: string[]): boolean {
  const rule = provider.replacedBy;
  if (Array.isArray(rule)) return changed.some((p) => rule.includes(p));
  return changed.some((p) => !rule.except.includes(p));
}
