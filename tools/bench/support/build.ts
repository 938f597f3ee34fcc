import { buildDistIfNeeded } from '@platform/testing';

/** Runs tools/build.ts when the service's dist/ is missing or older than any source of an app or lib. */
export const buildIfNeeded = (service: string): void => buildDistIfNeeded(service);
