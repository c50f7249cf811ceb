export * from './config.schema';
export * from './load-config';
export * from './master-key';
export * from './config.module';
export * from './logger';
