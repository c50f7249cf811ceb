export * from './deployment-scheduler';
export * from './deployment-writer';
export * from './scheduling-context.loader';
export * from './scheduling.module';
export * from './stack-queue';
export * from './tenant-scopes';
export * from './freeze-gate';
export * from './intervention-decisions';
