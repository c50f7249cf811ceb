export * from './variable.types';
export * from './variable-name';
export * from './variable-references';
export * from './variable-scope';
export * from './expand-variables';
export * from './resolve-variables';
export * from './mask-secrets';
export * from './largest-candidates';
