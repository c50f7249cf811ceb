import { z } from 'zod';

/**
 * The named schemas of the API's responses: each one becomes `#/components/schemas/<id>` in the
 * OpenAPI document, so generated clients get one type per name.
 */
export const apiSchemas = z.registry<{ id: string }>();

/** Registers a response schema under its component name. */
export function apiSchema<T extends z.ZodType>(id: string, schema: T): T {
  apiSchemas.add(schema as z.ZodType, { id });
  return schema;
}

/** The component reference of a registered schema. */
export function schemaRef(schema: z.ZodType): { $ref: string } {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error('Register a response schema with apiSchema() before documenting it');
  return { $ref: `#/components/schemas/${meta.id}` };
}

/** Every registered schema as OpenAPI components, cross-references as `$ref`s. */
export function apiSchemaComponents(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ zodSchema, jsonSchema }) => {
      // Dates leave the API as ISO 8601 strings (JSON.stringify of a Date).
      if (zodSchema._zod.def.type === 'date') Object.assign(jsonSchema, DATE_TIME);
      // z.number().int() says "a safe integer"; the bounds only add noise to the document.
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const DATE_TIME = { type: 'string', format: 'date-time' };

/** A moment: a `Date` on the server, an ISO 8601 string on the wire. */
export const timestamp = z.date();

/** A reference to another resource in a response. */
export const resourceRef = apiSchema(
  'ResourceRef',
  z
    .object({ id: z.string(), slug: z.string() })
    .meta({ description: 'A resource: its id and its slug' }),
);

/** A reference that also carries the resource's name. */
export const namedRef = apiSchema(
  'NamedRef',
  z.object({ id: z.string(), slug: z.string(), name: z.string() }),
);

/** `{items, total}`: one page of a list. */
export function pageOf<T extends z.ZodType>(id: string, item: T) {
  return apiSchema(
    id,
    z.object({
      items: z.array(item),
      total: z.number().int().meta({ description: 'Items matching, over every page' }),
    }),
  );
}

/** application/problem+json (RFC 9457), every error of the API. */
export const problemSchema = apiSchema(
  'Problem',
  z
    .looseObject({
      type: z.string().meta({ description: 'A URI naming the kind of problem' }),
      title: z.string(),
      status: z.number().int(),
      detail: z.string(),
      errors: z
        .array(
          z.object({
            path: z.string().meta({ description: "The invalid field, e.g. 'phases[0].name'" }),
            message: z.string(),
          }),
        )
        .optional()
        .meta({ description: 'Every invalid field, for a 400' }),
    })
    .meta({ description: 'An error, as application/problem+json' }),
);
