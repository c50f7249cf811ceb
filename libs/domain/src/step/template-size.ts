import { DomainError } from '../errors/domain-error';

/** The most a CloudFormation `TemplateBody` may hold, in bytes (larger templates need S3). */
export const MAX_TEMPLATE_BODY_BYTES = 51_200;

/** Where a rendered template would go: its stack, environment and tenant (names or slugs). */
export interface TemplatePlace {
  stack: string;
  environment: string;
  tenant?: string | null;
}

/** How many bytes a variable's value puts into the template: its length times its uses. */
export interface VariableWeight {
  name: string;
  bytes: number;
}

/** A variable putting less than this into the template is not worth naming. */
const BLAME_BYTES = 1_024;

const bytesText = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

/**
 * The `template_too_large` error for a template of `bytes` bytes at `place`, or null when it fits
 * a `TemplateBody`. The error names the variables that weigh most (at most three of 1 KiB or
 * more), largest first, each at `variables.<name>`; with no variable to blame it names the step.
 */
export function templateSizeError(
  bytes: number,
  place: TemplatePlace,
  variables: readonly VariableWeight[],
  /** `bytes` is a lower bound (the variables alone), known before the template is built. */
  atLeast = false,
): DomainError | null {
  if (bytes <= MAX_TEMPLATE_BODY_BYTES) return null;
  const heaviest = [...variables]
    .filter((variable) => variable.bytes >= BLAME_BYTES)
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))
    .slice(0, 3);
  const where = `stack ${place.stack} (environment '${place.environment}'${place.tenant ? `, tenant '${place.tenant}'` : ''})`;
  const blame = heaviest.length
    ? ` The largest variable values: ${heaviest.map((v) => `#{${v.name}} ${bytesText(v.bytes)}`).join(', ')}.`
    : '';
  return new DomainError(
    'template_too_large',
    `The template for ${where} is ${atLeast ? 'at least ' : ''}${bytesText(bytes)}; CloudFormation takes at most ${bytesText(MAX_TEMPLATE_BODY_BYTES)} in a TemplateBody.${blame}`,
    heaviest.length
      ? heaviest.map((v) => ({
          path: `variables.${v.name}`,
          message: `puts ${bytesText(v.bytes)} into a template of ${atLeast ? 'at least ' : ''}${bytesText(bytes)} (at most ${bytesText(MAX_TEMPLATE_BODY_BYTES)})`,
        }))
      : [
          {
            path: 'step',
            message: `renders to ${bytesText(bytes)} (at most ${bytesText(MAX_TEMPLATE_BODY_BYTES)})`,
          },
        ],
    { bytes, limit: MAX_TEMPLATE_BODY_BYTES, ...place },
  );
}
