import type { FieldError } from '../errors/domain-error';
import { isDockerTag } from '../releases/docker-tag';
import { stepContainers, type ProcessStep } from './step.schema';

const TAG_RULE =
  'is not a valid Docker tag (a letter, digit or _ then up to 127 of letters, digits, _ . -)';

/** One container of the process whose image tag a release chooses. */
export interface ImageSlot {
  /** `<step>/<container>`: how a release stores it. */
  key: string;
  step: string;
  container: string;
  /** How the API shows it: the bare container name when no other step has a container so named. */
  label: string;
}

/** Every container of every step, in process order. */
export function imageSlots(steps: readonly ProcessStep[]): ImageSlot[] {
  const slots = steps.flatMap((step) =>
    stepContainers(step).map((container) => ({ step: step.slug, container })),
  );
  const count = (container: string) => slots.filter((s) => s.container === container).length;
  return slots.map((slot) => ({
    ...slot,
    key: `${slot.step}/${slot.container}`,
    label: count(slot.container) === 1 ? slot.container : `${slot.step}/${slot.container}`,
  }));
}

export interface ReleaseImagesResult {
  /** `<step>/<container>` → tag, for every container of the process. */
  images: Record<string, string>;
  problems: FieldError[];
}

/**
 * A release's image tags from what was sent: keys `<step>/<container>`, or a bare `<container>`
 * when only one step has it; `defaultTag` for every container not named. Problems at
 * `images.<key>` (an unknown or ambiguous name, a container named twice, a tag Docker refuses,
 * a container without a tag) and at `defaultTag`.
 */
export function resolveReleaseImages(
  given: Readonly<Record<string, string>>,
  defaultTag: string | undefined,
  steps: readonly ProcessStep[],
): ReleaseImagesResult {
  const slots = imageSlots(steps);
  const problems: FieldError[] = [];
  const images: Record<string, string> = {};
  const namedBy = new Map<string, string>();
  for (const [name, tag] of Object.entries(given)) {
    const path = `images.${name}`;
    const matches = name.includes('/')
      ? slots.filter((slot) => slot.key === name)
      : slots.filter((slot) => slot.container === name);
    if (matches.length === 0) {
      problems.push({ path, message: unknownMessage(name, steps.length) });
      continue;
    }
    if (matches.length > 1) {
      problems.push({
        path,
        message: `'${name}' is a container of several steps; name it as ${matches.map((m) => m.key).join(' or ')}`,
      });
      continue;
    }
    const [slot] = matches;
    if (namedBy.has(slot.key)) {
      problems.push({ path, message: `'${slot.key}' is also named as '${namedBy.get(slot.key)}'` });
      continue;
    }
    namedBy.set(slot.key, name);
    if (typeof tag !== 'string' || !isDockerTag(tag)) {
      problems.push({ path, message: `'${String(tag)}' ${TAG_RULE}` });
      continue;
    }
    images[slot.key] = tag;
  }
  const fallback = defaultTag !== undefined && isDockerTag(defaultTag) ? defaultTag : undefined;
  if (defaultTag !== undefined && fallback === undefined)
    problems.push({ path: 'defaultTag', message: `'${defaultTag}' ${TAG_RULE}` });
  const missing: FieldError[] = [];
  for (const slot of slots) {
    if (namedBy.has(slot.key)) continue;
    if (fallback !== undefined) images[slot.key] = fallback;
    else if (defaultTag === undefined)
      missing.push({
        path: `images.${slot.label}`,
        message: `container '${slot.label}' needs a tag (or give defaultTag)`,
      });
  }
  return { images, problems: [...missing, ...problems] };
}

function unknownMessage(name: string, stepCount: number): string {
  if (name.includes('/')) return `'${name}' is not a <step>/<container> of this project`;
  return stepCount === 1
    ? `'${name}' is not a container of this project's step`
    : `'${name}' is not a container of this project's steps`;
}

/** A release's images as the API shows them: keyed by label (bare container names when unique). */
export function labelledImages(
  images: Readonly<Record<string, string>>,
  steps: readonly ProcessStep[],
): Record<string, string> {
  const labels = new Map(imageSlots(steps).map((slot) => [slot.key, slot.label]));
  return Object.fromEntries(
    Object.entries(images).map(([key, tag]) => [labels.get(key) ?? key, tag]),
  );
}

/** The tags of one step's containers, keyed by container name (what its template's parameters take). */
export function stepImages(
  images: Readonly<Record<string, string>>,
  step: Pick<ProcessStep, 'slug'>,
): Record<string, string> {
  const prefix = `${step.slug}/`;
  return Object.fromEntries(
    Object.entries(images)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, tag]) => [key.slice(prefix.length), tag]),
  );
}
