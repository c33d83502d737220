/**
 * The searchable lists a form picks from (issue 17: pick, never retype), each read from the
 * API that already decides what the caller may see: senders (the register of organisations),
 * forums, cases and the § of justerade minutes. Each returns options for components/Combobox.
 */
import { call, client } from '../client';
import type { ComboOption } from './Combobox';

const fold = (s: string) =>
  s
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** Organisations that send remisses and cases; `kindLabel` names the kind in the page's language. */
export const loadSenders =
  (kindLabel: (kind: string) => string) =>
  async (q: string): Promise<ComboOption[]> => {
    const { items } = await call(client.GET('/senders', { params: { query: { q, limit: 20 } } }));
    return items.map((s) => ({
      value: s.id,
      label: s.name,
      description: [s.shortName, kindLabel(s.kind)].filter(Boolean).join(' · '),
    }));
  };

/** The same register for a body that takes the sender's name: the option's value is the name itself. */
export const loadSenderNames = (kindLabel: (kind: string) => string) => {
  const load = loadSenders(kindLabel);
  return async (q: string): Promise<ComboOption[]> => (await load(q)).map((o) => ({ ...o, value: o.label }));
};

/** The forums the caller can read (a short list: filtered here, in the server's Swedish order). */
export const loadForums = async (q: string): Promise<ComboOption[]> => {
  const { items } = await call(client.GET('/forums'));
  const f = fold(q);
  return items.filter((g) => !f || fold(g.name).includes(f)).map((g) => ({ value: g.id, label: g.name, description: g.owner }));
};

/** Cases the caller may read, found by case number, diarienummer or subject. */
export const loadCases = async (q: string): Promise<ComboOption[]> => {
  const { items } = await call(client.GET('/cases', { params: { query: { q, limit: 20 } } }));
  return items.map((c) => ({ value: c.id, label: c.caseNumber, description: c.subject }));
};

/** The § of justerade minutes in forums the caller can read (the decision log's search). */
export const loadParagraphs = async (q: string): Promise<ComboOption[]> => {
  const { items } = await call(client.GET('/decisions', { params: { query: { limit: 20, ...(q ? { q } : {}) } } }));
  return items.map((d) => ({
    value: d.paragraphId,
    label: d.reference,
    description: [d.title, d.caseNumber].filter(Boolean).join(' · '),
  }));
};

/** The same § for a body that takes the decision's reference as text: the option's value is the reference. */
export const loadParagraphRefs = async (q: string): Promise<ComboOption[]> =>
  (await loadParagraphs(q)).map((o) => ({ ...o, value: o.label }));
