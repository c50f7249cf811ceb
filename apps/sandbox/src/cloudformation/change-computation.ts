import type { ChangeSetResourceChange, ResourceRecord, Stack } from './cfn-types';
import { resolve, type ResolveContext } from './intrinsics';
import { PROVIDERS } from './resources';
import { requiresReplacement } from './resources/provider';
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

/**
 * The resource changes a change set shows: Add, Modify (with Replacement and per-property
 * Details) and Remove, comparing the new template's properties with the deployed ones. A
 * property that depends on a resource being added or replaced is a dynamic change.
 */
export function computeChanges(
  stack: Stack | undefined,
  plan: TemplatePlan,
): ChangeSetResourceChange[] {
  const live = liveResources(stack);
  const fresh = new Set<string>();
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
    const replace = old.type !== r.Type || requiresReplacement(PROVIDERS[r.Type], changed);
    if (replace) fresh.add(id);
    changes.push({
      Action: 'Modify',
      LogicalResourceId: id,
      PhysicalResourceId: old.physicalId,
      ResourceType: r.Type,
      Replacement: replace ? 'True' : 'False',
      Scope:
        changed.includes('Tags') && changed.length === 1
          ? ['Tags']
          : changed.includes('Tags')
            ? ['Properties', 'Tags']
            : ['Properties'],
      Details: changed.map((name) => {
        const dynamic = JSON.stringify(props[name] ?? null).includes(NEW);
        return {
          Target: {
            Attribute: 'Properties',
            Name: name,
            RequiresRecreation: isReplacementRule(r.Type, name) ? 'Always' : 'Never',
          },
          Evaluation: dynamic ? 'Dynamic' : 'Static',
          ChangeSource: dynamic ? 'ResourceReference' : 'DirectModification',
        };
      }),
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
