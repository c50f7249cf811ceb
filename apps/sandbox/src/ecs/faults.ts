/** Faults chosen by an image's tag: the part after the last `:` that follows the last `/`. */
export type ImageFault = 'crash' | 'pull-error' | 'slow' | 'none';

const CRASH_ON_TRAFFIC = 'crash-on-traffic';

/** An image's tag, or '' when it has none (digests are ignored). */
function fullTag(image: string): string {
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return '';
  return image.slice(colon + 1).split('@')[0];
}

/** The tag the other faults read: `crash-on-traffic` is a fault of its own, not a `crash`. */
function imageTag(image: string): string {
  return fullTag(image).split(CRASH_ON_TRAFFIC).join('');
}

/**
 * `crash-on-traffic`: the container starts, passes its health checks and runs until production
 * traffic reaches its task, then exits 1 soon after (a bug only real traffic finds: what a
 * blue/green bake time is for).
 */
export function crashesOnTraffic(image: string): boolean {
  return fullTag(image).includes(CRASH_ON_TRAFFIC);
}

/** The fault an image asks for: a tag containing `crash`, `pull-error` or `slow`. */
export function imageFault(image: string): ImageFault {
  const tag = imageTag(image);
  if (tag.includes('pull-error')) return 'pull-error';
  if (tag.includes('crash')) return 'crash';
  if (tag.includes('slow')) return 'slow';
  return 'none';
}

/** The worst fault among a task's essential containers (a pull error stops the task before a crash can). */
export function taskFault(images: string[]): ImageFault {
  const faults = images.map(imageFault);
  for (const f of ['pull-error', 'crash', 'slow'] as const) if (faults.includes(f)) return f;
  return 'none';
}

/** When and how a running container exits on its own: `crash` soon after starting, `run` after its work. */
export interface ContainerExit {
  exitCode: number;
  after: 'crash' | 'run';
}

const EXIT_TAG = /(?:^|[^a-z0-9])exit-(\d{1,3})(?![0-9])/;

/**
 * How a container's process ends, from its image tag: `exit-<N>` exits with code N once its work
 * is done, `crash` exits with 1 right after starting, `hang` never exits. Otherwise a container of a
 * standalone task (RunTask: a one-off job) exits 0 once its work is done, and a service's keeps
 * running until it is stopped (undefined: no exit of its own).
 */
export function containerExit(image: string, standalone: boolean): ContainerExit | undefined {
  const tag = imageTag(image);
  const exit = EXIT_TAG.exec(tag);
  if (exit && Number(exit[1]) <= 255) return { exitCode: Number(exit[1]), after: 'run' };
  if (tag.includes('crash')) return { exitCode: 1, after: 'crash' };
  if (tag.includes('hang')) return undefined;
  return standalone ? { exitCode: 0, after: 'run' } : undefined;
}

export function pullErrorReason(image: string): string {
  return (
    `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ` +
    `${image.includes('/') ? image : `docker.io/library/${image}`}: not found`
  );
}
