import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, openDatabase } from '@gantry/persistence';

/** The PostgreSQL server tests create their databases on (no database in the URL). */
const testDatabaseServer = () =>
  process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file. Refuses a URL whose database name lacks
 * "test", so a mistaken TEST_DATABASE_SERVER can never point the suite at real data.
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
export function reserveTestDatabase(
  label: string,
  server = testDatabaseServer(),
): { url: string; drop(): Promise<void> } {
  const name = `gantry_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const url = `${server.replace(/\/$/, '')}/${name}`;
  assertTestDatabase(url);
  return {
    url,
    async drop() {
      const admin = new Client({ connectionString: `${server}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Throws unless the database `url` names (its whole path) is a test database. */
export function assertTestDatabase(url: string): void {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/test/i.test(database) || database.includes('/')) {
    throw new Error(
      `Refusing to use ${parsed.host}/${database || '(no database)'}: not a test database (TEST_DATABASE_SERVER must name a server, not a database)`,
    );
  }
}
