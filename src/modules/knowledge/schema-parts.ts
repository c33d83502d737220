import { Type } from 'typebox';

/** Building blocks of the knowledge module's schemas. */
export const lit = <T extends string>(xs: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>(
    Type.Union(
      xs.map((x) => Type.Literal(x)),
      options,
    ),
  );
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const Url = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'http(s)-adress' });
export const VersionField = { version: Type.Optional(Type.Integer({ minimum: 1 })) };
