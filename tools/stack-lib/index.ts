/** tools/stack as a library: start, stop and inspect the local PostgreSQL, Kafka and Keycloak. */
export { stackUp, stackDown, stackStatus, SERVERS, SERVER_NAMES } from './stack';
export { platformDatabases } from './postgres';
export type { ServerName, ServerState, StackServer } from './server';
export { stackSettings, type StackSettings } from '@platform/testing';
