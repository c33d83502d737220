import { recordAudit } from '../../platform/audit/record.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { notFound, Problem, unprocessable, type FieldError } from '../../platform/errors.js';
import { queueEmail } from '../../platform/jobs/email.js';
import { checkVersion, loadAnswer, next, require } from './load-answer.js';
import * as repo from './repository.js';
import {
  checkAnswers,
  checkQuestions,
  hashSurveyToken,
  linkState,
  newSurveyToken,
  surveyLink,
  type Answers,
  type Question,
} from './rules/survey.js';

export interface SurveyRecipientInput {
  unit: string;
  name?: string | null | undefined;
  email?: string | null | undefined;
}

export interface SendSurveyInput {
  title: string;
  intro?: string | null | undefined;
  closesOn: string;
  questions: Question[];
  recipients: SurveyRecipientInput[];
  version: number;
}

export interface SentLink {
  recipientId: string;
  unit: string;
  email: string | null;
  link: string;
}

function invitation(round: repo.RoundRow | undefined, survey: repo.SurveyRow, r: SurveyRecipientInput, link: string) {
  return {
    subject: `Gapanalys: ${survey.title} – svara senast ${survey.closes_on}`,
    text:
      `Hej${r.name ? ` ${r.name}` : ''}!\n\n` +
      `${r.unit} ombeds svara på en gapanalys inför regionens remissvar${round ? ` på "${round.title}"` : ''}: ` +
      'hur dagens arbete förhåller sig till rekommendationerna, vilka resurser som behövs och vilka konsekvenser ni ser.\n\n' +
      `Svara senast ${survey.closes_on} via din personliga länk (inget konto behövs):\n${link}\n\n` +
      'Länken gäller bara den här enkäten och slutar fungera när enkäten stänger. Dela den inte vidare.\n\n' +
      'Med vänlig hälsning\nNavet – kunskapsstyrningens register',
  };
}

async function addRecipients(
  tx: Queryable,
  survey: repo.SurveyRow,
  round: repo.RoundRow | undefined,
  list: SurveyRecipientInput[],
  publicUrl: string,
): Promise<SentLink[]> {
  const links: SentLink[] = [];
  for (const r of list) {
    const token = newSurveyToken();
    const row = await repo.insertRecipient(tx, {
      surveyId: survey.id,
      unit: r.unit.trim(),
      name: r.name?.trim() || null,
      email: r.email?.trim().toLowerCase() || null,
      tokenHash: hashSurveyToken(token),
    });
    const link = surveyLink(publicUrl, survey.id, token);
    if (row.email) await queueEmail(tx, { to: row.email, ...invitation(round, survey, r, link) });
    links.push({ recipientId: row.id, unit: row.unit, email: row.email, link });
  }
  return links;
}

function checkRecipients(list: SurveyRecipientInput[]): FieldError[] {
  const errors: FieldError[] = [];
  if (list.length === 0) errors.push({ path: 'recipients', message: 'ange minst en enhet' });
  list.forEach((r, i) => {
    if (!r.unit.trim()) errors.push({ path: `recipients.${i}.unit`, message: 'enheten saknar namn' });
    if (r.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(r.email.trim()))
      errors.push({ path: `recipients.${i}.email`, message: 'ogiltig e-postadress' });
  });
  return errors;
}

/**
 * The lead group sends the gap-analysis survey to the units concerned. Each unit gets a
 * personal link (shown once here and e-mailed when an address is given); only the token's
 * hash is kept. The answer moves to "enkät pågår".
 */
export async function sendSurvey(
  db: Db,
  ctx: Ctx,
  answerId: string,
  input: SendSurveyInput,
  opts: { publicUrl: string; today?: string },
) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, answerId, { forUpdate: true, ...(opts.today ? { today: opts.today } : {}) });
    require(l.access.lead, 'Bara den ledande gruppens ordförande eller processtöd kan skicka enkäten.');
    checkVersion(l.answer, input.version);
    const to = next(l.answer.status, 'send-survey');
    const round = await repo.getRound(tx, l.answer.round_id);
    const errors = [...checkQuestions(input.questions), ...checkRecipients(input.recipients)];
    if (input.closesOn < l.today) errors.push({ path: 'closesOn', message: 'enkäten kan inte stänga före i dag' });
    if (round && input.closesOn > round.closes_on)
      errors.push({ path: 'closesOn', message: `ska vara senast remissens sista svarsdag ${round.closes_on}` });
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join('; '), errors);
    if (await repo.surveyOfAnswer(tx, answerId))
      throw unprocessable('Svaret har redan en enkät.', [{ path: 'survey', message: 'finns redan' }]);
    const survey = await repo.insertSurvey(tx, {
      answerId,
      title: input.title.trim(),
      intro: input.intro?.trim() || null,
      questions: input.questions.map((q) => ({ ...q, text: q.text.trim() })),
      closesOn: input.closesOn,
    });
    const links = await addRecipients(tx, survey, round, input.recipients, opts.publicUrl);
    await repo.updateAnswer(tx, answerId, l.answer.version, { status: to });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-survey',
      entityId: survey.id,
      action: 'send',
      after: { answerId, questions: survey.questions.length, recipients: links.map((x) => ({ unit: x.unit, email: x.email })) },
    });
    return { survey, links };
  });
}

