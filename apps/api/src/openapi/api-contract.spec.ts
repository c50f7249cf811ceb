import { readFileSync } from 'node:fs';
import { CONTRACT_FILES, ContractFile, contractPath, renderApiContract } from './api-contract';

/**
 * The checked-in OpenAPI document and the CLI's generated types match the API as built: a response
 * DTO changed without `npm run api:generate` fails here (and so in CI).
 */
describe('the checked-in API contract', () => {
  let rendered: Record<ContractFile, string>;
  beforeAll(async () => {
    rendered = await renderApiContract();
  });

  it.each(Object.keys(CONTRACT_FILES) as ContractFile[])('%s matches the API', (file) => {
    const stale = readFileSync(contractPath(file), 'utf8') !== rendered[file];
    expect(
      stale ? `${CONTRACT_FILES[file]} is stale: run npm run api:generate` : 'up to date',
    ).toBe('up to date');
  });
});
