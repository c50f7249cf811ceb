import { validationError } from './cfn-error';
import type { TemplateResource } from './cfn-types';
import { referencedNames } from './intrinsics';

/** Each resource's dependencies on other resources: Ref, Fn::GetAtt, Fn::Sub and DependsOn. */
export function dependencies(
  resources: Record<string, TemplateResource>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, r] of Object.entries(resources)) {
    const names = referencedNames(r.Properties ?? {});
    const dependsOn =
      r.DependsOn === undefined ? [] : Array.isArray(r.DependsOn) ? r.DependsOn : [r.DependsOn];
    for (const d of dependsOn) {
      if (!(d in resources)) {
        throw validationError(
          `Template format error: Unresolved resource dependencies [${d}] in the Resources block of the template`,
        );
      }
      names.add(d);
    }
    out[id] = [...names].filter((n) => n in resources && n !== id).sort();
  }
  return out;
}

/**
 * Resources in an order where each comes after what it depends on (ties by template order),
 * or a ValidationError naming the resources in a cycle.
 */
export function topologicalOrder(deps: Record<string, string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = path.slice(path.indexOf(id));
      throw validationError(
        `Circular dependency between resources: [${[...cycle].sort().join(', ')}]`,
      );
    }
    state.set(id, 'visiting');
    for (const d of deps[id] ?? []) visit(d, [...path, id]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of Object.keys(deps)) visit(id, []);
  return order;
}
