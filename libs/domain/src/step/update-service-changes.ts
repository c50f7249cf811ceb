import { DomainError, type FieldError } from '../errors/domain-error';
import {
  collectVariableUses,
  resolveVariables,
  substituteVariables,
  usesSensitiveVariable,
} from '../variables';
import type { ResolutionContext, VariableDefinition } from '../variables';
import type { EcsUpdateServiceStep } from './ecs-update-service-step.schema';
import type { TaskDefinitionChanges } from './task-definition-update';

/**
 * What an `ecs-update-service` step changes in one deployment: each named container's image with
 * the release's tag (`repository:tag`) and the step's environment variables with `#{…}`
 * substituted for the deployment's context. Plain variables only: a value using a sensitive
 * variable would be stored in the task definition in the clear, so it is refused (use the
 * service's own `secrets`). Throws DomainError `render_check_failed` listing every problem, or a
 * variable resolution error.
 */
export function updateServiceChanges(
  body: Pick<EcsUpdateServiceStep, 'containers' | 'environment'>,
  tags: Record<string, string>,
  variables: readonly VariableDefinition[],
  context: ResolutionContext,
): TaskDefinitionChanges {
  const problems: FieldError[] = [];
  const images: Record<string, string> = {};
  for (const [name, container] of Object.entries(body.containers)) {
    const tag = tags[name];
    if (!tag)
      problems.push({ path: `release.images.${name}`, message: `container '${name}' has no tag` });
    else images[name] = `${container.image}:${tag}`;
  }
  const uses = collectVariableUses(body.environment, 'step.environment');
  const resolved = resolveVariables(uses, variables, context);
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(body.environment)) {
    if (usesSensitiveVariable(value, resolved)) {
      problems.push({
        path: `step.environment.${key}`,
        message:
          'uses a sensitive variable; ecs-update-service sets plain environment variables only (keep secrets in the service’s own secrets)',
      });
      continue;
    }
    environment[key] = substituteVariables(value, resolved);
  }
  if (problems.length > 0)
    throw new DomainError(
      'render_check_failed',
      `The step cannot be applied: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      problems,
    );
  return { images, environment };
}
