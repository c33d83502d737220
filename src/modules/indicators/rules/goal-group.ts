/**
 * A goal owned by a program area (seed 001: "De regionala programområdena tar fram mätbara mål och
 * konkretiserar vad de gemensamma patientlöftena betyder för respektive område"). The program
 * area is a program-area group of the goal's own owner (an RMPO under its healthcare region, an
 * LPO under its region); a patient promise (no parent) is the owner's, not a program area's.
 */
export function checkGoalGroup(
  g: { owner: string; isPromise: boolean },
  group: { kind: string; owner: string; name: string } | undefined,
): string | null {
  if (!group) return 'Okänd grupp';
  if (group.kind !== 'program-area') return `${group.name} är inte ett programområde.`;
  if (group.owner !== g.owner) return `${group.name} hör inte till målets ägare (${g.owner}).`;
  if (g.isPromise) return 'Ett patientlöfte är hela ägarens; programområdets mål ligger under löftet.';
  return null;
}
