import { z } from 'zod';
import { apiSchema } from '../http/api-schemas';

const scopeSlugs = z.array(z.string()).optional();

export const variableResponse = apiSchema(
  'Variable',
  z.object({
    name: z.string(),
    value: z.string().nullable().meta({ description: 'null for a sensitive variable' }),
    sensitive: z.boolean(),
    scope: z
      .object({
        environments: scopeSlugs,
        tenants: scopeSlugs,
        channels: scopeSlugs,
        targets: scopeSlugs,
      })
      .meta({ description: 'Slugs per dimension; a dimension left out matches everything' }),
  }),
);

export const variableList = apiSchema(
  'VariableList',
  z.object({ items: z.array(variableResponse), total: z.number().int() }),
);
export type VariableList = z.output<typeof variableList>;
