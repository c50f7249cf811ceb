export * from './deployment-status';
export * from './stack-key';
export * from './deployment-outcome';
export * from './stack-status';
export * from './failure-diagnosis';
export * from './deployment-plan';
export * from './deployment-checks';
export * from './blue-green-phases';
