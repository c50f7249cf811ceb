import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** Any 64-bit number: the advisory lock every Gantry process takes to run migrations. */
const MIGRATION_LOCK_ID = 7_461_001;

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client
        .query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
        .catch((error: { code?: string }) => {
          if (error.code !== '42P04') throw error; // another process created it first
        });
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several processes starting
 * together migrate once and the others wait. Returns the names of the migrations applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}

/** Ensures the database, connects and migrates: what every process does at start. */
export async function openDatabase(dataSource: DataSource, url: string): Promise<string[]> {
  await ensureDatabase(url);
  if (!dataSource.isInitialized) await dataSource.initialize();
  return runMigrations(dataSource);
}
