import { describe, expect, it } from 'vitest';
import { addAgendaItem } from '../src/modules/meetings/add-agenda-item.js';
import { createMeeting } from '../src/modules/meetings/create-meeting.js';
import { createParagraph } from '../src/modules/meetings/write-paragraph.js';
import { systemCtx } from '../src/platform/context.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * Issue 21, item 11: groups set up by decision, on the seeds' own groups (docs/seed-rules.md).
 * Seed 002: "Efter beslut i Kunskapsråd/ Styrgrupp – LSVO, tillsätter LPO … lokala arbetsgrupper".
 * Seed 000: "Programområdet kan i samråd med värdskapet tillsätta arbetsgrupper".
 */
useClock('2026-11-26');
const t = useTestApp();
const ctx = systemCtx('test');
const groupByKey = async (key: string) =>
  (await t.db.query<{ id: string }>('SELECT id FROM groups WHERE reference_key = $1', [key]))[0]!.id;

/** A § in the minutes of `groupId`'s meeting on `date`, justerade unless said otherwise. */
async function paragraph(groupId: string, date: string, text: string, justerat = true) {
  const meeting = await createMeeting(t.db, ctx, groupId, { date });
  const item = await addAgendaItem(t.db, ctx, meeting.id, { title: text });
  const id = await createParagraph(t.db, ctx, meeting.id, { agendaItemId: item, decisionText: text });
  if (justerat)
    await t.db.query(`UPDATE meetings SET minutes_status = 'justerat', minutes_locked_at = now() WHERE id = $1`, [meeting.id]);
  return id;
}

const create = (as: Session, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/groups', as, payload });

describe('seed 002: an LAG in Region Blekinge only after a decision in Kunskapsrådet or Styrgrupp LSVO', () => {
  const lag = async (extra: Record<string, unknown>) => ({
    kind: 'working-group',
    level: 'region',
    owner: '10',
    name: `LAG Suicidprevention ${Math.random()}`,
    parentGroupId: await groupByKey('10:lpo:psykisk-halsa'),
    parentRelation: 'appointed-by',
    ...extra,
  });

  it('refuses an LAG without a decision, with a § of unjusterade minutes, or of another group', async () => {
    const blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const none = problem(await create(blekinge, await lag({})));
    expect(none.status).toBe(422);
    expect(none.body.errors?.[0]?.path).toBe('setupParagraphId');
    expect(none.body.detail).toBe(
      'Gruppen får bara inrättas efter beslut av Kunskapsrådet eller Styrgrupp Nära vård – LSVO. Välj beslutets § i ett justerat protokoll, eller ange ett beslut fattat utanför Navet.',
    );

    const council = await groupByKey('10:kunskapsrad:kunskapsradet');
    const draft = await paragraph(council, '2026-11-12', 'Rådet beslutar att starta LAG Suicidprevention', false);
    const early = problem(await create(blekinge, await lag({ setupParagraphId: draft })));
    expect(early.status).toBe(422);
    expect(early.body.detail).toBe('Paragrafen finns inte i ett justerat protokoll.');

    const preparing = await groupByKey('10:forum:beredningsforum');
    const own = await paragraph(preparing, '2026-11-05', 'Beredningsforumet föreslår en LAG');
    const wrong = problem(await create(blekinge, await lag({ setupParagraphId: own })));
    expect(wrong.status).toBe(422);
    expect(wrong.body.detail).toBe('Paragrafen är inte ett beslut av Kunskapsrådet eller Styrgrupp Nära vård – LSVO.');

    const both = problem(await create(blekinge, await lag({ setupParagraphId: own, setupElsewhere: 'LSVO 2026-10-01 § 12' })));
    expect(both.status).toBe(422);
    expect(both.body.errors?.map((e) => e.path)).toContain('setupElsewhere');
    expect((await t.db.query(`SELECT 1 FROM groups WHERE name LIKE 'LAG Suicidprevention%'`)).length).toBe(0);
  });

  it('creates the LAG on a justerad § of Kunskapsrådet or Styrgrupp LSVO, or a decision taken elsewhere, and audits it', async () => {
    const blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const council = await groupByKey('10:kunskapsrad:kunskapsradet');
    const decided = await paragraph(council, '2026-11-19', 'Kunskapsrådet beslutar att starta LAG Suicidprevention');
    const res = await create(blekinge, await lag({ setupParagraphId: decided }));
    expect(res.statusCode).toBe(201);
    const group = res.json<{ id: string; setupParagraphId: string; setupElsewhere: string | null }>();
    expect(group).toMatchObject({ setupParagraphId: decided, setupElsewhere: null });
    const [audit] = await t.db.query<{ after: { setupParagraphId: string } }>(
      `SELECT after FROM audit_events WHERE entity_type = 'group' AND entity_id = $1 AND action = 'create'`,
      [group.id],
    );
    expect(audit!.after.setupParagraphId).toBe(decided);

    const steering = await groupByKey('10:styrgrupp:nara-vard-lsvo');
    const lsvo = await paragraph(steering, '2026-11-20', 'Styrgruppen beslutar att starta LAG Äldres psykiska hälsa');
    expect((await create(blekinge, await lag({ setupParagraphId: lsvo }))).statusCode).toBe(201);

    const elsewhere = await create(blekinge, await lag({ setupElsewhere: 'LSVO:s protokoll 2026-10-02, § 14' }));
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json()).toMatchObject({ setupParagraphId: null, setupElsewhere: 'LSVO:s protokoll 2026-10-02, § 14' });
  });
});

describe('seed 000: a working group in Region Jönköpings län is set up by the program area in samråd with the värdskap', () => {
  it('needs the program area’s decision and the samråd; another region’s working groups need neither', async () => {
    const jonkoping = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '06' }]);
    const lpo = await groupByKey('06:lpo:akut-vard');
    const body = { kind: 'working-group', level: 'region', owner: '06', name: 'Arbetsgrupp Sepsis', parentGroupId: lpo };

    const refused = problem(await create(jonkoping, body));
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => e.path).sort()).toEqual(['hostConsultation', 'setupParagraphId']);
    expect(refused.body.detail).toContain('i samråd med värdskapet');

    const noParent = problem(await create(jonkoping, { ...body, parentGroupId: undefined, setupElsewhere: 'Beslut 2026-11-01' }));
    expect(noParent.body.errors?.map((e) => e.path)).toContain('parentGroupId');

    // Program areas keep no minutes in Navet: the program area's decision is named as one taken elsewhere.
    const notTheLpo = await paragraph(await groupByKey('06:ledningsgrupp:reko'), '2026-11-10', 'REKO noterar');
    const wrong = problem(await create(jonkoping, { ...body, setupParagraphId: notTheLpo, hostConsultation: 'Värdskapet' }));
    expect(wrong.body.detail).toBe('Paragrafen är inte ett beslut av LPO Akut vård.');
    const created = await create(jonkoping, {
      ...body,
      setupElsewhere: 'LPO Akut vård, minnesanteckningar 2026-11-18, punkt 4',
      hostConsultation: 'Samråd med sjukvårdsdirektören (värdskapet) 2026-11-16',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ hostConsultation: 'Samråd med sjukvårdsdirektören (värdskapet) 2026-11-16' });

    const kronoberg = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
    const free = await create(kronoberg, { kind: 'working-group', level: 'region', owner: '07', name: 'Arbetsgrupp Kronoberg' });
    expect(free.statusCode).toBe(201);
  });
});
