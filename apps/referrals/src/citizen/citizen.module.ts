import { Global, Module } from '@nestjs/common';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config';
import { CprVault } from './cpr-vault';

@Global()
@Module({
  providers: [
    {
      provide: CprVault,
      inject: [REFERRALS_CONFIG],
      useFactory: (c: ReferralsConfig) =>
        new CprVault(c.CPR_ENCRYPTION_KEYS, c.CPR_ENCRYPTION_KEY_ID, c.CPR_PSEUDONYM_KEY),
    },
  ],
  exports: [CprVault],
})
export class CitizenModule {}
