export * from './lifecycle.types';
export * from './promotion';
export * from './automatic-deployments';
export * from './release-progression';
export * from './lifecycle-problems';
export * from './default-lifecycle';
export * from './assert-promotion';
