import type { ChangeSetResourceChange, ResourceRecord, Stack } from './cfn-types';
import { referencedNames, resolve, type ResolveContext } from './intrinsics';
import { PROVIDERS } from './resources';
import { changedProperties } from './stack-runtime';
import { parseTemplate } from './template-parser';
import { planResolveContext, type TemplatePlan } from './template-plan';

const NEW = '{{new:';

function liveResources(stack: Stack | undefined): Record<string, ResourceRecord> {
  const out: Record<string, ResourceRecord> = {};
  for (const [id, r] of Object.entries(stack?.resources ?? {})) {
    if (!['DELETE_COMPLETE', 'DELETE_SKIPPED'].includes(r.status) && r.physicalId) out[id] = r;
  }
  return out;
}

function symbolicContext(
  plan: TemplatePlan,
  live: Record<string, ResourceRecord>,
  fresh: Set<string>,
): ResolveContext {
  return planResolveContext(plan, (id) => {
    if (!(id in plan.resources)) return undefined;
    const record = live[id];
    if (!record || fresh.has(id))
      return { ref: `${NEW}${id}}}`, attribute: (n) => `${NEW}${id}.${n}}}` };
    return { ref: record.ref, attribute: (n) => record.attributes[n] ?? `${NEW}${id}.${n}}}` };
  });
}

function isReplacementRule(type: string, property: string): boolean {
  const rule = PROVIDERS[type].replacedBy;
  return Array.isArray(rule) ? rule.includes(property) : !rule.except.includes(property);
}

type Detail = Record<string, unknown> & {
  Target: { Name: string; RequiresRecreation: string };
  Evaluation: 'Static' | 'Dynamic';
};

/** Parameters whose value differs from the deployed stack's. */
function parametersChanged(stack: Stack | undefined, plan: TemplatePlan): Set<string> {
  const before = new Map((stack?.parameters ?? []).map((p) => [p.ParameterKey, p.ParameterValue]));
  return new Set(
    plan.parameters.stackParameters
      .filter((p) => before.get(p.ParameterKey) !== p.ParameterValue)
      .map((p) => p.ParameterKey),
  );
}

/**
 * Why one property changes, as change sets detail it
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChangeDetail.html):
 * a resource being added or replaced that it refers to (Dynamic `ResourceReference`, the causing
 * entity `Task` or `Task.Arn`), a parameter whose value changed (Static `ParameterReference`), or
 * an edit of the template itself (Static `DirectModification`).
 */
function propertyDetails(
  type: string,
  name: string,
  raw: unknown,
  resolved: unknown,
  changedParameters: Set<string>,
): Detail[] {
  const target = {
    Attribute: 'Properties',
    Name: name,
    RequiresRecreation: isReplacementRule(type, name) ? 'Always' : 'Never',
  };
  const fromResources = [
    ...new Set(
      [...JSON.stringify(resolved ?? null).matchAll(/\{\{new:([^}]+)\}\}/g)].map((m) => m[1]),
    ),
  ];
  if (fromResources.length > 0)
    return fromResources.map((entity) => ({
      Target: target,
      Evaluation: 'Dynamic',
      ChangeSource: 'ResourceReference',
      CausingEntity: entity,
    }));
  const fromParameters = [...referencedNames(raw)].filter((n) => changedParameters.has(n));
  if (fromParameters.length > 0)
    return fromParameters.map((entity) => ({
      Target: target,
      Evaluation: 'Static',
      ChangeSource: 'ParameterReference',
      CausingEntity: entity,
    }));
  return [{ Target: target, Evaluation: 'Static', ChangeSource: 'DirectModification' }];
}

/**
 * `True` when a known change requires recreation, `Conditional` when only values that are known
 * after other resources change might (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html).
 */
function replacementOf(typeChanged: boolean, details: Detail[]): 'True' | 'False' | 'Conditional' {
  const recreating = details.filter((d) => d.Target.RequiresRecreation === 'Always');
  if (typeChanged || recreating.some((d) => d.Evaluation === 'Static')) return 'True';
  return recreating.length > 0 ? 'Conditional' : 'False';
}

/**
 * The resource changes a change set shows: Add, Modify (with Replacement and per-property
 * Details) and Remove, comparing the new template's properties with the deployed ones. A
 * property that depends on a resource being added or replaced is a dynamic change.
 */
