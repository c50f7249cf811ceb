export * from './core.module';
export * from './request-logging';
export * from './live-events';
