import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@platform/http';
import { ACCESS_KEY } from './access.decorators';

export interface HttpRoute {
  /** `GET api/v1/x (XController.handler)` */
  route: string;
  rule: 'access' | 'public' | 'none';
}

/**
 * Every HTTP route of the application, found through Nest's discovery as the router finds them, with the rule
 * the guard will apply. Works on a created, not yet initialised application: it reads metadata only and
 * connects to nothing.
 */
export function httpRoutes(app: INestApplication): HttpRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: HttpRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!controller) continue;
    const prefix = paths(Reflect.getMetadata(PATH_METADATA, controller)).join('|');
    for (const name of scanner.getAllMethodNames(controller.prototype as object)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as () => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      // Message handlers (@EventPattern) and helpers carry no HTTP method: not routes.
      if (method === undefined) continue;
      const targets = [handler, controller];
      const path = [prefix, paths(Reflect.getMetadata(PATH_METADATA, handler)).join('|')]
        .filter(Boolean)
        .join('/');
      const rule = reflector.getAllAndOverride(PUBLIC_ROUTE, targets)
        ? 'public'
        : reflector.getAllAndOverride(ACCESS_KEY, targets)
          ? 'access'
          : 'none';
      routes.push({ route: `${RequestMethod[method]} ${path} (${controller.name}.${name})`, rule });
    }
  }
  return routes;
}

/**
 * The routes that are neither @Access nor @Public. The guard refuses them to everyone; a service test asserts
 * this list is empty so the omission shows up before a caller meets the 403.
 */
export function routesWithoutAccessRule(app: INestApplication): string[] {
  return httpRoutes(app)
    .filter((r) => r.rule === 'none')
    .map((r) => r.route);
}

function paths(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((p): p is string => typeof p === 'string' && p !== '/')
    .map((p) => p.replace(/^\/|\/$/g, ''));
}
