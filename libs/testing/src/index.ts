export * from './test-database';
export * from './redis-prefix';
export * from './private-redis';
