import type { Cell } from '../output';
import type { Deployment, LogLine, Ref } from './deployment.types';

const name = (ref: Ref | null | undefined): string => ref?.slug ?? ref?.id ?? '';

/** `tenant/environment`, or just the environment for an untenanted deployment. */
export function deploymentLabel(deployment: Deployment): string {
  return deployment.tenant
    ? `${name(deployment.tenant)}/${name(deployment.environment)}`
    : name(deployment.environment);
}

/** One log line as printed while following: `[acme/prod] 12:00:01 cloudformation: message`. */
export function formatLogLine(deployment: Deployment, line: LogLine): string {
  const time = /T(\d\d:\d\d:\d\d)/.exec(line.at)?.[1] ?? line.at;
  const level = line.level && line.level !== 'info' ? ` ${line.level.toUpperCase()}` : '';
  return `[${deploymentLabel(deployment)}] ${time}${level} ${line.source}: ${line.message}`;
}

export const DEPLOYMENT_HEADERS = [
  'DEPLOYMENT',
  'PROJECT',
  'RELEASE',
  'ENVIRONMENT',
  'TENANT',
  'STATUS',
  'DURATION',
  'ERROR',
];

/** A row of the deployments table (after starting them, and the summary after `--wait`). */
export function deploymentRow(deployment: Deployment): Cell[] {
  return [
    deployment.id,
    name(deployment.project),
    deployment.release?.version,
    name(deployment.environment),
    name(deployment.tenant),
    deployment.status,
    duration(deployment.startedAt, deployment.finishedAt),
    deployment.error,
  ];
}

/** `1m05s` between two timestamps; empty until the deployment has both. */
export function duration(start: string | null | undefined, end: string | null | undefined): string {
  if (!start || !end) return '';
  const seconds = Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 1000));
  if (!Number.isFinite(seconds)) return '';
  const minutes = Math.floor(seconds / 60);
  return minutes ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}
