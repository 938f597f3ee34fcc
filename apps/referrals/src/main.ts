import 'reflect-metadata';
import { runService } from '@platform/kit';
import { referralsService } from './app.module';

void runService(referralsService);
