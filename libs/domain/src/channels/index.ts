export * from './channel-rule.types';
export * from './channel-rules';
export * from './tag-rules';
