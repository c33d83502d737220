/** One paragraph of the minutes: jäv per person, the decision (edited while the minutes are a draft), action items, extracts. */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ActionBody, ParagraphPatch } from '../../modules/meetings/schemas';
import { Link } from '../app/router';
import { caseHref } from '../cases/cases';
import { call, client } from '../client';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../components/Fields';
import { useI18n, useT } from '../i18n';
import { loadProgramAreas } from '../organisation/reference';
import { useSchemaForm, type Run } from './meeting-form';
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
        <EditParagraph p={p} run={run} areas={programAreas.data ?? []} />
      ) : (
        <p>
          <strong>{kindText(i18n, p.decisionKind)}:</strong> {p.decisionText || '–'}
        </p>
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
  const [override, setOverride] = useState<Record<string, string>>({});
  const recused = p.participation.filter((x) => !x.takesPart);
  const overridden = p.participation.filter((x) => x.takesPart && x.overrideReason);
  const base = `paragraph-${p.number}`;
  return (
    <Jav>
      {recused.length === 0 && overridden.length === 0 && <p>{t('meetings.jav.none')}</p>}
      {recused.map((x) => (
        <div key={x.personId} className="jav-row">
          <p>
            <strong>{t('meetings.jav.notTakingPart', { name: x.name })}</strong> {x.restriction}
          </p>
          {open && x.restriction && x.restriction !== SELF_REPORTED && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void run(
                  () =>
                    call(
                      client.PUT('/paragraphs/{id}/participation/{personId}', {
                        params: { path: { id: p.id, personId: x.personId } },
                        body: { takesPart: true, overrideReason: override[x.personId] ?? '' },
                      }),
                    ),
                  t('meetings.jav.overridden'),
                );
              }}
            >
              <TextField
                id={`${base}-override-${x.personId}`}
                label={t('meetings.jav.overrideReason', { name: x.name })}
                value={override[x.personId] ?? ''}
                onChange={(v) => setOverride({ ...override, [x.personId]: v })}
              />
              <button type="submit" className="button-secondary">
                {t('meetings.jav.override')}
              </button>
            </form>
          )}
        </div>
      ))}
      {overridden.map((x) => (
        <p key={x.personId}>{t('meetings.jav.overrideShown', { name: x.name, reason: x.overrideReason ?? '' })}</p>
      ))}
    </Jav>
  );
}

interface ParagraphValues {
  decisionKind: Paragraph['decisionKind'];
  decisionText: string;
  programAreaIds: string[];
}

/** The decision of a draft paragraph: kind, text and the program areas jäv is matched against. */
function EditParagraph({ p, run, areas }: { p: Paragraph; run: Run; areas: { id: string; name: string }[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const base = `paragraph-${p.number}`;
  const { field, submit } = useSchemaForm(ParagraphPatch, (v: ParagraphValues) => ({ ...v, version: p.version }), {
    decisionKind: p.decisionKind,
    decisionText: p.decisionText,
    programAreaIds: p.programAreaIds,
  });
  const kind = field('decisionKind');
  const chosen = field('programAreaIds');
  return (
    <form
      className="form"
      onSubmit={submit(
        run,
        (body) => call(client.PATCH('/paragraphs/{id}', { params: { path: { id: p.id } }, body })),
        t('meetings.minutes.saved'),
      )}
    >
      <SelectField
        id={`${base}-kind`}
        label={t('meetings.minutes.kind')}
        value={kind.value}
        onChange={(v) => kind.onChange(v as ParagraphValues['decisionKind'])}
        options={DECISION_KIND_OPTIONS.map((k) => ({ value: k, label: kindText(i18n, k) }))}
      />
      <TextAreaField id={`${base}-text`} label={t('meetings.minutes.text')} {...field('decisionText')} rows={3} />
      <details className="program-areas">
        <summary>{t('meetings.minutes.programAreasSummary', { count: chosen.value.length })}</summary>
        <CheckboxGroup
          id={`${base}-areas`}
          legend={t('meetings.minutes.programAreas')}
          hint={t('meetings.minutes.programAreasHint')}
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
          value={chosen.value}
          onChange={chosen.onChange}
        />
      </details>
      <button type="submit">{t('meetings.minutes.save', { number: p.number })}</button>
    </form>
  );
}

interface ActionValues {
  title: string;
  ownerName: string;
  dueDate: string;
}

/** An action item with an owner and a date; it reaches the case when the minutes are approved. */
function AddAction({ p, run }: { p: Paragraph; run: Run }) {
  const t = useT();
  const base = `paragraph-${p.number}`;
  const { field, submit } = useSchemaForm(
    ActionBody,
    (v: ActionValues) => ({ title: v.title, ownerName: v.ownerName, ...(v.dueDate ? { dueDate: v.dueDate } : {}) }),
    { title: '', ownerName: '', dueDate: '' },
  );
  return (
    <form
      className="inline-form"
      aria-label={t('meetings.actions.add', { number: p.number })}
      noValidate
      onSubmit={submit(
        run,
        (body) => call(client.POST('/paragraphs/{id}/actions', { params: { path: { id: p.id } }, body })),
        t('meetings.actions.added'),
        { reset: true },
      )}
    >
      <TextField id={`${base}-action-title`} label={t('meetings.actions.title')} {...field('title')} required />
      <TextField id={`${base}-action-owner`} label={t('meetings.actions.owner')} {...field('ownerName')} required />
      <TextField id={`${base}-action-due`} type="date" label={t('meetings.actions.due')} {...field('dueDate')} />
      <button type="submit" className="button-secondary">
        {t('meetings.actions.submit')}
      </button>
    </form>
  );
}
