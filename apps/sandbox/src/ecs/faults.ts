/** Faults chosen by an image's tag: the part after the last `:` that follows the last `/`. */
export type ImageFault = 'crash' | 'pull-error' | 'slow' | 'none';

/** The fault an image asks for: a tag containing `crash`, `pull-error` or `slow`. */
export function imageFault(image: string): ImageFault {
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'none';
  const tag = image.slice(colon + 1).split('@')[0];
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

export function pullErrorReason(image: string): string {
  return (
    `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ` +
    `${image.includes('/') ? image : `docker.io/library/${image}`}: not found`
  );
}
