import { Module } from '@nestjs/common';
import { AboutController } from './about.controller';

/** An example capability: who is asking and what this service is. Replace it with the first real one. */
@Module({ controllers: [AboutController] })
export class AboutModule {}
