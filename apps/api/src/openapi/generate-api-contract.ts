import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CONTRACT_FILES, ContractFile, contractPath, renderApiContract } from './api-contract';

/** `npm run api:generate`: writes the OpenAPI document and the generated API types of the CLI and the console. */
async function main(): Promise<void> {
  const contract = await renderApiContract();
  for (const file of Object.keys(CONTRACT_FILES) as ContractFile[]) {
    mkdirSync(dirname(contractPath(file)), { recursive: true });
    writeFileSync(contractPath(file), contract[file]);
    console.log(`wrote ${CONTRACT_FILES[file]}`);
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
