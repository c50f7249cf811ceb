import { eventually, PlatformHarness } from './platform-harness';

export interface DeploymentView {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  error?: string;
  errorDetails?: string;
  release: { id: string; version: string };
  environment: { slug: string };
  tenant: { slug: string } | null;
  targets: {
    stackName: string;
    status: string;
    changes?: unknown[];
    outputs?: Record<string, string>;
    errorDetails?: string;
  }[];
  createdBy?: string | null;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface SandboxService {
  serviceName: string;
  desiredCount: number;
  taskDefinition: string;
  deployments: {
    status: string;
    taskDefinition: string;
    runningCount: number;
    rolloutState: string;
  }[];
  events: { message: string }[];
}

export interface SandboxState {
  stacks: { stackName: string; status: string; statusReason?: string }[];
  services: SandboxService[];
  requestCounts: Record<string, number>;
}

const FINAL = ['succeeded', 'failed', 'cancelled'];

/** What the deployment e2e tests do through the API, plus a look at the sandbox's state. */
export function deployClient(platform: PlatformHarness) {
  const api = () => platform.api;
  const client = {
    async get(id: string): Promise<DeploymentView> {
      return (await api().get(`/api/deployments/${id}`).expect(200)).body as DeploymentView;
    },

    finished(id: string, timeoutMs = 30_000): Promise<DeploymentView> {
      return eventually(
        async () => {
          const deployment = await client.get(id);
          return FINAL.includes(deployment.status) ? deployment : undefined;
        },
        timeoutMs,
        `deployment ${id} to finish`,
      );
    },

    async createRelease(project: string, version: string, web: string): Promise<{ id: string }> {
      const response = await api()
        .post(`/api/projects/${project}/releases`, { version, images: { web, worker: '1.0.0' } })
        .expect(201);
      return response.body as { id: string };
    },

    async deploy(releaseId: string, body: Record<string, unknown>): Promise<DeploymentView[]> {
      const response = await api().post(`/api/releases/${releaseId}/deployments`, body).expect(202);
      return response.body.items as DeploymentView[];
    },

    /** The deployments of a release in a project and environment (automatic ones included). */
    async ofRelease(
      project: string,
      environment: string,
      releaseId: string,
    ): Promise<DeploymentView[]> {
      const response = await api()
        .get(`/api/deployments?project=${project}&environment=${environment}&limit=100`)
        .expect(200);
      return (response.body.items as DeploymentView[]).filter((d) => d.release.id === releaseId);
    },

    /** The single (automatic) deployment of a release to an environment, once it exists. */
    onlyOf(project: string, environment: string, releaseId: string): Promise<DeploymentView> {
      return eventually(
        async () => (await client.ofRelease(project, environment, releaseId))[0],
        10_000,
        `a deployment of release ${releaseId} to ${environment}`,
      );
    },

    async log(id: string): Promise<string[]> {
      const response = await api().get(`/api/deployments/${id}/log`).expect(200);
      return response.body.items.map((line: { message: string }) => line.message);
    },

    async sandboxState(): Promise<SandboxState> {
      return (await (await fetch(`${platform.sandbox.url}/_sandbox/state`)).json()) as SandboxState;
    },

    /** The live (not deleted) stack of that name in the sandbox. */
    async stack(name: string) {
      const state = await client.sandboxState();
      return state.stacks.find((s) => s.stackName === name && s.status !== 'DELETE_COMPLETE');
    },

    async service(name: string) {
      const state = await client.sandboxState();
      const service = state.services.find((s) => s.serviceName === name);
      const primary = service?.deployments.find((d) => d.status === 'PRIMARY');
      return { service, primary };
    },
  };
  return client;
}
