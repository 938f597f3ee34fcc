import { Module } from '@nestjs/common';
import { BlockGrantController } from './block-grant.controller';
import { BlockGrantRepository } from './block-grant.repository';
import { BlockGrantService } from './block-grant.service';

/** Block grants (bloktilskud) to the regions, with monthly instalments. */
@Module({ controllers: [BlockGrantController], providers: [BlockGrantRepository, BlockGrantService] })
export class BlockGrantModule {}
