/** The JSON body of every notification: the event and what it is about, with links. */
export interface NotificationPayload {
  id: string;
  event: string;
  occurredAt: string;
  project: { id: string; slug: string; name: string };
  release: {
    id: string;
    version: string;
    url: string;
    build: Record<string, string> | null;
    workItems: { id: string; title?: string; url?: string }[];
    blockedReason: string | null;
  };
  deployment?: {
    id: string;
    status: string;
    url: string;
    logUrl: string;
    environment: { id: string; slug: string; name: string };
    tenant: { id: string; slug: string; name: string; tags: string[] } | null;
    error: string | null;
    waitingReason: string | null;
    createdBy: string | null;
    startedAt: string | null;
    finishedAt: string | null;
  };
}

/** A message for people (Slack, email): a title, lines of facts, and links. */
export interface ReadableMessage {
  title: string;
  lines: string[];
  links: { label: string; url: string }[];
}

const VERBS: Record<string, string> = {
  'deployment.queued': 'queued',
  'deployment.started': 'started',
  'deployment.waiting-for-approval': 'is waiting for approval',
  'deployment.succeeded': 'succeeded',
  'deployment.failed': 'FAILED',
  'deployment.cancelled': 'was cancelled',
};

/** Words a notification the same way for every human channel. */
export function readableMessage(payload: NotificationPayload): ReadableMessage {
  const { project, release, deployment } = payload;
  const where = deployment
    ? `${deployment.environment.name}${deployment.tenant ? ` (${deployment.tenant.name})` : ''}`
    : '';
  const title = deployment
    ? `${project.name} ${release.version} to ${where} ${VERBS[payload.event] ?? payload.event}`
    : payload.event === 'release.blocked'
      ? `${project.name} ${release.version} was blocked`
      : `${project.name} ${release.version} was created`;
  const build = release.build;
  const lines = [
    ...(deployment?.error ? [`Error: ${deployment.error}`] : []),
    ...(deployment?.waitingReason ? [`Waiting: ${deployment.waitingReason}`] : []),
    ...(release.blockedReason ? [`Blocked: ${release.blockedReason}`] : []),
    ...(deployment?.createdBy ? [`Started by: ${deployment.createdBy}`] : []),
    ...(build?.commit
      ? [
          `Commit: ${build.commit}${build.branch ? ` on ${build.branch}` : ''}${build.repository ? ` (${build.repository})` : ''}`,
        ]
      : []),
    ...release.workItems.map(
      (item) => `Work item ${item.id}${item.title ? `: ${item.title}` : ''}`,
    ),
  ];
  const links = [
    ...(deployment
      ? [
          { label: 'Deployment', url: deployment.url },
          { label: 'Log', url: deployment.logUrl },
        ]
      : []),
    { label: `Release ${release.version}`, url: release.url },
    ...(build?.url
      ? [{ label: `Build${build.number ? ` ${build.number}` : ''}`, url: build.url }]
      : []),
    ...release.workItems.flatMap((item) => (item.url ? [{ label: item.id, url: item.url }] : [])),
  ];
  return { title, lines, links };
}
