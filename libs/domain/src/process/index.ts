export * from './step-kind';
export * from './step.schema';
export { STEP_KINDS } from './kinds';
export * from './build-process';
export * from './step-conditions';
export * from './step-stack-name';
export * from './release-images';
