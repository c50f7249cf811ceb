import { z } from 'zod';
import { NAME_MAX_LENGTH } from '@gantry/domain';

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(NAME_MAX_LENGTH),
  role: z.enum(['admin', 'deployer', 'viewer']),
  environments: z.array(z.string().min(1)).max(100).default([]),
  projects: z.array(z.string().min(1)).max(100).default([]),
});

export const auditQuerySchema = z.strictObject({
  actor: z.string().max(100).optional(),
  resource: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
