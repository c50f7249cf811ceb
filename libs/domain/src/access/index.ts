export * from './key-scope';
