export * from './database-url';
export * from './migrator';
export * from './schema-drift';
export * from './pg-database';
export * from './sql-table';
export * from './newest-first';
export * from './date-column';
