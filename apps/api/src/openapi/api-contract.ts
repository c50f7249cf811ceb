import { resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildStandaloneOpenApiDocument } from './openapi-document';

/** The checked-in files `npm run api:generate` writes (the CLI and the console each get the types), relative to the repository root. */
export const CONTRACT_FILES = {
  document: 'apps/api/openapi.json',
  types: 'apps/cli/src/generated/api.ts',
  webTypes: 'apps/web/src/generated/api.ts',
} as const;

export type ContractFile = keyof typeof CONTRACT_FILES;

/** Where a contract file lives: npm scripts and jest run from the repository root. */
export function contractPath(file: ContractFile): string {
  return resolve(CONTRACT_FILES[file]);
}

const TYPES_HEADER = `/**
 * The Gantry API's types, generated from apps/api/openapi.json by openapi-typescript.
 * Do not edit: change the API's response DTOs, then run \`npm run api:generate\`.
 */

`;

/** The OpenAPI document and the TypeScript types generated from it, as their files hold them. */
export async function renderApiContract(): Promise<Record<ContractFile, string>> {
  const document = await buildStandaloneOpenApiDocument();
  const ast = await openapiTS(document as never, { alphabetize: true });
  return {
    document: `${JSON.stringify(document, null, 2)}\n`,
    types: `${TYPES_HEADER}${astToString(ast)}`,
    // The console's copy: apps/web imports no code of another app, and these types are all it needs.
    webTypes: `${TYPES_HEADER}${astToString(ast)}`,
  };
}
