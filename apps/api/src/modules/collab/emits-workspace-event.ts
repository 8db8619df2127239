/**
 * `@EmitsWorkspaceEvent('documents.changed')` on a workspace route: once the handler has
 * returned (its transaction committed), subscribers of the workspace are told what changed.
 * The ids are the route's own record ids (`:documentId`, `:userId`...) or the `id` of the
 * record it returns; an empty list means "anything in this area may have changed".
 */
import { Injectable, SetMetadata, UseInterceptors, applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { WorkspaceEventType } from '@marginalia/shared';
import type { Request } from 'express';
import { tap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth-context.js';
import { WorkspaceEvents } from './workspace-events.service.js';

const EVENT_TYPE = 'marginalia:workspaceEvent';

@Injectable()
export class WorkspaceEventInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly events: WorkspaceEvents,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const type = this.reflector.get<WorkspaceEventType | undefined>(EVENT_TYPE, context.getHandler());
    const request = context.switchToHttp().getRequest<Request & Partial<AuthenticatedRequest>>();
    return next.handle().pipe(
      tap((result: unknown) => {
        const workspaceId = request.params.workspaceId ?? workspaceIdOf(result);
        if (!type || typeof workspaceId !== 'string') return;
        this.events.publish(type, workspaceId, changedIds(request.params, result), request.auth?.user.id ?? null);
      }),
    );
  }
}

/** Routes outside /workspaces/:workspaceId (accepting an invite) return the workspace they touched. */
function workspaceIdOf(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const record = result as { workspaceId?: unknown; workspace?: { id?: unknown } };
  const id = record.workspaceId ?? record.workspace?.id;
  return typeof id === 'string' ? id : undefined;
}

function changedIds(params: Record<string, string | string[] | undefined>, result: unknown): string[] {
  const fromParams = Object.entries(params)
    .filter(([name, value]) => name !== 'workspaceId' && name.endsWith('Id') && typeof value === 'string')
    .map(([, value]) => value as string);
  if (fromParams.length > 0) return fromParams;
  const id = typeof result === 'object' && result !== null && 'id' in result ? (result as { id: unknown }).id : undefined;
  return typeof id === 'string' ? [id] : [];
}

export function EmitsWorkspaceEvent(type: WorkspaceEventType): MethodDecorator {
  return applyDecorators(SetMetadata(EVENT_TYPE, type), UseInterceptors(WorkspaceEventInterceptor));
}
