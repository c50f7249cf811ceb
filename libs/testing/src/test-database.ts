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
  const reserved = reserveTestDatabase(label);
  const dataSource = new DataSource(dataSourceOptions(reserved.url, 5));
  await openDatabase(dataSource, reserved.url);
  return {
    url: reserved.url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await reserved.drop();
    },
  };
}

/**
 * The URL of a database that does not exist yet (for a process that creates and migrates it
 * itself, as `npm start` does), and how to drop it afterwards.
 */
export function reserveTestDatabase(label: string): { url: string; drop(): Promise<void> } {
  const name = `gantry_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  if (!name.includes('test'))
    throw new Error(`Refusing to use database ${name}: not a test database`);
  return {
    url: `${SERVER_URL}/${name}`,
    async drop() {
      const admin = new Client({ connectionString: `${SERVER_URL}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
