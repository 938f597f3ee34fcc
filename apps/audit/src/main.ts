import 'reflect-metadata';
import { runService } from '@platform/kit';
import { auditService } from './app.module';

void runService(auditService);
