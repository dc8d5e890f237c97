import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Wraps a compile step so it runs when the compiled function is first called, then is reused.
 * Fastify reads `errors` from a validator after calling it, and passes the parent object to
 * validators that have `schemaEnv` (so Ajv can coerce a root value): the wrapper keeps both.
 */
function compileOnFirstUse(compile: () => AnyFunction, isValidator: boolean): AnyFunction {
  let compiled: (AnyFunction & { errors?: unknown }) | undefined;
  const lazy: AnyFunction & { errors?: unknown; schemaEnv?: unknown } = (...args) => {
    compiled ??= compile();
    const result = compiled(...args);
    if (isValidator) lazy.errors = compiled.errors;
    return result;
  };
  if (isValidator) lazy.schemaEnv = true;
  return lazy;
}

/**
 * Fastify's own compilers (Ajv for requests, fast-json-stringify for responses) with the same
 * options, but each route's schema is compiled on the route's first request instead of at
 * start-up: compiling every route up front was the largest part of the server's start.
 */
export function lazySchemaCompilers(): CompilersFactory {
  const buildValidator = AjvCompiler();
  const buildSerializer = SerializerSelector();
  return {
    buildValidator: (externalSchemas, options) => {
      const compile = buildValidator(externalSchemas, options);
      return (route) => compileOnFirstUse(() => compile(route) as AnyFunction, true);
    },
    buildSerializer: (externalSchemas, options) => {
      const compile = buildSerializer(externalSchemas, options);
      return (route) => compileOnFirstUse(() => compile(route) as AnyFunction, false) as (doc: unknown) => string;
    },
  } as CompilersFactory;
}
