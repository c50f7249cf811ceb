/**
 * ECS's blue/green lifecycle stages in the order a service deployment goes through them
 * (ECS API reference, `ServiceDeployment.lifecycleStage`). `RECONCILE_SERVICE` happens only when
 * a deployment starts with more than one service revision ACTIVE.
 */
export const BLUE_GREEN_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
] as const;

export type BlueGreenStage = (typeof BLUE_GREEN_STAGES)[number];

export function isBlueGreenStage(value: unknown): value is BlueGreenStage {
  return BLUE_GREEN_STAGES.includes(value as BlueGreenStage);
}

/** The stage after `stage`, or null after the last (CLEAN_UP). */
export function nextBlueGreenStage(stage: BlueGreenStage): BlueGreenStage | null {
  return BLUE_GREEN_STAGES[BLUE_GREEN_STAGES.indexOf(stage) + 1] ?? null;
}

/** ECS's service deployment statuses that end one (ECS developer guide, "service deployment states"). */
const FINISHED_STATUSES = ['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'];

export function isServiceDeploymentFinished(status: string | undefined): boolean {
  return FINISHED_STATUSES.includes(status ?? '');
}

/** One look at a blue/green service deployment (`DescribeServiceDeployments`). */
export interface ServiceDeploymentLook {
  status: string;
  lifecycleStage?: string;
  statusReason?: string;
  rollbackReason?: string;
}

/** The revisions a blue/green deployment moves between, as `:<revision>` labels, and its bake time. */
export interface BlueGreenRevisions {
  /** The revision taking production traffic before (blue). */
  source: string;
  /** The revision being deployed (green). */
  target: string;
  bakeTimeInMinutes: number;
}

/** What the log has said so far of one blue/green service deployment. */
export interface BlueGreenReported {
  stage: BlueGreenStage | null;
  status: string | null;
}

export const NOTHING_REPORTED: BlueGreenReported = { stage: null, status: null };

export interface PhaseLine {
  level: 'info' | 'warn' | 'error';
  message: string;
}

function stageLine(stage: BlueGreenStage, r: BlueGreenRevisions): string {
  switch (stage) {
    case 'RECONCILE_SERVICE':
      return 'reconciling the service revisions that are still active';
    case 'PRE_SCALE_UP':
      return `preparing revision ${r.target}; production traffic stays on ${r.source}`;
    case 'SCALE_UP':
      return `starting the new revision ${r.target} on the target group without production traffic`;
    case 'POST_SCALE_UP':
      return `the new revision ${r.target} is up; production traffic is still on ${r.source}`;
    case 'TEST_TRAFFIC_SHIFT':
      return 'shifting test traffic to the new revision';
    case 'POST_TEST_TRAFFIC_SHIFT':
      return `test traffic is on revision ${r.target}`;
    case 'PRODUCTION_TRAFFIC_SHIFT':
      return 'shifting production traffic to the new revision';
    case 'POST_PRODUCTION_TRAFFIC_SHIFT':
      return `production traffic is on revision ${r.target}`;
    case 'BAKE_TIME':
      return `baking for ${r.bakeTimeInMinutes} min (${r.source} keeps running for a rollback)`;
    case 'CLEAN_UP':
      return `cleaning up: stopping the old revision ${r.source}`;
  }
}

function statusLine(look: ServiceDeploymentLook, r: BlueGreenRevisions): PhaseLine | null {
  const reason = look.rollbackReason ?? look.statusReason;
  const because = reason ? `: ${reason}` : '';
  switch (look.status) {
    case 'SUCCESSFUL':
      return { level: 'info', message: `deployed: production traffic is on revision ${r.target}` };
    case 'ROLLBACK_REQUESTED':
    case 'ROLLBACK_IN_PROGRESS':
      return { level: 'warn', message: `rolling back to revision ${r.source}${because}` };
    case 'ROLLBACK_SUCCESSFUL':
      return { level: 'warn', message: `rolled back: traffic is on revision ${r.source}` };
    case 'ROLLBACK_FAILED':
      return { level: 'error', message: `rollback failed${because}` };
    case 'STOPPED':
      return { level: 'warn', message: `deployment stopped${because}` };
    default:
      return null;
  }
}

/**
 * The log lines a new look at a blue/green service deployment adds, in order, and what has been
 * reported after them. Stages are logged once each; a stage that began and ended between two
 * looks is logged when a later one shows it passed (ECS goes through them in order), so the log
 * always reads in ECS's order. A rollback is logged as it starts and as it ends.
 */
export function blueGreenPhaseLines(
  reported: BlueGreenReported,
  look: ServiceDeploymentLook,
  revisions: BlueGreenRevisions,
): { lines: PhaseLine[]; reported: BlueGreenReported } {
  const lines: PhaseLine[] = [];
  let stage = reported.stage;
  const seen = isBlueGreenStage(look.lifecycleStage)
    ? look.lifecycleStage
    : look.status === 'SUCCESSFUL'
      ? 'CLEAN_UP'
      : null;
  if (seen) {
    const from = stage ? BLUE_GREEN_STAGES.indexOf(stage) + 1 : firstStageIndex(seen);
    for (let i = from; i <= BLUE_GREEN_STAGES.indexOf(seen); i++) {
      stage = BLUE_GREEN_STAGES[i];
      lines.push({ level: 'info', message: stageLine(stage, revisions) });
    }
  }
  const rollbackStarted = ['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'];
  const alreadySaid =
    look.status === reported.status ||
    (rollbackStarted.includes(look.status) && rollbackStarted.includes(reported.status ?? ''));
  if (!alreadySaid) {
    if (
      isServiceDeploymentFinished(look.status) &&
      look.status.startsWith('ROLLBACK') &&
      !rollbackStarted.includes(reported.status ?? '')
    ) {
      const started = statusLine({ ...look, status: 'ROLLBACK_IN_PROGRESS' }, revisions);
      if (started) lines.push(started);
    }
    const line = statusLine(look, revisions);
    if (line) lines.push(line);
  }
  return {
    lines: lines.map((line) => ({ ...line, message: `Blue/green: ${line.message}` })),
    reported: { stage, status: look.status },
  };
}

/** Where a first look starts the log: RECONCILE_SERVICE only when it was seen itself. */
function firstStageIndex(seen: BlueGreenStage): number {
  return seen === 'RECONCILE_SERVICE' ? 0 : BLUE_GREEN_STAGES.indexOf('PRE_SCALE_UP');
}

/** `arn:…:task-definition/web:4` → `:4` (the revision label the log uses). */
export function revisionLabel(taskDefinitionArn: string | undefined): string {
  const revision = taskDefinitionArn?.split(':').pop();
  return revision && /^\d+$/.test(revision) ? `:${revision}` : (taskDefinitionArn ?? '?');
}
