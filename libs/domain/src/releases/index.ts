export * from './docker-tag';
export * from './release-version';
export * from './release-images';
