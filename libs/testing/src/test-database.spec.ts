import { assertTestDatabase, reserveTestDatabase } from './test-database';

describe('the "not a test database" guard', () => {
  it('accepts a database whose name says test', () => {
    expect(() =>
      assertTestDatabase('postgres://postgres@127.0.0.1:5432/gantry_test_flow_1a2b3c4d'),
    ).not.toThrow();
  });

  it.each([
    'postgres://postgres@127.0.0.1:5432/gantry',
    'postgres://postgres@db.internal:5432/production',
    'postgres://test:test@test-db:5432/gantry',
    'postgres://postgres@127.0.0.1:5432',
  ])('refuses %s: its database name does not say test', (url) => {
    expect(() => assertTestDatabase(url)).toThrow(/not a test database/);
  });

  it('fires when TEST_DATABASE_SERVER names a database, whatever the suffix', () => {
    expect(() => reserveTestDatabase('flow', 'postgres://postgres@127.0.0.1:5432/gantry')).toThrow(
      /Refusing to use .*gantry\/gantry_test_flow_[0-9a-f]+: not a test database/,
    );
  });

  it('reserves a test database on the server TEST_DATABASE_SERVER names', () => {
    const reserved = reserveTestDatabase('flow', 'postgres://ci@pg.test:6543');
    expect(reserved.url).toMatch(/^postgres:\/\/ci@pg\.test:6543\/gantry_test_flow_[0-9a-f]{8}$/);
  });
});
