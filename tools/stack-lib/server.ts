/** One server of the local stack. */
export interface StackServer {
  name: ServerName;
  /** Starts it unless it already answers; resolves when it is ready. Prints progress lines. */
  up(): Promise<void>;
  /** Stops it if tools/stack started it; leaves anything else alone. */
  down(): Promise<void>;
  status(): Promise<ServerState>;
}

export type ServerName = 'postgres' | 'kafka' | 'keycloak';

export interface ServerState {
  name: ServerName;
  /** host:port people and services connect to. */
  address: string;
  up: boolean;
  /** Set when tools/stack started it (and it still runs). */
  pid?: number;
  detail: string;
}
