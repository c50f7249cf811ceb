import { AWS_IDENTIFIERS } from '@gantry/domain';
import { z } from 'zod';
import { nameField, refField, slugField, tagField } from '../http/fields';
import { pageSchema } from '../http/pagination';
import {
  CLUSTER_ARN_PATTERN,
  CLUSTER_NAME_PATTERN,
  credentialProblems,
  CREDENTIAL_TYPES,
  REGION_PATTERN,
  TENANTED_MODES,
} from './target-rules';

const regionField = z
  .string()
  .max(32, 'is too long')
  .regex(REGION_PATTERN, "must be an AWS region such as 'eu-west-1'");

const clusterField = z
  .string()
  .max(255, 'must be at most 255 characters')
  .refine(
    (cluster) => CLUSTER_NAME_PATTERN.test(cluster) || CLUSTER_ARN_PATTERN.test(cluster),
    'must be an ECS cluster name ([A-Za-z0-9_-], up to 255) or an ECS cluster ARN',
  );

const endpointField = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(2048, 'must be at most 2048 characters')
  .nullable();

const credentialsSchema = (secretOptional: boolean) =>
  z
    .strictObject({
      type: z.enum(CREDENTIAL_TYPES),
      accessKeyId: z
        .string()
        .regex(/^\w{1,128}$/, 'must be an AWS access key id')
        .nullish(),
      secretAccessKey: z.string().min(1, 'must not be empty').max(1024, 'is too long').nullish(),
      roleArn: z
        .string()
        .max(2048, 'is too long')
        .regex(AWS_IDENTIFIERS.role.pattern, `must be ${AWS_IDENTIFIERS.role.expected}`)
        .nullish(),
      externalId: z
        .string()
        .regex(
          /^[\w+=,.@:/-]{2,1224}$/,
          'must be 2-1224 characters of letters, digits and +=,.@:/-',
        )
        .nullish(),
    })
    .superRefine((credentials, context) => {
      for (const problem of credentialProblems(credentials, secretOptional))
        context.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    });

const refsField = (max: number) => z.array(refField).max(max, `at most ${max} references`);
const tagsField = z
  .array(tagField)
  .max(100, 'at most 100 tags')
  .transform((tags) => [...new Set(tags)]);

export const createTargetSchema = z.strictObject({
  name: nameField,
  slug: slugField.optional(),
  environments: refsField(100).min(1, 'must list at least one environment'),
  tags: tagsField,
  tenants: refsField(1000).default([]),
  tenantedMode: z.enum(TENANTED_MODES).default('untenanted'),
  region: regionField.optional(),
  cluster: clusterField,
  credentials: credentialsSchema(false),
  endpoint: endpointField.optional(),
});

export const updateTargetSchema = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  environments: refsField(100).min(1, 'must list at least one environment').optional(),
  tags: tagsField.optional(),
  tenants: refsField(1000).optional(),
  tenantedMode: z.enum(TENANTED_MODES).optional(),
  region: regionField.optional(),
  cluster: clusterField.optional(),
  credentials: credentialsSchema(true).optional(),
  endpoint: endpointField.optional(),
});

export type CreateTarget = z.infer<typeof createTargetSchema>;
export type UpdateTarget = z.infer<typeof updateTargetSchema>;

export const targetQuerySchema = pageSchema.extend({
  environment: refField.optional(),
  tag: z
    .union([tagField, z.array(tagField).max(50)])
    .optional()
    .transform((tag) => (tag === undefined ? [] : [tag].flat())),
});

export type TargetQuery = z.infer<typeof targetQuerySchema>;
