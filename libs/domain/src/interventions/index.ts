export * from './manual-intervention.schema';
export * from './intervention-rules';
