import { createHash } from 'node:crypto';

/** `shop-web` → `ShopWeb`, `Db.primary_host` → `DbPrimaryHost`: the parts, each capitalised. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** The parameter holding a container's image tag: `shop-web` → `ImageTagShopWeb`. */
export function imageTagParameterName(containerName: string): string {
  return `ImageTag${pascalCase(containerName)}`;
}

/**
 * CloudFormation parameter names (alphanumeric) for variable names, avoiding `taken` names and
 * each other. Names are assigned in sorted order; a clash gets a short hash of the variable name,
 * so the result never depends on input order.
 */
export function variableParameterNames(
  variableNames: Iterable<string>,
  taken: Iterable<string>,
): Map<string, string> {
  const used = new Set(taken);
  const names = new Map<string, string>();
  for (const variable of [...new Set(variableNames)].sort()) {
    let name = pascalCase(variable) || 'Var';
    if (used.has(name))
      name = `${name}X${createHash('sha256').update(variable).digest('hex').slice(0, 8)}`;
    used.add(name);
    names.set(variable, name);
  }
  return names;
}

/** `ImageTag<PascalContainer>` per container, in container order; a rare clash gets a hash suffix. */
export function imageTagParameterNames(containerNames: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const container of containerNames) {
    let name = imageTagParameterName(container);
    if (used.has(name))
      name = `${name}X${createHash('sha256').update(container).digest('hex').slice(0, 8)}`;
    used.add(name);
    names.set(container, name);
  }
  return names;
}
