import { applyDecorators } from '@nestjs/common';
import { ApiIdParam, ApiIfMatch } from '@platform/http';

/** What every command on a plan version or an application documents: the path id and If-Match (required). */
export const ApiCommandHeaders = (what: string) => applyDecorators(ApiIdParam(what), ApiIfMatch());
