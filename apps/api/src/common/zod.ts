/**
 * Validation with the zod schemas of @marginalia/shared, and the matching OpenAPI entries,
 * so one schema drives the check, the TypeScript type and the docs.
 */
import { BadRequestException, Body, Query, applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly what: string,
  ) {}

  transform(value: unknown): z.output<Schema> {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: describeIssue(issue),
    }));
    const summary = issues.map((issue) => (issue.path ? `${issue.path} ${issue.message}` : issue.message)).join('; ');
    throw new BadRequestException({ message: `invalid ${this.what}: ${summary}`, issues });
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  // zod's own wording ("Invalid key in record") does not say what is wrong with the key.
  if (issue.code === 'invalid_key') return `key ${issue.issues.map((inner) => inner.message).join('; ')}`;
  return issue.message;
}

export function toOpenApiSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** `@ValidBody(Schema)` on a parameter: validates the JSON body. */
export function ValidBody<Schema extends z.ZodType>(schema: Schema): ParameterDecorator {
  return Body(new ZodValidationPipe(schema, 'request body'));
}

/** `@ValidQuery(Schema)` on a parameter: validates the query string. */
export function ValidQuery<Schema extends z.ZodType>(schema: Schema): ParameterDecorator {
  return Query(new ZodValidationPipe(schema, 'query'));
}

/** Documents a body schema in OpenAPI (put on the handler). */
export function ApiZodBody(schema: z.ZodType): MethodDecorator {
  return applyDecorators(ApiBody({ schema: toOpenApiSchema(schema) as never }));
}

/** Documents each query parameter of an object schema in OpenAPI. */
export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  const json = toOpenApiSchema(schema) as { properties?: Record<string, object>; required?: string[] };
  const decorators = Object.entries(json.properties ?? {}).map(([name, property]) =>
    ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: property as never }),
  );
  return applyDecorators(...decorators);
}

/** Documents a response body schema in OpenAPI (put on the handler). */
export function ApiZodResponse(schema: z.ZodType, status = 200, description = 'success'): MethodDecorator {
  return applyDecorators(ApiResponse({ status, description, schema: toOpenApiSchema(schema) as never }));
}
