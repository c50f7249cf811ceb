import type { DeploymentCursor } from '@gantry/persistence';

const SHAPE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|(\d{1,18})$/;

/** The `?after=` value of the page that follows a deployment: opaque to clients (base64url). */
export function encodeCursor(cursor: DeploymentCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.seq}`).toString('base64url');
}

/** The cursor a `?after=` value names, or null when it is not one this API handed out. */
export function decodeCursor(value: string): DeploymentCursor | null {
  const match = SHAPE.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match || Number.isNaN(Date.parse(match[1]))) return null;
  return { createdAt: match[1], seq: match[2] };
}
