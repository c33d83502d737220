import type { ProgramAreaRow, SourceRow } from './repository.js';

export type Sources = Map<string, SourceRow>;
export const sourcesOf = (ids: string[], all: Sources) =>
  ids.map((id) => {
    const s = all.get(id);
    return { id, description: s?.description ?? id, url: s?.url ?? null };
  });

/** A program area with the sources it names (the rows of healthcare regions, regions, municipalities and sources are the API's). */
export const presentProgramArea = (p: ProgramAreaRow, sources: Sources) => ({ ...p, sources: sourcesOf(p.sourceIds, sources) });
