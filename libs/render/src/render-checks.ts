import { DomainError, type EcsServiceStep, type FieldError } from '@gantry/domain';
import type { FieldValues } from './field-values';
import { checkNumbers, type CheckProblems } from './number-checks';
import { checkStructure } from './step-checks';
import { checkImages, checkReferences } from './field-checks';
import { checkTags, type TagEntry } from './tags';

export interface CheckInput {
  step: EcsServiceStep;
  values: FieldValues;
  images: Record<string, string> | undefined;
  imagesRequired: boolean;
  tags: readonly TagEntry[];
}

/** Every problem docs/deployments.md (Rendering) lists as checks before anything is sent, Fargate size problems apart. */
export function findRenderProblems(input: CheckInput): CheckProblems {
  const problems: CheckProblems = { general: [], fargate: [] };
  checkNumbers(input.step, input.values, problems);
  checkStructure(input.step, input.values, problems.general);
  checkReferences(input.step, input.values, problems.general);
  checkImages(input.step, input.images, input.imagesRequired, problems.general);
  checkTags(input.tags, input.values, problems.general);
  return problems;
}

/**
 * Throws one DomainError listing every problem: `fargate_size_invalid` when the CPU/memory pair is
 * the only trouble, `render_check_failed` otherwise.
 */
export function assertRenderable(input: CheckInput): void {
  const { general, fargate } = findRenderProblems(input);
  if (general.length === 0 && fargate.length === 0) return;
  const errors: FieldError[] = [...fargate, ...general];
  const code = general.length === 0 ? 'fargate_size_invalid' : 'render_check_failed';
  const summary = errors.map((error) => `${error.path}: ${error.message}`).join('; ');
  throw new DomainError(code, `The step cannot be rendered: ${summary}`, errors);
}
