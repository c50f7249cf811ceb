import { NAME_MAX_LENGTH } from '@gantry/domain';

/** Marks a tenant-page cursor, so a cursor of another list is refused rather than misread. */
const PREFIX = 'tenant:';

/** The `?after=` value of the tenant page that follows the tenant named `name`: opaque (base64url). */
export function encodeTenantCursor(name: string): string {
  return Buffer.from(`${PREFIX}${name}`).toString('base64url');
}

/** The tenant name a `?after=` value names, or null when it is not one this API handed out. */
export function decodeTenantCursor(value: string): string | null {
  const text = Buffer.from(value, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || encodeTenantCursor(text.slice(PREFIX.length)) !== value) {
    return null;
  }
  const name = text.slice(PREFIX.length);
  // PostgreSQL text cannot hold U+0000; no tenant name is empty or longer than a name may be.
  if (name.length === 0 || [...name].length > NAME_MAX_LENGTH || name.includes('\u0000'))
    return null;
  return name;
}
