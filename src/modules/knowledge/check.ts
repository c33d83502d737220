import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { unprocessable, type FieldError } from '../../platform/errors.js';
import type { LocalAdditionWrite } from './local-addition-repository.js';
import type { RecommendationWrite } from './recommendation-repository.js';
import * as repo from './repository.js';
import type { ConsequenceInput as ConsequenceInputSchema } from './schemas.js';
import { CONSEQUENCE_DIMENSIONS } from './rules/vocabulary.js';

/** Checks a support about to be written (a region's own may be produced by a regional group); throws 422 naming each broken rule. */
export async function checkSupport(tx: Queryable, s: repo.SupportWrite, owner = 'national'): Promise<repo.SupportWrite> {
  const errors: FieldError[] = [];
  const title = s.title.trim();
  if (!title) errors.push({ path: '/title', message: 'Ange en titel.' });
  const areas = [...new Set(s.programAreaIds)];
  const known = await repo.existingProgramAreas(tx, areas);
  areas.forEach((a, i) => {
    if (!known.has(a)) errors.push({ path: `/programAreaIds/${i}`, message: `Programområdet ${a} finns inte.` });
  });
  if (s.producerGroupId) {
    const g = await repo.groupFacts(tx, s.producerGroupId);
    if (!g) errors.push({ path: '/producerGroupId', message: 'Gruppen finns inte.' });
    else if (g.level === 'region' && owner === 'national') {
      errors.push({
        path: '/producerGroupId',
        message: 'Ett nationellt kunskapsstöd tas fram av en nationell eller sjukvårdsregional grupp.',
      });
    }
  }
  if (!s.producerGroupId && !s.producerName?.trim()) {
    errors.push({ path: '/producerName', message: 'Ange vem som tar fram kunskapsstödet (en grupp eller ett namn).' });
  }
  if (s.validFrom && s.validUntil && s.validUntil < s.validFrom) {
    errors.push({ path: '/validUntil', message: 'Giltig till kan inte vara före giltig från.' });
  }
  if (errors.length) throw unprocessable('Kunskapsstödet kunde inte sparas.', errors);
  return {
    ...s,
    title,
    programAreaIds: areas,
    targetGroups: [...new Set(s.targetGroups.map((t) => t.trim()).filter(Boolean))],
    producerName: s.producerName?.trim() || null,
    sender: s.sender?.trim() || null,
    summary: s.summary?.trim() || null,
  };
}

export type ConsequenceInput = Static<typeof ConsequenceInputSchema>;

/** One entry per dimension; a significant consequence must be described. */
export function checkConsequences(
  entries: readonly ConsequenceInput[],
  base = '/consequences',
): { dimension: string; significance: string; text: string | null }[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.dimension))
      errors.push({ path: `${base}/${i}/dimension`, message: 'Varje dimension får bara beskrivas en gång.' });
    seen.add(e.dimension);
    if (e.significance !== 'none' && !e.text?.trim()) {
      errors.push({ path: `${base}/${i}/text`, message: 'Beskriv konsekvensen när den inte är obetydlig.' });
    }
  });
  if (errors.length) throw unprocessable('Konsekvensbeskrivningen är ofullständig.', errors);
  return [...entries]
    .sort((a, b) => CONSEQUENCE_DIMENSIONS.indexOf(a.dimension as never) - CONSEQUENCE_DIMENSIONS.indexOf(b.dimension as never))
    .map((e) => ({ dimension: e.dimension, significance: e.significance, text: e.text?.trim() || null }));
}

/** A version's fields as the body gives them (optional) and the table keeps them (null when not given). */
export function versionWrite(v: {
  label: string;
  changeSummary?: string | null | undefined;
  url?: string | null | undefined;
  decidedOn?: string | null | undefined;
  publishedOn?: string | null | undefined;
  validFrom?: string | null | undefined;
  validUntil?: string | null | undefined;
}): repo.VersionWrite {
  return {
    label: v.label,
    changeSummary: v.changeSummary ?? null,
    url: v.url ?? null,
    decidedOn: v.decidedOn ?? null,
    publishedOn: v.publishedOn ?? null,
    validFrom: v.validFrom ?? null,
    validUntil: v.validUntil ?? null,
  };
}

export function checkVersion(v: repo.VersionWrite): repo.VersionWrite {
  const errors: FieldError[] = [];
  const label = v.label.trim();
  if (!label) errors.push({ path: '/label', message: 'Ange en versionsbeteckning.' });
  if (v.validFrom && v.validUntil && v.validUntil < v.validFrom) {
    errors.push({ path: '/validUntil', message: 'Giltig till kan inte vara före giltig från.' });
  }
  if (errors.length) throw unprocessable('Versionen kunde inte sparas.', errors);
  return { ...v, label, changeSummary: v.changeSummary?.trim() || null };
}

export function checkRecommendation(r: RecommendationWrite): RecommendationWrite {
  const errors: FieldError[] = [];
  if (r.grade === 'prioritet' && (r.priority === null || r.priority < 1 || r.priority > 10)) {
    errors.push({ path: '/priority', message: 'En prioriterad rekommendation har prioritet 1–10.' });
  }
  if (r.grade !== 'prioritet' && r.priority !== null) {
    errors.push({ path: '/priority', message: 'Icke-göra och FoU har ingen prioritetssiffra.' });
  }
  if (!r.condition.trim()) errors.push({ path: '/condition', message: 'Ange tillstånd.' });
  if (!r.measure.trim()) errors.push({ path: '/measure', message: 'Ange åtgärd.' });
  if (errors.length) throw unprocessable('Rekommendationen kunde inte sparas.', errors);
  return {
    ...r,
    condition: r.condition.trim(),
    measure: r.measure.trim(),
    code: r.code?.trim() || null,
    comment: r.comment?.trim() || null,
  };
}

export function checkAddition(a: LocalAdditionWrite): LocalAdditionWrite {
  const title = a.title.trim();
  const errors: FieldError[] = [];
  if (!title) errors.push({ path: '/title', message: 'Ange en rubrik.' });
  if (!a.body?.trim() && !a.url) errors.push({ path: '/body', message: 'Skriv texten eller länka till den.' });
  if (errors.length) throw unprocessable('Tillägget kunde inte sparas.', errors);
  return { ...a, title, body: a.body?.trim() || null };
}
