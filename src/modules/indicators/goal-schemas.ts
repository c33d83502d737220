/**
 * The bodies of the goal writes (POST /goals, PATCH /goals/{id}). The web's goal form checks its
 * body with them, so this file imports only TypeBox and the platform's schema parts (schemas.ts
 * takes its helpers from the implementation module's front door, which brings its routes).
 */
import { Type } from 'typebox';
import { Uuid } from '../../platform/http/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T, description?: string) =>
  Type.Union([t, Type.Null()], description ? { description } : {});
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const CreateGoalBody = Type.Object(
  {
    parentId: Type.Optional(Nullable(Uuid)),
    owner: Type.String({ minLength: 2, maxLength: 40 }),
    groupId: Type.Optional(Nullable(Uuid, 'The program area (an RMPO, an LPO) that owns the goal; of the same owner (seed 001)')),
    title: Text(300),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  },
  { additionalProperties: false },
);
export const UpdateGoalBody = Type.Object(
  {
    parentId: Type.Optional(Nullable(Uuid)),
    owner: Type.Optional(Type.String({ minLength: 2, maxLength: 40 })),
    groupId: Type.Optional(Nullable(Uuid)),
    title: Type.Optional(Text(300)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
