import type { Type } from '@nestjs/common';
import { loadConfig, type OpenApiInfo } from '@platform/http';
import type { SqlDatabase } from '@platform/messaging';
import { z } from 'zod';
import { loadKitConfig, type KitConfig } from './config/kit-config';

/**
 * Everything that makes a service different from the others; the kit does the rest (libs/kit/README.md).
 * `module` imports the service's capability modules; `database` is its Prisma client class.
 */
export interface ServiceDefinition<S extends z.ZodObject = z.ZodObject> {
  /** Service name: CloudEvents source `/services/<name>`, database `<name>`, consumer group `<name>`. */
  name: string;
  port: number;
  module: Type<unknown>;
  database: Type<SqlDatabase>;
  /** The service's own environment variables; secrets without defaults. */
  config?: S;
  /** Checks of the service's own configuration that one variable's schema cannot express. */
  checkConfig?: (config: z.infer<S>) => void;
  openApi: OpenApiInfo;
  /** Body limits above BODY_LIMIT for named paths, where a caller sends a whole file (an HSDS import). */
  bodyLimitsByPath?: Record<string, string>;
}

export function defineService<S extends z.ZodObject>(definition: ServiceDefinition<S>): ServiceDefinition<S> {
  return definition;
}

export interface LoadedConfig<S extends z.ZodObject = z.ZodObject> {
  kit: KitConfig;
  own: z.infer<S>;
}

/** The service's whole configuration from the environment (or the given variables, in tests). */
export function loadServiceConfig<S extends z.ZodObject>(
  definition: ServiceDefinition<S>,
  env: NodeJS.ProcessEnv = process.env,
): LoadedConfig<S> {
  const kit = loadKitConfig(definition.name, definition.port, env);
  const own = definition.config ? (loadConfig(definition.config, env) as z.infer<S>) : ({} as z.infer<S>);
  definition.checkConfig?.(own);
  return { kit, own };
}

/** The service's own configuration type: `ServiceConfigOf<typeof referralsService>`. */
export type ServiceConfigOf<D> = D extends ServiceDefinition<infer S> ? z.infer<S> : never;