export function computeChanges(
  stack: Stack | undefined,
  plan: TemplatePlan,
  options: { includePropertyValues?: boolean; masked?: readonly string[] } = {},
): ChangeSetResourceChange[] {
  const live = liveResources(stack);
  const fresh = new Set<string>();
  const changedParameters = parametersChanged(stack, plan);
  const ctx = symbolicContext(plan, live, fresh);
  const changes: ChangeSetResourceChange[] = [];
  for (const id of plan.order) {
    const r = plan.resources[id];
    const old = live[id];
    if (!old) {
      fresh.add(id);
      changes.push({
        Action: 'Add',
        LogicalResourceId: id,
        ResourceType: r.Type,
        Scope: [],
        Details: [],
      });
      continue;
    }
    const props = resolve(r.Properties ?? {}, ctx) as Record<string, unknown>;
    const changed = changedProperties(old.properties, props);
    if (changed.length === 0 && old.type === r.Type) continue;
    const details = changed.flatMap((name) =>
      propertyDetails(r.Type, name, r.Properties?.[name], props[name], changedParameters),
    );
    const replacement = replacementOf(old.type !== r.Type, details);
    if (replacement !== 'False') fresh.add(id);
    changes.push({
      Action: 'Modify',
      LogicalResourceId: id,
      PhysicalResourceId: old.physicalId,
      ResourceType: r.Type,
      Replacement: replacement,
      Scope:
        changed.includes('Tags') && changed.length === 1
          ? ['Tags']
          : changed.includes('Tags')
            ? ['Properties', 'Tags']
            : ['Properties'],
      Details: options.includePropertyValues
        ? withValues(details, old.properties, props, options.masked ?? [])
        : details,
    });
  }
  for (const [id, old] of Object.entries(live)) {
    if (!(id in plan.resources)) {
      changes.push({
        Action: 'Remove',
        LogicalResourceId: id,
        PhysicalResourceId: old.physicalId,
        ResourceType: old.type,
        Scope: [],
        Details: [],
      });
    }
  }
  return changes;
}

/** Each property's first detail, once per changed value under it (`IncludePropertyValues`). */
function withValues(
  details: Detail[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  secrets: readonly string[],
): Detail[] {
  const expanded = new Set<string>();
  return details.flatMap((detail) => {
    const name = detail.Target.Name;
    if (expanded.has(name)) return [detail];
    expanded.add(name);
    const leaves = leafChanges(`/Properties/${name}`, before[name], after[name]);
    if (!leaves.length) return [detail];
    return leaves.map((leaf) => ({
      ...detail,
      Target: { ...detail.Target, ...masked(leaf, secrets) },
    }));
  });
}

/**
 * With `IncludePropertyValues`, one detail per changed value: its `Path` (`/Properties/
 * ContainerDefinitions/0/Image`), `BeforeValue`, `AfterValue` and `AttributeChangeType`.
 * Objects are compared key by key and lists item by item; scalars are shown as text.
 */
function leafChanges(path: string, before: unknown, after: unknown): Record<string, string>[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const container = (value: unknown) => typeof value === 'object' && value !== null;
  if (container(before) && container(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before as object), ...Object.keys(after as object)]);
    return [...keys].flatMap((key) =>
      leafChanges(
        `${path}/${key}`,
        (before as Record<string, unknown>)[key],
        (after as Record<string, unknown>)[key],
      ),
    );
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  if (before === undefined)
    return [{ Path: path, AfterValue: text(after), AttributeChangeType: 'Add' }];
  if (after === undefined)
    return [{ Path: path, BeforeValue: text(before), AttributeChangeType: 'Remove' }];
  return [
    {
      Path: path,
      BeforeValue: text(before),
      AfterValue: text(after),
      AttributeChangeType: 'Modify',
    },
  ];
}

/** NoEcho parameter values never show: as in AWS, they read `****`. */
function masked(leaf: Record<string, string>, secrets: readonly string[]): Record<string, string> {
  const hide = (value: string | undefined) =>
    value === undefined
      ? undefined
      : secrets.reduce((text, secret) => (secret ? text.split(secret).join('****') : text), value);
  return Object.fromEntries(
    Object.entries({
      ...leaf,
      BeforeValue: hide(leaf.BeforeValue),
      AfterValue: hide(leaf.AfterValue),
    }).filter(([, value]) => value !== undefined),
  ) as Record<string, string>;
}

/** CloudFormation's "nothing to do": no resource changes, same outputs and parameters. */
export function hasNoChanges(
  stack: Stack,
  plan: TemplatePlan,
  changes: ChangeSetResourceChange[],
): boolean {
  if (changes.length > 0) return false;
  const previous = JSON.stringify(safeParse(stack.templateBody)?.Outputs ?? null);
  const sameOutputs = previous === JSON.stringify(plan.template.Outputs ?? null);
  const sameParameters =
    JSON.stringify(stack.parameters) === JSON.stringify(plan.parameters.stackParameters);
  return sameOutputs && sameParameters;
}

function safeParse(body: string): { Outputs?: unknown } | undefined {
  try {
    return parseTemplate(body);
  } catch {
    return undefined;
  }
}
