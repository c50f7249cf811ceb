import { ContractDocument, contractGaps } from './openapi-contract';

const problem = {
  description: 'a problem',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const thing = {
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
};

function documentWith(operation: Record<string, unknown>): ContractDocument {
  return {
    paths: { '/api/things/{ref}': { patch: operation } },
    components: { schemas: { Problem: {}, Thing: { type: 'object' } } },
  };
}

const complete = {
  summary: 'Change a thing',
  security: [{ bearer: [] }],
  parameters: [{ name: 'ref', in: 'path' }],
  requestBody: { content: {} },
  responses: { 200: thing, 400: problem, 401: problem, 404: problem },
};

describe('contractGaps', () => {
  it('finds nothing in a complete operation', () => {
    expect(contractGaps(documentWith(complete))).toEqual([]);
  });

  it.each([
    ['no summary', { ...complete, summary: '' }, 'PATCH /api/things/{ref}: no summary'],
    [
      'an empty success schema',
      {
        ...complete,
        responses: {
          ...complete.responses,
          200: { content: { 'application/json': { schema: {} } } },
        },
      },
      'PATCH /api/things/{ref}: 200 without a response schema',
    ],
    [
      'a success without content',
      { ...complete, responses: { ...complete.responses, 200: { description: 'ok' } } },
      'PATCH /api/things/{ref}: 200 without a response schema',
    ],
    [
      'no 404 for a path parameter',
      { ...complete, responses: { 200: thing, 400: problem, 401: problem } },
      'PATCH /api/things/{ref}: 404 not documented',
    ],
    [
      'an error that is not a problem',
      { ...complete, responses: { ...complete.responses, 409: thing } },
      'PATCH /api/things/{ref}: 409 is not documented as application/problem+json',
    ],
    [
      'a reference to nothing',
      {
        ...complete,
        responses: {
          ...complete.responses,
          200: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } },
          },
        },
      },
      'unresolved #/components/schemas/Nope',
    ],
  ])('reports %s', (_label, operation, gap) => {
    expect(contractGaps(documentWith(operation))).toContain(gap);
  });
});
