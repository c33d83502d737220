/** One paragraph of the minutes: jäv per person, the decision (edited while the minutes are a draft), action items, extracts. */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ActionBody, ParagraphPatch, ParticipationBody } from '../../modules/meetings/schemas';
import { Link } from '../app/router';
import { caseHref } from '../cases/cases';
import { $api } from '../client';
import { FormCheckboxGroup, FormSelectField } from '../components/FormChoiceFields';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { useI18n, useT } from '../i18n';
import { loadProgramAreas } from '../organisation/reference';
import type { Run } from './meeting-form';
import { meetingWrite, useMeetingForm, useMeetingSubmit } from './meeting-submit';
import type { MeetingDetail } from './MeetingPage';
import { DECISION_KIND_OPTIONS, extractHref, kindText, type Paragraph } from './meetings';

/** The restriction noted when someone reports jäv themselves (no declaration to override). */
const SELF_REPORTED = 'Anmält jäv';

type Props = { p: Paragraph; d: MeetingDetail; run: Run; open: boolean };

export function ParagraphView({ p, d, run, open }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const programAreas = useQuery({ queryKey: ['program-areas'], queryFn: () => loadProgramAreas() });
  const areaName = (id: string) => programAreas.data?.find((a) => a.id === id)?.name ?? id;
  const base = `paragraph-${p.number}`;
  return (
    <article className="paragraph" aria-labelledby={`${base}-heading`}>
      <h3 id={`${base}-heading`}>
        § {p.number} {p.title}
      </h3>
      {p.caseId && (
        <p>
          {t('meetings.minutes.case')} <Link to={caseHref(p.caseId)}>{p.caseNumber}</Link>
        </p>
      )}
      <JavPanel p={p} run={run} open={open} />
      {open ? (
        <EditParagraph p={p} run={run} areas={programAreas.data ?? []} types={d.decisionTypes} />
      ) : (
        <p>
          <strong>{kindText(i18n, p.decisionKind)}:</strong> {p.decisionText || '–'}
        </p>
      )}
      {!open && p.decisionType && (
        <p>{t('meetings.minutes.decisionTypeShown', { type: t(`meetings.decisionType.${p.decisionType}`) })}</p>
      )}
      {p.programAreaIds.length > 0 && (
        <p data-testid={`${base}-areas-shown`}>
          {t('meetings.minutes.programAreasShown', { areas: p.programAreaIds.map(areaName).join(', ') })}
        </p>
      )}
      {p.actions.length > 0 && (
        <ul>
          {p.actions.map((a) => (
            <li key={a.id}>{t('meetings.actions.item', { title: a.title, owner: a.ownerName ?? '–', due: a.dueDate ?? '–' })}</li>
          ))}
        </ul>
      )}
      {open && p.caseId && <AddAction p={p} run={run} />}
      <p className="link-row">
        <a href={extractHref(p.id, 'pdf')}>{t('meetings.download.extractPdf', { number: p.number })}</a>
        <a href={extractHref(p.id, 'docx')}>{t('meetings.download.extractDocx', { number: p.number })}</a>
      </p>
      {d.minutes.final && <p className="hint">{p.reference}</p>}
    </article>
  );
}

function Jav({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="jav">
      <h4 className="h-small">{t('meetings.jav.heading')}</h4>
      {children}
    </div>
  );
}

/** Who does not take part (jäv) and who takes part despite a restriction (with the reason, audited). */
function JavPanel({ p, run, open }: { p: Paragraph; run: Run; open: boolean }) {
  const t = useT();
  const recused = p.participation.filter((x) => !x.takesPart);
  const overridden = p.participation.filter((x) => x.takesPart && x.overrideReason);
  return (
    <Jav>
      {recused.length === 0 && overridden.length === 0 && <p>{t('meetings.jav.none')}</p>}
      {recused.map((x) => (
        <div key={x.personId} className="jav-row">
          <p>
            <strong>{t('meetings.jav.notTakingPart', { name: x.name })}</strong> {x.restriction}
          </p>
          {open && x.restriction && x.restriction !== SELF_REPORTED && <OverrideForm p={p} person={x} run={run} />}
        </div>
      ))}
      {overridden.map((x) => (
        <p key={x.personId}>{t('meetings.jav.overrideShown', { name: x.name, reason: x.overrideReason ?? '' })}</p>
      ))}
    </Jav>
  );
}

/** Lets a person with a restriction take part anyway; the reason is required and audited. */
function OverrideForm({ p, person, run }: { p: Paragraph; person: Paragraph['participation'][number]; run: Run }) {
  const t = useT();
  const toBody = (v: { overrideReason: string }) => ({ takesPart: true, overrideReason: v.overrideReason });
  const form = useMeetingForm(ParticipationBody, toBody, { overrideReason: '' });
  const save = $api.useMutation('put', '/paragraphs/{id}/participation/{personId}', meetingWrite);
  const submit = useMeetingSubmit(
    form,
    run,
    (v) => save.mutateAsync({ params: { path: { id: p.id, personId: person.personId } }, body: toBody(v) }),
    t('meetings.jav.overridden'),
  );
  return (
    <form className="inline-form" noValidate onSubmit={submit}>
      <FormTextField
        control={form.control}
        name="overrideReason"
        id={`paragraph-${p.number}-override-${person.personId}`}
        label={t('meetings.jav.overrideReason', { name: person.name })}
      />
      <button type="submit" className="button-secondary" disabled={form.formState.isSubmitting}>
        {t('meetings.jav.override')}
      </button>
    </form>
  );
}

