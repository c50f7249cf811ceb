import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, openDatabase } from '@gantry/persistence';

const SERVER_URL = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file. Refuses any name without "test", so a
 * mistaken URL can never point the suite at real data.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `gantry_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  if (!name.includes('test'))
    throw new Error(`Refusing to use database ${name}: not a test database`);
  const url = `${SERVER_URL}/${name}`;
  const dataSource = new DataSource(dataSourceOptions(url, 5));
  await openDatabase(dataSource, url);
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      const admin = new Client({ connectionString: `${SERVER_URL}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
