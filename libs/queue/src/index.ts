export * from './deployment-queue';
export * from './queue.constants';
export * from './queue.module';
export * from './notification-queue';
export * from './notification-retry';
