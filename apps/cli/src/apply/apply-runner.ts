import { GantryClient, segment } from '../client';
import { ApplyFile, ApplyItem, itemKey } from './apply-file';
import { ApplyKind, planItem, PlanOptions } from './plan-item';
import { planVariables, StoredVariable } from './plan-variables';

export type ApplyAction = 'created' | 'updated' | 'unchanged';

export interface ApplyResult {
  kind: ApplyKind | 'variables';
  key: string;
  action: ApplyAction;
  /** The fields sent in an update. */
  fields?: string[];
}

type Json = Record<string, unknown>;

/**
 * Applies a parsed file in an order that satisfies references: environments, lifecycles
 * (phases name environments), projects (a lifecycle), channels (a lifecycle), tenants (projects
 * and environments), targets (environments and tenants), and last variables, whose scopes may
 * name any of them. Lists the file leaves empty are not even read. Never deletes anything.
 */
export async function applyFile(
  client: GantryClient,
  file: ApplyFile,
  options: PlanOptions,
  report: (result: ApplyResult) => void,
): Promise<ApplyResult[]> {
  const results: ApplyResult[] = [];
  const record = (result: ApplyResult) => {
    results.push(result);
    report(result);
  };
  const apply = (kind: ApplyKind, path: string, items: ApplyItem[], prefix = '') =>
    applyList(client, kind, path, items, options, prefix, record);
  await apply('environment', '/api/environments', file.environments);
  await apply('lifecycle', '/api/lifecycles', file.lifecycles);
  await apply('project', '/api/projects', file.projects);
  for (const project of file.projects) {
    if (project.channels?.length)
      await apply(
        'channel',
        `/api/projects/${segment(itemKey(project))}/channels`,
        project.channels,
        `${itemKey(project)}/`,
      );
  }
  await apply('tenant', '/api/tenants', file.tenants);
  await apply('target', '/api/targets', file.targets);
  for (const project of file.projects) {
    if (project.variables)
      await applyVariables(client, itemKey(project), project.variables, options, record);
  }
  return results;
}

async function applyList(
  client: GantryClient,
  kind: ApplyKind,
  path: string,
  items: ApplyItem[],
  options: PlanOptions,
  prefix: string,
  record: (result: ApplyResult) => void,
): Promise<void> {
  if (!items.length) return;
  // Tenants are compared with their connections, which the list leaves out unless asked.
  const query = kind === 'tenant' ? { include: 'connections' } : {};
  const existing = new Map(
    (await client.listAll<Json>(path, query)).map((item) => [String(item.slug), item]),
  );
  for (const item of items) {
    const key = itemKey(item);
    const plan = planItem(kind, item, existing.get(key), options);
    if (plan.action === 'create') await client.post(path, plan.body);
    if (plan.action === 'update') await client.patch(`${path}/${segment(key)}`, plan.body);
    const action: ApplyAction =
      plan.action === 'create' ? 'created' : plan.action === 'update' ? 'updated' : 'unchanged';
    record({
      kind,
      key: `${prefix}${key}`,
      action,
      ...(plan.action === 'update' ? { fields: plan.changed } : {}),
    });
  }
}

async function applyVariables(
  client: GantryClient,
  project: string,
  items: Json[],
  options: PlanOptions,
  record: (result: ApplyResult) => void,
): Promise<void> {
  const path = `/api/projects/${segment(project)}/variables`;
  const stored = await client.get<{ items: StoredVariable[] }>(path);
  const plan = planVariables(items, stored.items, options);
  if (plan.changed) await client.put(path, plan.body);
  const action: ApplyAction = !plan.changed
    ? 'unchanged'
    : stored.items.length
      ? 'updated'
      : 'created';
  record({ kind: 'variables', key: project, action });
}

/** One line per item, as printed by `gantry apply`. */
export function formatApplyResult(result: ApplyResult): string {
  const fields = result.fields?.length ? ` (${result.fields.join(', ')})` : '';
  return `${result.kind} ${result.key} ${result.action}${fields}`;
}
