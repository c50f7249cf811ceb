import { z } from 'zod';

export const pageSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type Page = z.infer<typeof pageSchema>;

export interface ListResult<T> {
  items: T[];
  total: number;
}
