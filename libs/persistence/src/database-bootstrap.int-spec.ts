import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@gantry/testing';
import { ensureDatabase, runMigrations } from './database-bootstrap';
import { MIGRATIONS } from '../../../migrations';
import { dataSourceOptions } from './data-source';

describe('database bootstrap', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('bootstrap');
  });
  afterAll(() => db.drop());

  it('creates the schema with its constraints', async () => {
    const tables = await db.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((row: { table_name: string }) => row.table_name)).toEqual(
      expect.arrayContaining(['environments', 'projects', 'deployments', 'api_keys', 'migrations']),
    );
    await db.dataSource.query(
      `INSERT INTO environments (slug, name, position) VALUES ('dev', 'Dev', 1)`,
    );
    await expect(
      db.dataSource.query(
        `INSERT INTO environments (slug, name, position) VALUES ('dev', 'Other', 2)`,
      ),
    ).rejects.toThrow(/unique/);
  });

  it('lets several processes migrate a new database at once: one applies, the others wait and find nothing to do', async () => {
    const url = db.url.replace(/(gantry_test_[a-z0-9_]+)$/, '$1_fresh');
    await ensureDatabase(url);
    const processes = [1, 2, 3].map(() => new DataSource(dataSourceOptions(url, 2)));
    await Promise.all(processes.map((source) => source.initialize()));
    const results = await Promise.all(processes.map((source) => runMigrations(source)));
    expect(results.filter((applied) => applied.length > 0)).toEqual([
      MIGRATIONS.map((migration) => migration.name),
    ]);
    await Promise.all(processes.map((source) => source.destroy()));
    const admin = new DataSource(dataSourceOptions(db.url, 1));
    await admin.initialize();
    await admin.query(`DROP DATABASE "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    await admin.destroy();
  });
});
