import { loadConfig } from '@gantry/config';
import { DataSource } from 'typeorm';
import { openDatabase } from './database-bootstrap';
import { dataSourceOptions } from './data-source';

/** `npm run migration:run`: creates the database if needed and applies pending migrations. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource(dataSourceOptions(config.DATABASE_URL, 2));
  const applied = await openDatabase(dataSource, config.DATABASE_URL);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'Database is up to date.',
  );
  await dataSource.destroy();
}

main().catch((error: Error) => {
  console.error(`Migration failed: ${error.message}`);
  process.exit(1);
});
