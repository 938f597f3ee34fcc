import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { PUBLIC_ROUTE } from '../public.decorator';

const plural = (noun: string) => (/[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`);

/**
 * Operation ids a generated client turns into readable names: `<verb><Resource>` from the handler and its
 * controller (`ReferralController.create` → `createReferral`, `.list` → `listReferrals`). Where the handler's
 * name is not a verb on the controller's resource, give `@ApiOperation({ operationId })` instead.
 */
export function operationIdFactory(controllerKey: string, methodKey: string): string {
  const resource = controllerKey.replace(/Controller$/, '');
  return methodKey === 'list' ? `list${plural(resource)}` : `${methodKey}${resource}`;
}

/**
 * The operation ids of the routes marked `@Public()` (on the handler or its controller): they need no token,
 * so the document says so (`security: []`) instead of inheriting the bearer requirement.
 */
export function publicOperationIds(app: INestApplication): Set<string> {
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const classPublic = Reflect.getMetadata(PUBLIC_ROUTE, metatype) === true;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (!classPublic && Reflect.getMetadata(PUBLIC_ROUTE, handler) !== true) continue;
        const explicit = (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as { operationId?: string })
          ?.operationId;
        ids.add(explicit ?? operationIdFactory(metatype.name, key));
      }
    }
  }
  return ids;
}
