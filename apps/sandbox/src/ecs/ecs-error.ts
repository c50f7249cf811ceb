/** An error ECS would answer, with its `__type` and message wording. */
export class EcsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    /** Members ECS adds to this error's body (a ConflictException's `resourceIds`). */
    readonly members: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const clusterNotFound = (): EcsError =>
  new EcsError('ClusterNotFoundException', 'Cluster not found.');
export const serviceNotFound = (): EcsError =>
  new EcsError('ServiceNotFoundException', 'Service not found.');
export const serviceNotActive = (): EcsError =>
  new EcsError('ServiceNotActiveException', 'Service was not ACTIVE.');
export const invalidParameter = (message: string): EcsError =>
  new EcsError('InvalidParameterException', message);
export const clientException = (message: string): EcsError =>
  new EcsError('ClientException', message);
export const conflict = (message: string, resourceIds: string[]): EcsError =>
  new EcsError('ConflictException', message, 400, { resourceIds });
