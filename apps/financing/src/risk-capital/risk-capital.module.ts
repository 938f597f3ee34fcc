import { Module } from '@nestjs/common';
import { RiskCapitalController } from './risk-capital.controller';
import { RiskCapitalRepository } from './risk-capital.repository';
import { RiskCapitalService } from './risk-capital.service';

/** Risk-willing capital for needs-analysis gaps (rule 8). */
@Module({ controllers: [RiskCapitalController], providers: [RiskCapitalRepository, RiskCapitalService] })
export class RiskCapitalModule {}
