import 'reflect-metadata';
import { runService } from '@platform/kit';
import { knowledgeService } from './app.module';

void runService(knowledgeService);
