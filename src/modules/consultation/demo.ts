import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { selectRows } from '../../platform/db/rows.js';
import { buildGroup } from '../../testing/builders.js';
import { addComment } from './add-comment.js';
import { createJointAnswer } from './create-joint-answer.js';
import { registerAnswer } from './register-answer.js';
import * as repo from './repository.js';
import { routeAnswer } from './route-answer.js';
import { respondToComment } from './respond-to-comment.js';
import { respondToSurvey } from './respond-to-survey.js';
import { sendSurvey } from './send-survey.js';
import { updateJointSection } from './update-joint-section.js';
import { updateSection } from './update-section.js';
import { updateSettings } from './update-settings.js';

const REGION = '07';

async function groupId(db: Db, owner: string, where: string, params: unknown[] = []): Promise<string | undefined> {
  return (
    await db.query<{ id: string }>(
      `SELECT id FROM groups WHERE owner = $1 AND status = 'active' AND ${where} ORDER BY created_at, id LIMIT 1`,
      [owner, ...params],
    )
  )[0]?.id;
}

/**
 * Region Kronoberg's answers to the demo's national rounds: one in drafting after a gap-analysis
 * survey with answers and comments, the other routed; and Södra sjukvårdsregionen's joint answer.
 */
export async function loadConsultationDemo(db: Db, ctx: Ctx): Promise<void> {
  const rounds = await selectRows<{ id: string; title: string; closesOn: string }>(
    db,
    `SELECT id, title, closes_on FROM consultation_rounds WHERE is_demo AND status = 'aktiv' ORDER BY closes_on, id`,
  );
  if (rounds.length === 0) return;
  const council = await groupId(db, REGION, "kind = 'council'");
  const forum = await groupId(db, REGION, "kind = 'forum'");
  const lpos = await db.query<{ id: string }>(
    `SELECT id FROM groups WHERE owner = $1 AND kind IN ('program-area', 'collaboration-group') AND status = 'active' ORDER BY created_at, id LIMIT 3`,
    [REGION],
  );
  if (!lpos.length) return;
  await updateSettings(db, ctx, REGION, {
    surveyClosesDays: 12,
    draftReadyDays: 8,
    beredningDays: 5,
    decisionDays: 2,
    beredningGroupId: forum ?? null,
    decisionGroupId: council ?? null,
    version: 0,
  });

  const [first, second] = rounds;
  const a = await registerAnswer(db, ctx, { roundId: first!.id, region: REGION }, { isDemo: true });
  await routeAnswer(db, ctx, a.id, { groupIds: lpos.map((l) => l.id), leadGroupId: lpos[0]!.id, version: 1 });
  const survey = (await repo.milestonesOf(db, [a.id])).find((m) => m.kind === 'survey-closes')!;
  const { survey: s, links } = await sendSurvey(
    db,
    ctx,
    a.id,
    {
      title: `Gapanalys: ${first!.title}`,
      intro: 'Svara utifrån hur ni arbetar i dag. Svaren blir underlag för Region Kronobergs remissvar (demo).',
      closesOn: survey.dueOn > todayInSweden() ? survey.dueOn : first!.closesOn,
      questions: [
        { id: 'q1', kind: 'text', topic: 'praxis', text: 'Hur arbetar ni i dag jämfört med rekommendationerna?', required: true },
        {
          id: 'q2',
          kind: 'scale',
          topic: 'resurser',
          text: 'Hur stora resurser krävs (1 = inga, 5 = mycket stora)?',
          required: true,
        },
        { id: 'q3', kind: 'yes-no', topic: 'konsekvenser', text: 'Krävs organisatoriska förändringar?', required: false },
      ],
      recipients: [
        { unit: 'Medicinkliniken Växjö (demo)' },
        { unit: 'Vårdcentralen Ljungby (demo)' },
        { unit: 'Hemsjukvården Alvesta kommun (demo)' },
      ],
      version: 2,
    },
    { publicUrl: 'http://localhost:3000' },
  );
  const token = (l: { link: string }) => l.link.split('#')[1]!;
  await respondToSurvey(db, ctx, s.id, token(links[0]!), {
    q1: 'Vi följer i stort rekommendationerna men saknar sjuksköterskeledd titrering.',
    q2: 4,
    q3: true,
  });
  await respondToSurvey(db, ctx, s.id, token(links[1]!), {
    q1: 'Uppföljning inom två veckor är svår att klara med nuvarande bemanning.',
    q2: 3,
    q3: false,
  });
  const sections = await repo.sectionsOf(db, a.id);
  await updateSection(db, ctx, a.id, sections[0]!.id, {
    body: 'Region Kronoberg ställer sig bakom förslaget men vill lyfta behovet av resurser för uppföljning i primärvården (demo).',
    version: 1,
  });
  const c = await addComment(db, ctx, a.id, {
    sectionId: sections[0]!.id,
    body: 'Ange gärna en uppskattning av kostnaden (demo).',
  });
  await respondToComment(db, ctx, a.id, c.id, { response: 'Kostnaden beskrivs i avsnitt 4 (demo).', version: 1 });

  if (second) {
    const b = await registerAnswer(db, ctx, { roundId: second.id, region: REGION }, { isDemo: true });
    await routeAnswer(db, ctx, b.id, {
      groupIds: [lpos[lpos.length - 1]!.id],
      leadGroupId: lpos[lpos.length - 1]!.id,
      version: 1,
    });
  }

  // Södra's joint answer on the first round, compiled by an RPO and approved by the ledningsgrupp.
  const ledning = await groupId(db, 'sodra', "kind = 'steering-group' AND name ILIKE '%ledningsgrupp%'");
  let rpo = await groupId(db, 'sodra', "kind = 'program-area'");
  rpo ??= (
    await buildGroup(
      db,
      {
        kind: 'program-area',
        level: 'healthcare-region',
        owner: 'sodra',
        programAreaIds: ['hjart-och-karlsjukdomar'],
        name: 'RPO Hjärt- och kärlsjukdomar Södra (demo)',
        isDemo: true,
      },
      ctx,
    )
  ).id;
  if (!ledning) return;
  const jointId = await createJointAnswer(
    db,
    ctx,
    { roundId: first!.id, healthcareRegionId: 'sodra', coordinatingGroupId: rpo, approvingGroupId: ledning },
    { isDemo: true },
  );
  const js = await repo.jointSectionsOf(db, jointId);
  await updateJointSection(db, ctx, jointId, js[0]!.id, {
    body: 'Södra sjukvårdsregionen ställer sig bakom förslaget. Regionerna pekar på resursbehov för uppföljning (demo).',
    version: 1,
  });
}
