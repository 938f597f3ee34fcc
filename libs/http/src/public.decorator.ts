import { SetMetadata } from '@nestjs/common';

/** Metadata key read by the auth guard (libs/auth): routes marked with it need no token. */
export const PUBLIC_ROUTE = 'auth:public';

/** An endpoint anyone may call without a token (health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
