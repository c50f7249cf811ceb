import { unavailableDependency } from './unavailable-dependency';

const withFields = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), fields);

describe('unavailableDependency', () => {
  const endpoints = { PostgreSQL: '127.0.0.1:5432', Redis: '127.0.0.1:6379' };

  it.each([
    [
      withFields('Reached the max retries per request limit (which is 3).', {
        name: 'MaxRetriesPerRequestError',
      }),
      'Redis',
    ],
    [new Error('Connection is closed.'), 'Redis'],
    [new Error('Redis is unavailable: the connection is reconnecting'), 'Redis'],
    [new Error('Connection terminated unexpectedly'), 'PostgreSQL'],
    [new Error('timeout exceeded when trying to connect'), 'PostgreSQL'],
    [withFields('the database system is shutting down', { code: '57P03' }), 'PostgreSQL'],
    [withFields('query failed', { driverError: withFields('x', { code: '08006' }) }), 'PostgreSQL'],
    [
      withFields('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', port: 5432 }),
      'PostgreSQL',
    ],
    [
      withFields('connect ECONNREFUSED 127.0.0.1:6379', { code: 'ECONNREFUSED', port: 6379 }),
      'Redis',
    ],
    [withFields('getaddrinfo ENOTFOUND db', { code: 'ENOTFOUND' }), 'a dependency'],
  ])('names the dependency behind %s', (error, dependency) => {
    expect(unavailableDependency(error, endpoints)).toBe(dependency);
  });

  it.each([
    [new Error('Cannot read properties of undefined')],
    [withFields('duplicate key value violates unique constraint', { code: '23505' })],
    ['a string'],
    [null],
  ])('leaves other errors alone: %s', (error) => {
    expect(unavailableDependency(error, endpoints)).toBeNull();
  });
});
