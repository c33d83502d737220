/**
 * Escalation (seed 002): matters the tactical level cannot settle — in the LPO
 * ordförandeforum or the LSG samordnarforum — are lifted to the kunskapsråd. In the registry
 * the tactical forums are groups of kind "forum" and the kunskapsråd a "council" of the same
 * region.
 */
export interface GroupFacts {
  id: string;
  name: string;
  kind: string;
  owner: string;
  status: string;
}

export type EscalationVerdict = { ok: true } | { ok: false; path: string; message: string };

export function checkEscalation(f: {
  caseRegion: string;
  from: GroupFacts | null;
  to: GroupFacts | null;
  reason: string;
  bundled: boolean;
}): EscalationVerdict {
  if (f.bundled)
    return { ok: false, path: 'forumGroupId', message: 'Ett paketerat ärende följer sitt huvudärende och lyfts inte för sig.' };
  if (!f.from || f.from.kind !== 'forum') {
    return {
      ok: false,
      path: 'forumGroupId',
      message:
        'Bara ärenden hos ett forum på taktisk nivå (t.ex. LPO ordförandeforum eller LSG samordnarforum) kan lyftas till kunskapsrådet.',
    };
  }
  if (!f.to || f.to.owner !== f.caseRegion || f.to.status !== 'active') {
    return { ok: false, path: 'forumGroupId', message: 'Rådet finns inte i ärendets region.' };
  }
  if (f.to.kind !== 'council') {
    return { ok: false, path: 'forumGroupId', message: `${f.to.name} är inte ett råd; ärenden lyfts till kunskapsrådet.` };
  }
  if (!f.reason.trim()) return { ok: false, path: 'reason', message: 'Ange varför ärendet lyfts.' };
  return { ok: true };
}
