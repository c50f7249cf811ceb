import type { EcsServiceStep, VariableDefinition } from '@gantry/domain';
import type { CfnTemplate } from './template.types';

export interface NamedRef {
  id: string;
  slug: string;
  name: string;
}

/**
 * Everything the deployment template of one (release, environment, tenant, target) depends on.
 * Plain data. `release.step` must be the output of `ecsServiceStepSchema` (defaults applied);
 * `variables` is the release's snapshot with sensitive values already decrypted.
 */
export interface RenderInput {
  project: NamedRef;
  release: {
    id: string;
    version: string;
    /** Container name → image tag chosen for the release. */
    images: Record<string, string>;
    step: EcsServiceStep;
  };
  environment: NamedRef;
  tenant: NamedRef | null;
  channel: NamedRef;
  /** `cluster` becomes the service's `Cluster`; `region` is for the caller (the template uses `AWS::Region`). */
  target: NamedRef & { cluster: string; region: string };
  variables: VariableDefinition[];
  /** Written to `Metadata.Gantry.deploymentId` only: never a resource property or tag. */
  deploymentId?: string;
  /**
   * The stack (and task definition family and service) name: the step's (`stepStackName`);
   * without it, the single-step model's `gantry-<project>-<env>[-<tenant>]`.
   */
  stackName?: string;
}

/** A parameter value the worker passes to CloudFormation (`noEcho` ones must never be logged). */
export interface StackParameterValue {
  key: string;
  value: string;
  noEcho: boolean;
}

export interface RenderResult {
  template: CfnTemplate;
  parameters: StackParameterValue[];
  /** sha256 (hex) of the template's canonical JSON without the deployment id: equal templates, equal hashes. */
  hash: string;
}

/**
 * A project's step, converted to a standalone template that needs no Gantry: image tags, every
 * variable the step uses and the cluster become parameters.
 */
export interface ConvertInput {
  project: NamedRef;
  step: EcsServiceStep;
  variables: VariableDefinition[];
  /** Defaults for the image tag parameters (e.g. a release's tags); without one, no default. */
  images?: Record<string, string>;
  /** Default of `#{Gantry.Release.Number}` when the step uses it. */
  releaseVersion?: string;
}

export interface ConvertResult {
  template: CfnTemplate;
  hash: string;
}
