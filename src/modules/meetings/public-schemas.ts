/** Route schemas of insyn: the public decisions of justerade protokoll (public-routes.ts). */
import { Type } from 'typebox';
import { IsoDate, Uuid } from '../../platform/http/schemas.js';
import { DecisionQuery } from './schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PublicDecisionQuery = Type.Object(
  {
    ...DecisionQuery.properties,
    updatedSince: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Bara beslut i protokoll justerade vid eller efter denna tidpunkt (ISO 8601 med tidszon)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PublicDecision = Type.Object({
  paragraphId: Uuid,
  meetingId: Uuid,
  forumId: Uuid,
  forumName: Type.String(),
  meetingDate: IsoDate,
  number: Type.Integer(),
  reference: Type.String({ description: 'T.ex. "Kunskapsrådet 2027-02-03 § 4"' }),
  secret: Type.Boolean({ description: 'Paragrafen gäller ett sekretessmarkerat ärende: rubrik och beslut visas inte' }),
  title: Type.String(),
  decisionKind: Type.String(),
  decisionType: Nullable(Type.String()),
  decisionText: Type.String(),
  caseNumber: Nullable(Type.String()),
  approvedAt: Type.String({ format: 'date-time', description: 'När protokollet justerades' }),
  minutesHref: Type.String({ description: 'Det justerade protokollet som PDF (sekretess maskerad)' }),
});

export const PublicDecisionPage = Type.Object({
  items: Type.Array(PublicDecision),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
