export * from './principal';
export * from './token-verifier';
export * from './access.decorators';
export * from './access-denied';
export * from './auth.guard';
export * from './auth.module';
export * from './audit-trail';
