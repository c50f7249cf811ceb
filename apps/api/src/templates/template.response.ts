/** The two export formats: a CloudFormation template as a JSON object, or the same as YAML text. */
export const templateContent = {
  content: {
    'application/json': {
      schema: {
        type: 'object',
        description: 'A CloudFormation template',
        required: ['AWSTemplateFormatVersion', 'Resources'],
        additionalProperties: true,
      },
    },
    'application/yaml': { schema: { type: 'string', description: 'The same template in YAML' } },
  },
};
