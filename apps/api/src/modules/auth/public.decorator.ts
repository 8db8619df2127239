import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthContext, AuthenticatedRequest } from './auth-context.js';

export const IS_PUBLIC = 'marginalia:isPublic';

/** The route needs no authentication (register, login, health, invite previews). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const SESSION_ONLY = 'marginalia:sessionOnly';

/**
 * The route needs a signed-in session: a personal access token is refused (403). For what a
 * leaked token must not be able to extend, such as minting further tokens.
 */
export const SessionOnly = (): MethodDecorator & ClassDecorator => SetMetadata(SESSION_ONLY, true);

/** The authenticated caller, as set by the AuthGuard. */
export const Auth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
});