interface ParagraphValues {
  decisionKind: Paragraph['decisionKind'];
  /** '' = none; the forum's possible types come from the server (d.decisionTypes). */
  decisionType: NonNullable<Paragraph['decisionType']> | '';
  decisionText: string;
  programAreaIds: string[];
}

/** The decision of a draft paragraph: kind, text and the program areas jäv is matched against. */
function EditParagraph({
  p,
  run,
  areas,
  types,
}: {
  p: Paragraph;
  run: Run;
  areas: { id: string; name: string }[];
  types: MeetingDetail['decisionTypes'];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const base = `paragraph-${p.number}`;
  const toBody = ({ decisionType, ...v }: ParagraphValues) => ({
    ...v,
    ...(types.length > 0 ? { decisionType: decisionType || null } : {}),
    version: p.version,
  });
  const saved: ParagraphValues = {
    decisionKind: p.decisionKind,
    decisionType: p.decisionType ?? '',
    decisionText: p.decisionText,
    programAreaIds: p.programAreaIds,
  };
  const form = useMeetingForm(ParagraphPatch, toBody, saved, { values: saved });
  const save = $api.useMutation('patch', '/paragraphs/{id}', meetingWrite);
  const submit = useMeetingSubmit(
    form,
    run,
    (v) => save.mutateAsync({ params: { path: { id: p.id } }, body: toBody(v) }),
    t('meetings.minutes.saved'),
  );
  const chosen = form.watch('programAreaIds');
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormSelectField
        control={form.control}
        name="decisionKind"
        id={`${base}-kind`}
        label={t('meetings.minutes.kind')}
        options={DECISION_KIND_OPTIONS.map((k) => ({ value: k, label: kindText(i18n, k) }))}
      />
      {types.length > 0 && (
        <FormSelectField
          control={form.control}
          name="decisionType"
          id={`${base}-type`}
          label={t('meetings.minutes.decisionType')}
          hint={t('meetings.minutes.decisionTypeHint')}
          options={[
            { value: '', label: t('meetings.minutes.decisionType.none') },
            ...types.map((k) => ({ value: k, label: t(`meetings.decisionType.${k}`) })),
          ]}
        />
      )}
      <FormTextAreaField
        control={form.control}
        name="decisionText"
        id={`${base}-text`}
        label={t('meetings.minutes.text')}
        rows={3}
      />
      <details className="program-areas">
        <summary>{t('meetings.minutes.programAreasSummary', { count: chosen.length })}</summary>
        <FormCheckboxGroup
          control={form.control}
          name="programAreaIds"
          id={`${base}-areas`}
          legend={t('meetings.minutes.programAreas')}
          hint={t('meetings.minutes.programAreasHint')}
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
        />
      </details>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('meetings.minutes.save', { number: p.number })}
      </button>
    </form>
  );
}

interface ActionValues {
  title: string;
  ownerName: string;
  dueDate: string;
}

const actionBody = (v: ActionValues) => ({
  title: v.title,
  ownerName: v.ownerName,
  ...(v.dueDate ? { dueDate: v.dueDate } : {}),
});

/** An action item with an owner and a date; it reaches the case when the minutes are approved. */
function AddAction({ p, run }: { p: Paragraph; run: Run }) {
  const t = useT();
  const base = `paragraph-${p.number}`;
  const form = useMeetingForm(ActionBody, actionBody, { title: '', ownerName: '', dueDate: '' });
  const add = $api.useMutation('post', '/paragraphs/{id}/actions', meetingWrite);
  const submit = useMeetingSubmit(
    form,
    run,
    (v) => add.mutateAsync({ params: { path: { id: p.id } }, body: actionBody(v) }),
    t('meetings.actions.added'),
    { reset: true },
  );
  return (
    <form className="inline-form" aria-label={t('meetings.actions.add', { number: p.number })} noValidate onSubmit={submit}>
      <FormTextField
        control={form.control}
        name="title"
        id={`${base}-action-title`}
        label={t('meetings.actions.title')}
        required
      />
      <FormTextField
        control={form.control}
        name="ownerName"
        id={`${base}-action-owner`}
        label={t('meetings.actions.owner')}
        required
      />
      <FormTextField
        control={form.control}
        name="dueDate"
        id={`${base}-action-due`}
        type="date"
        label={t('meetings.actions.due')}
      />
      <button type="submit" className="button-secondary" disabled={form.formState.isSubmitting}>
        {t('meetings.actions.submit')}
      </button>
    </form>
  );
}
