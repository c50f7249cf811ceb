import { Injectable } from '@nestjs/common';
import { isFinalDeploymentStatus, notFound } from '@gantry/domain';
import { DeploymentsRepository } from '@gantry/persistence';
import type { LogLine, LogSource } from './deployment-log-stream';

/** The deployment log as the live stream reads it. */
@Injectable()
export class LiveService implements LogSource {
  constructor(private readonly deployments: DeploymentsRepository) {}

  async assertDeploymentExists(id: string): Promise<void> {
    if (!(await this.deployments.keyOf(id))) throw notFound('deployment', id);
  }

  linesAfter(deploymentId: string, after: number): Promise<LogLine[]> {
    return this.deployments.log(deploymentId, after, 500);
  }

  async isFinished(deploymentId: string): Promise<boolean> {
    return isFinalDeploymentStatus((await this.deployments.keyOf(deploymentId))?.status ?? '');
  }
}
