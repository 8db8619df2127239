import { NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';

/**
 * A UUID path parameter. Anything else cannot name a row, so it answers 404 like a missing
 * row would, rather than revealing the id format through a 400.
 */
export function UuidParam(name: string, what: string): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`${what} not found`) }));
}
