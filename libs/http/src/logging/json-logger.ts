import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';

/** The request a piece of code runs for, set by requestContext for the rest of that request's handling. */
export const currentRequest = new AsyncLocalStorage<{ requestId: string }>();

type JsonLogOptions = Parameters<ConsoleLogger['getJsonLogObject']>[1];

/**
 * Nest's JSON console logger with the request id on every line written while a request is handled (also by
 * services, consumers of its transaction, the problem filter), so one id finds everything of one call.
 */
export class JsonLogger extends ConsoleLogger {
  constructor(logLevels?: LogLevel[]) {
    super({ json: true, ...(logLevels ? { logLevels } : {}) });
  }

  protected override getJsonLogObject(message: unknown, options: JsonLogOptions) {
    const line = super.getJsonLogObject(message, options);
    const request = currentRequest.getStore();
    return request ? { ...line, requestId: request.requestId } : line;
  }
}
