export * from './data-source';
export * from './database-bootstrap';
export * from './entities';
export * from './secret-box';
export * from './snake-naming.strategy';
export * from './persistence.module';
export * from './repositories';
export * from './unique-violation';
