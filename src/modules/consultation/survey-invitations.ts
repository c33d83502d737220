import type { Queryable } from '../../platform/db/index.js';
import type { FieldError } from '../../platform/errors.js';
import { queueEmail } from '../../platform/jobs/email.js';
import type { Static } from 'typebox';
import * as repo from './repository.js';
import { surveyLink } from './rules/survey.js';
import { hashSurveyToken, newSurveyToken } from './survey-tokens.js';
import type { RecipientsBody } from './schemas.js';

export type SurveyRecipientInput = Static<typeof RecipientsBody>['recipients'][number];

export interface SentLink {
  recipientId: string;
  unit: string;
  email: string | null;
  link: string;
}

function invitation(
  round: repo.RoundRow | undefined,
  survey: repo.SurveyRow,
  r: Pick<SurveyRecipientInput, 'unit' | 'name'>,
  link: string,
  reminder = false,
) {
  return {
    subject: `${reminder ? 'Påminnelse – ny länk: ' : ''}Gapanalys: ${survey.title} – svara senast ${survey.closesOn}`,
    text:
      `Hej${r.name ? ` ${r.name}` : ''}!\n\n` +
      `${r.unit} ombeds svara på en gapanalys inför regionens remissvar${round ? ` på "${round.title}"` : ''}: ` +
      'hur dagens arbete förhåller sig till rekommendationerna, vilka resurser som behövs och vilka konsekvenser ni ser.\n\n' +
      `Svara senast ${survey.closesOn} via din personliga länk (inget konto behövs):\n${link}\n\n` +
      'Länken gäller bara den här enkäten och slutar fungera när enkäten stänger. Dela den inte vidare.\n\n' +
      (reminder ? 'Det här är en ny länk: den du fick tidigare fungerar inte längre.\n\n' : '') +
      'Med vänlig hälsning\nNavet – kunskapsstyrningens register',
  };
}

export async function addRecipients(
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

/**
 * New links for recipients already on the survey: each gets a new token (the old link stops
 * working) and, where an address is known, an e-mail with the new link.
 */
export async function reissueLinks(
  tx: Queryable,
  survey: repo.SurveyRow,
  round: repo.RoundRow | undefined,
  recipients: repo.RecipientRow[],
  publicUrl: string,
): Promise<SentLink[]> {
  const links: SentLink[] = [];
  for (const r of recipients) {
    const token = newSurveyToken();
    await repo.replaceRecipientToken(tx, r.id, hashSurveyToken(token));
    const link = surveyLink(publicUrl, survey.id, token);
    if (r.email) await queueEmail(tx, { to: r.email, ...invitation(round, survey, r, link, true) });
    links.push({ recipientId: r.id, unit: r.unit, email: r.email, link });
  }
  return links;
}

export function checkRecipients(list: SurveyRecipientInput[]): FieldError[] {
  const errors: FieldError[] = [];
  if (list.length === 0) errors.push({ path: 'recipients', message: 'ange minst en enhet' });
  list.forEach((r, i) => {
    if (!r.unit.trim()) errors.push({ path: `recipients.${i}.unit`, message: 'enheten saknar namn' });
    if (r.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(r.email.trim()))
      errors.push({ path: `recipients.${i}.email`, message: 'ogiltig e-postadress' });
  });
  return errors;
}
