import type { DeploymentEntity, DeploymentTargetEntity } from '@gantry/persistence';
import type { CloudFormationGateway } from '../gateways/cloudformation.gateway';
import type { EcsGateway } from '../gateways/ecs.gateway';
import type { DeploymentLog } from './deployment-log';

/** One target of one deployment, and the ways to reach and report on it. */
export interface TargetContext {
  deployment: DeploymentEntity;
  target: DeploymentTargetEntity;
  cluster: string;
  cloudformation: CloudFormationGateway;
  ecs: EcsGateway;
  log: DeploymentLog;
  isCancelRequested: () => Promise<boolean>;
  /** Null when the target's cluster is ACTIVE; otherwise why nothing may be deployed there. */
  clusterProblem: () => Promise<string | null>;
  /**
   * Says the target is ready for AWS (rendered, about to make its first call): the next
   * deployment may start getting ready (see StartGate). Call it before any wait on AWS.
   */
  ready: () => void;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
