export * from './target-selection';
export * from './tenant-selection';
export * from './tenant-tags';
export * from './stack-collisions';
