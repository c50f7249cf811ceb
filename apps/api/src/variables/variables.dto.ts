import { z } from 'zod';
import { variableNameProblem } from '@gantry/domain';
import { refField } from '../http/fields';

const scopeList = z.array(refField).max(200).optional();

export const variableItemSchema = z.strictObject({
  name: z.string().superRefine((name, ctx) => {
    const problem = variableNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  value: z.string().max(65536).nullable(),
  sensitive: z.boolean().default(false),
  scope: z
    .strictObject({
      environments: scopeList,
      tenants: scopeList,
      channels: scopeList,
      targets: scopeList,
    })
    .default({}),
});

export const putVariablesSchema = z.strictObject({
  items: z.array(variableItemSchema).max(2000),
});

export type VariableItem = z.infer<typeof variableItemSchema>;
export type PutVariables = z.infer<typeof putVariablesSchema>;
