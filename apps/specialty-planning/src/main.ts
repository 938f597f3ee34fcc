import 'reflect-metadata';
import { runService } from '@platform/kit';
import { specialtyPlanningService } from './app.module';

void runService(specialtyPlanningService);