/** More units after sending: each gets its own new link. */
export async function addSurveyRecipients(
  db: Db,
  ctx: Ctx,
  surveyId: string,
  list: SurveyRecipientInput[],
  opts: { publicUrl: string },
) {
  return db.transaction(async (tx) => {
    const survey = await repo.getSurvey(tx, surveyId);
    if (!survey) throw notFound('Enkäten');
    const l = await loadAnswer(tx, ctx, survey.answer_id, { forUpdate: true });
    require(l.access.lead, 'Bara den ledande gruppen kan skicka enkäten till fler.');
    const errors = checkRecipients(list);
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join('; '), errors);
    if (linkState(survey.id, { surveyId: survey.id }, { status: survey.status, closesOn: survey.closes_on }, l.today) !== 'ok') {
      throw unprocessable('Enkäten är stängd.', [{ path: 'survey', message: 'stängd' }]);
    }
    const links = await addRecipients(tx, survey, await repo.getRound(tx, l.answer.round_id), list, opts.publicUrl);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-survey',
      entityId: survey.id,
      action: 'add-recipient',
      after: { recipients: links.map((x) => x.unit) },
    });
    return links;
  });
}

export async function closeSurveyNow(db: Db, ctx: Ctx, surveyId: string) {
  return db.transaction(async (tx) => {
    const survey = await repo.getSurvey(tx, surveyId);
    if (!survey) throw notFound('Enkäten');
    const l = await loadAnswer(tx, ctx, survey.answer_id, { forUpdate: true });
    require(l.access.lead, 'Bara den ledande gruppen kan stänga enkäten.');
    if (survey.status === 'stangd') return;
    await repo.closeSurvey(tx, surveyId);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-survey',
      entityId: surveyId,
      action: 'close',
      after: { status: 'stangd' },
    });
  });
}

/** The answers so far: who has answered, and each question summarised. */
export async function surveyProgress(db: Db, ctx: Ctx, surveyId: string) {
  const survey = await repo.getSurvey(db, surveyId);
  if (!survey) throw notFound('Enkäten');
  const l = await loadAnswer(db, ctx, survey.answer_id);
  return { survey, recipients: await repo.recipientsOf(db, surveyId), access: l.access };
}

// ---- the public side: a personal link, no account ----

async function openByToken(tx: Queryable, surveyId: string, token: string | undefined, today: string) {
  const recipient = token && token.length <= 200 ? await repo.recipientByTokenHash(tx, hashSurveyToken(token)) : undefined;
  const survey = recipient ? await repo.getSurvey(tx, recipient.survey_id) : undefined;
  const state = linkState(
    surveyId,
    recipient ? { surveyId: recipient.survey_id } : undefined,
    survey ? { status: survey.status, closesOn: survey.closes_on } : undefined,
    today,
  );
  return { state, recipient, survey };
}

export async function openSurveyForm(db: Db, surveyId: string, token: string | undefined, opts: { today?: string } = {}) {
  const { state, recipient, survey } = await openByToken(db, surveyId, token, opts.today ?? todayInSweden());
  if (state === 'not-found' || !recipient || !survey) throw notFound('Enkäten');
  if (state === 'expired') throw gone();
  const answer = await repo.getAnswer(db, survey.answer_id);
  const round = answer ? await repo.getRound(db, answer.round_id) : undefined;
  return { state, recipient, survey, regionName: answer?.region_name ?? '', roundTitle: round?.title ?? '' };
}

/** Saves a unit's answers; it may change them until the survey closes. */
export async function respondToSurvey(
  db: Db,
  ctx: Ctx,
  surveyId: string,
  token: string | undefined,
  answers: Answers,
  opts: { today?: string } = {},
) {
  return db.transaction(async (tx) => {
    const { state, recipient, survey } = await openByToken(tx, surveyId, token, opts.today ?? todayInSweden());
    if (state === 'not-found' || !recipient || !survey) throw notFound('Enkäten');
    if (state === 'expired') throw gone();
    const errors = checkAnswers(survey.questions, answers);
    if (errors.length) throw unprocessable('Några svar behöver rättas.', errors);
    await repo.saveResponse(tx, recipient.id, answers);
    await recordAudit(
      tx,
      { ...ctx, actor: undefined },
      {
        entityType: 'consultation-survey',
        entityId: survey.id,
        action: 'respond',
        after: { recipientId: recipient.id, unit: recipient.unit, answered: Object.keys(answers).length },
      },
    );
  });
}

export const gone = () =>
  new Problem(410, 'Länken har gått ut', 'Enkäten är stängd och tar inte längre emot svar. Kontakta den som skickade länken.');
