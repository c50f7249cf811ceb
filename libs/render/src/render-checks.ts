import {
  DomainError,
  stepBody,
  type EcsServiceStep,
  type FieldError,
  type ProcessStep,
  type VariableUse,
} from '@gantry/domain';
import { createFieldValues, type FieldValues } from './field-values';
import { checkNumbers, type CheckProblems } from './number-checks';
import { checkStructure } from './step-checks';
import { checkImages, checkReferences } from './field-checks';
import { checkTags, mergeTags, type TagEntry } from './tags';
import { checkOptions } from './option-checks';
import { checkSensitivePlacement } from './sensitive-checks';

export interface CheckInput {
  step: EcsServiceStep;
  values: FieldValues;
  images: Record<string, string> | undefined;
  imagesRequired: boolean;
  tags: readonly TagEntry[];
  /** Where the step uses variables (`collectVariableUses`), when the caller already has them. */
  uses?: readonly VariableUse[];
}

/** Every problem docs/deployments.md (Rendering) lists as checks before anything is sent, Fargate size problems apart. */
export function findRenderProblems(input: CheckInput): CheckProblems {
  const problems: CheckProblems = { general: [], fargate: [] };
  checkNumbers(input.step, input.values, problems);
  checkStructure(input.step, input.values, problems.general);
  checkReferences(input.step, input.values, problems.general);
  checkImages(input.step, input.images, input.imagesRequired, problems.general);
  checkTags(input.tags, input.values, problems.general);
  checkOptions(input.step, input.values, problems.general);
  checkSensitivePlacement(input.step, input.values, problems.general, input.uses);
  return problems;
}

/**
 * Throws one DomainError listing every problem: `fargate_size_invalid` when the CPU/memory pair is
 * the only trouble, `render_check_failed` otherwise.
 */
export function assertRenderable(input: CheckInput): void {
  throwProblems(findRenderProblems(input));
}

/**
 * The checks a step can fail whatever its variables hold, run when a project is saved: every
 * `#{…}` counts as unknown, so only what no value could fix is refused (422 naming the field),
 * never a project that a variable would make renderable.
 */
export function assertStepSavable(step: EcsServiceStep): void {
  const values = createFieldValues(() => ({ parameter: null, value: null, sensitive: false }));
  const tags = mergeTags(step.tags, {});
  throwProblems(
    findRenderProblems({ step, values, images: undefined, imagesRequired: false, tags }),
  );
}

/**
 * `assertStepSavable` for every `ecs-service` step of a process, in one error: paths
 * `steps.<i>.…` (`step.…` for the one-step shorthand, `prefix` 'step').
 */
export function assertProcessSavable(
  steps: readonly ProcessStep[],
  prefix: 'steps' | 'step' = 'steps',
): void {
  const all: CheckProblems = { general: [], fargate: [] };
  steps.forEach((step, index) => {
    if (step.kind !== 'ecs-service') return;
    const body = stepBody(step) as EcsServiceStep;
    const values = createFieldValues(() => ({ parameter: null, value: null, sensitive: false }));
    const found = findRenderProblems({
      step: body,
      values,
      images: undefined,
      imagesRequired: false,
      tags: mergeTags(body.tags, {}),
    });
    const at = prefix === 'step' ? 'step' : `steps.${index}`;
    const moved = (error: FieldError) => ({
      ...error,
      path: error.path.startsWith('step.') ? `${at}${error.path.slice(4)}` : `${at}.${error.path}`,
    });
    all.general.push(...found.general.map(moved));
    all.fargate.push(...found.fargate.map(moved));
  });
  throwProblems(all);
}

function throwProblems({ general, fargate }: CheckProblems): void {
  if (general.length === 0 && fargate.length === 0) return;
  const errors: FieldError[] = [...fargate, ...general];
  const code = general.length === 0 ? 'fargate_size_invalid' : 'render_check_failed';
  const summary = errors.map((error) => `${error.path}: ${error.message}`).join('; ');
  throw new DomainError(code, `The step cannot be rendered: ${summary}`, errors);
}
