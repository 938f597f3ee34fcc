export * from './database-url';
export * from './migrator';
export * from './schema-drift';
