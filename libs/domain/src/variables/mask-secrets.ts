export const MASK = '********';

/**
 * Replaces every occurrence of each secret value in a log line with `********`. Longer secrets
 * go first so a secret that contains another is masked whole; empty values are ignored.
 */
export function maskSecrets(line: string, secretValues: string[]): string {
  const secrets = [...new Set(secretValues)]
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length);
  let masked = line;
  for (const secret of secrets) {
    if (masked.includes(secret)) masked = masked.split(secret).join(MASK);
  }
  return masked;
}
