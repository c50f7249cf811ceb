import type { EcsServiceStep } from '@gantry/domain';
import type { SecretPlan, StackSecret } from './build-context';
import type { FieldValues } from './field-values';
import { pascalCase } from './parameter-names';

/**
 * The secrets for the sensitive environment values of a step: an environment value that is
 * exactly one sensitive variable shares the secret `Secret<Parameter>` with every other use of
 * that variable; text around sensitive variables gets its own `Secret<Container><Key>`. Their
 * values only ever come from `NoEcho` parameters, so no sensitive value is in the template.
 */
export function planSecrets(step: EcsServiceStep, values: FieldValues): SecretPlan {
  const byEntry = new Map<string, string>();
  const byParameter = new Map<string, string>();
  const secrets = new Map<string, StackSecret>();
  const used = new Set<string>();
  const reserve = (wanted: string): string => {
    let id = wanted;
    for (let n = 2; used.has(id); n++) id = `${wanted}${n}`;
    used.add(id);
    return id;
  };
  step.containers.forEach((container, index) => {
    for (const key of Object.keys(container.environment).sort()) {
      const raw = container.environment[key];
      if (!values.sensitive(raw)) continue;
      const value = values.text(raw);
      const parameter =
        typeof value === 'object' && !Array.isArray(value) && typeof value.Ref === 'string'
          ? value.Ref
          : null;
      let id = parameter ? byParameter.get(parameter) : undefined;
      if (!id) {
        id = reserve(
          parameter
            ? `Secret${parameter}`
            : `Secret${pascalCase(container.name)}${pascalCase(key)}`,
        );
        if (parameter) byParameter.set(parameter, id);
        secrets.set(id, {
          logicalId: id,
          value,
          holds: parameter ? `parameter ${parameter}` : `${key} of container ${container.name}`,
        });
      }
      byEntry.set(`${index}/${key}`, id);
    }
  });
  return {
    forEnvironment: (containerIndex, key) => byEntry.get(`${containerIndex}/${key}`),
    secrets: [...secrets.values()],
  };
}
