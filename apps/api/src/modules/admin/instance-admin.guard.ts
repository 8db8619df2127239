import { ForbiddenException, Injectable, Logger, UseGuards, applyDecorators, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/auth-context.js';

/** Instance administration (user accounts) is for instance admins only. */
@Injectable()
export class InstanceAdminGuard implements CanActivate {
  private readonly logger = new Logger('Security');

  canActivate(context: ExecutionContext): boolean {
    const { auth } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (auth.user.isInstanceAdmin) return true;
    this.logger.warn(`denied instance administration to user=${auth.user.id}`);
    throw new ForbiddenException('this needs an instance administrator');
  }
}

export const InstanceAdminOnly = (): MethodDecorator & ClassDecorator => applyDecorators(UseGuards(InstanceAdminGuard));
