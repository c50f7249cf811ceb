export * from './freeze.types';
export * from './freeze-window';
export * from './freeze-refusal';
