import { z } from 'zod';
import { NAME_MAX_LENGTH, SLUG_MAX_LENGTH, SLUG_PATTERN } from '@gantry/domain';

export const nameField = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(NAME_MAX_LENGTH, `must be at most ${NAME_MAX_LENGTH} characters`);

export const slugField = z
  .string()
  .max(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`)
  .regex(SLUG_PATTERN, 'must be lower-case letters, digits and single hyphens');

/** A reference to another resource: its id or its slug. */
export const refField = z.string().trim().min(1, 'must not be empty').max(100, 'is too long');

export const tagField = z
  .string()
  .min(1)
  .max(100)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 _.:-]*(\/[A-Za-z0-9][A-Za-z0-9 _.:-]*)?$/,
    "must look like 'group/value' or 'value'",
  );

/** PostgreSQL `integer` ceiling: a larger number compared with an int column fails the query. */
export const MAX_INT4 = 2_147_483_647;

/** A deployment log sequence number (`?after=`, `Last-Event-ID`); `deployment_log.seq` is an integer. */
export const logSeqField = z.coerce
  .number()
  .int()
  .min(0)
  .max(MAX_INT4, `must be at most ${MAX_INT4}`);

/** An http(s) URL (links shown to people: build pages, tickets). */
export const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http or https URL');
