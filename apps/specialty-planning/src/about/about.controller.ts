import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import { ApiProblems } from '@platform/http';

/** `GET /api/v1/specialty-planning/about`: any organisation may ask which organisation the platform sees it as. */
@ApiTags('specialty-planning')
@Controller('api/v1/specialty-planning')
export class AboutController {
  @Get('about')
  @Access({ orgTypes: ['municipality', 'region', 'state'] })
  @ApiOperation({
    operationId: 'about',
    summary: 'The service and the calling organisation as the token names it',
  })
  @ApiProblems(401, 403)
  about(@CurrentPrincipal() principal: Principal) {
    return {
      service: 'specialty-planning',
      organisation: { type: principal.orgType, code: principal.orgCode },
      roles: principal.roles,
    };
  }
}
