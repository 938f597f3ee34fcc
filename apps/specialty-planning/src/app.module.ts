import { Module } from '@nestjs/common';
import { defineService } from '@platform/kit';
import { AboutModule } from './about/about.module';
import { PrismaService } from './database/prisma.service';

/** The capabilities of the specialty-planning service, one module each; the kit (libs/kit) supplies what they share. */
@Module({ imports: [AboutModule] })
export class AppModule {}

export const specialtyPlanningService = defineService({
  name: 'specialty-planning',
  port: 3002,
  module: AppModule,
  database: PrismaService,
  openApi: {
    title: 'Specialty planning API',
    description: 'The specialty-planning service of the platform for the highly specialised social area.',
    version: '1',
  },
});
