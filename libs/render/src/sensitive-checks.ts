import type { EcsServiceStep, FieldError, VariableUse } from '@gantry/domain';
import type { FieldValues } from './field-values';

const MESSAGE =
  'uses a sensitive variable, which would be readable in the task definition; ' +
  'sensitive variables belong in container environment values (they become secrets)';

/** Where a sensitive variable may be used: environment values, service (or task network) settings. */
const ALLOWED_PATH = /^step\.(?:containers\.\d+\.environment\.|service\.|network\.)/;

/**
 * Sensitive variables may be used in container `environment` values (they become Secrets Manager
 * secrets, so the task definition holds only their ARN) and in service settings (`NoEcho`
 * parameters). Anywhere else in the task definition, or in tags (which every resource carries,
 * the task definition too), the value would be readable by anyone allowed to describe it.
 */
export function checkSensitivePlacement(
  step: EcsServiceStep,
  values: FieldValues,
  problems: FieldError[],
  uses?: readonly VariableUse[],
): void {
  if (uses) {
    // The renderer already knows where each variable is used: no second walk of the step.
    const refused = new Set<string>();
    for (const use of uses) {
      if (ALLOWED_PATH.test(use.path) || refused.has(use.path)) continue;
      if (!values.sensitive(`#{${use.name}}`)) continue;
      refused.add(use.path);
      problems.push({ path: use.path, message: MESSAGE });
    }
    return;
  }
  const visit = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      if (node.includes('#{') && values.sensitive(node))
        problems.push({
          path,
          message: MESSAGE,
        });
    } else if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${path}.${index}`));
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        visit(key, path);
        visit(value, `${path}.${key}`);
      }
  };
  step.containers.forEach((container, index) => {
    const { environment: _environment, ...fields } = container;
    visit(fields, `step.containers.${index}`);
  });
  visit(step.task, 'step.task');
  visit(step.tags, 'step.tags');
}
