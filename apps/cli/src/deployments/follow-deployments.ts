import type { CommandContext } from '../command-context';
import { dataOf } from '../client';
import { WaitTimeoutError } from '../cli-errors';
import { ExitCode, exitCodeForStatuses } from '../exit-codes';
import {
  DEPLOYMENT_HEADERS,
  deploymentLabel,
  deploymentRow,
  duration,
  formatLogLine,
} from './deployment-format';
import { Deployment, ENDED_STATUSES } from './deployment.types';
import { pendingIntervention, waitingLines } from './interventions';

interface Followed {
  deployment: Deployment;
  after: number;
  ended: boolean;
  /** The intervention steps already announced as waiting. */
  announced: Set<string>;
  /** When a line about it was last printed. */
  printedAt: number;
  /** Each stack's latest status, as its CloudFormation log lines tell. */
  stacks: Map<string, string>;
}

/**
 * `gantry-shop-dev AWS::CloudFormation::Stack UPDATE_IN_PROGRESS` (a stack event) or
 * `Stack gantry-shop-dev is UPDATE_IN_PROGRESS; …` (the worker's note) → the stack and its status,
 * after the `[step/target] ` prefix of a process's log lines.
 */
const STACK_STATUS_LINES = [
  /^(?:\[[^\]]+\] )?(\S+) AWS::CloudFormation::Stack ([A-Z_]+)/,
  /^(?:\[[^\]]+\] )?Stack (\S+) is ([A-Z_]+);/,
];

/**
 * Follows deployments until every one has ended or the timeout runs out: polls each
 * deployment and its log, printing new log lines as they arrive, then prints a summary table.
 * Returns the exit code: 0 all succeeded, 1 one failed or was cancelled, 3 timed out.
 */
export async function followDeployments(
  context: CommandContext,
  deployments: Deployment[],
  timeoutMs?: number,
): Promise<number> {
  const { out } = context;
  const followed: Followed[] = deployments.map((deployment) => ({
    deployment,
    after: 0,
    ended: false,
    announced: new Set<string>(),
    printedAt: Date.now(),
    stacks: new Map(),
  }));
  const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
  for (;;) {
    for (const item of followed.filter((candidate) => !candidate.ended)) await poll(context, item);
    if (followed.every((item) => item.ended) || Date.now() >= deadline) break;
    await sleep(Math.min(context.pollIntervalMs, deadline - Date.now()));
  }
  const all = followed.map((item) => item.deployment);
  const timedOut = !followed.every((item) => item.ended);
  out.table(DEPLOYMENT_HEADERS, all.map(deploymentRow));
  if (timedOut) out.error(`error: ${new WaitTimeoutError(timeoutMs ?? 0).message}`);
  out.result({ deployments: all, timedOut });
  return timedOut
    ? ExitCode.timeout
    : exitCodeForStatuses(all.map((deployment) => deployment.status));
}

/** Reads the status first, then the log, so a deployment seen as ended has all its lines read. */
async function poll(
  { client, out, verbose, progressIntervalMs }: CommandContext,
  item: Followed,
): Promise<void> {
  const id = item.deployment.id;
  item.deployment = dataOf(
    await client.api.GET('/api/deployments/{id}', { params: { path: { id } } }),
  );
  const ended = ENDED_STATUSES.has(item.deployment.status);
  for (;;) {
    const { items } = dataOf(
      await client.api.GET('/api/deployments/{id}/log', {
        params: { path: { id }, query: { after: item.after } },
      }),
    );
    for (const line of items) {
      out.line(formatLogLine(item.deployment, line));
      item.printedAt = Date.now();
      if (line.source !== 'cloudformation') continue;
      const stack = STACK_STATUS_LINES.map((re) => re.exec(line.message)).find(Boolean);
      if (stack) item.stacks.set(stack[1], stack[2]);
    }
    if (items.length) item.after = Math.max(item.after, ...items.map((line) => line.seq));
    if (!ended || !items.length) break;
  }
  // A deployment waiting for people keeps being followed: say once who may decide.
  const pending = pendingIntervention(item.deployment);
  if (pending && !item.announced.has(pending.step)) {
    item.announced.add(pending.step);
    for (const line of waitingLines(item.deployment, pending)) out.line(line);
    item.printedAt = Date.now();
  }
  if (!ended && Date.now() - item.printedAt >= progressIntervalMs) {
    out.line(progressLine(item));
    item.printedAt = Date.now();
  }
  if (ended) {
    item.ended = true;
    out.line(
      `[${deploymentLabel(item.deployment)}] ${item.deployment.status}${item.deployment.error ? `: ${item.deployment.error}` : ''}`,
    );
    if (verbose) for (const line of detailLines(item.deployment)) out.line(line);
  }
}

/**
 * `[dev] running for 1m20s: gantry-shop-dev UPDATE_IN_PROGRESS`: printed when a running deployment
 * was quiet for a while, so a long stack update (tasks starting, health checks) shows it is alive.
 */
function progressLine({ deployment, stacks }: Followed): string {
  const since = deployment.startedAt ?? deployment.createdAt;
  const elapsed = duration(since, new Date().toISOString());
  const where = [...stacks].map(([stack, status]) => `${stack} ${status}`).join(', ');
  return `[${deploymentLabel(deployment)}] ${deployment.status} for ${elapsed}${where ? `: ${where}` : ''}`;
}

/** `--verbose`: the evidence behind a failed deployment's error, indented under it. */
export function detailLines(deployment: Deployment): string[] {
  return (deployment.errorDetails ?? '')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `    ${line}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
