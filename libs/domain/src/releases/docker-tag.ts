/** Docker's tag grammar: a word character first, then up to 127 of `[A-Za-z0-9_.-]`. */
export const DOCKER_TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** True when `tag` is a valid Docker image tag (a digest such as `sha256:…` is not a tag). */
export function isDockerTag(tag: string): boolean {
  return DOCKER_TAG_PATTERN.test(tag);
}
