import 'reflect-metadata';
import { runService } from '@platform/kit';
import { financingService } from './app.module';

void runService(financingService);
