/**
 * Granskningskö: the submitted declarations the caller may review (never their own). Each can be
 * approved, approved with restrictions (program area and a note) or returned with a comment.
 */
import { useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { ReviewBody } from '../../modules/people/schemas';
import { useQueries } from '@tanstack/react-query';
import type { JavDeclaration } from '../api';
import { $api, invalidate, type ApiBody } from '../client';
import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField, TextAreaField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { bind, errorItems, fieldError, withChecks } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useI18n, useT } from '../i18n';
import { useGeo, type Geo } from '../organisation/groups';
import { usePeopleCrumbs } from './PeoplePage';
import { asApiError, categoryLabel, personHref, useFormSummary } from './people';

interface QueueItem {
  declaration: JavDeclaration;
  personName: string;
}

export function ReviewQueuePage() {
  const t = useT();
  const crumbs = usePeopleCrumbs();
  return (
    <RequireUser title={t('review.title')} crumbs={crumbs}>
      <ReviewQueue />
    </RequireUser>
  );
}

/** The queue with the people's names: it carries only the person's id, the names come from the person records. */
function useReviewQueue(): { data?: QueueItem[]; error: unknown; loading: boolean } {
  const page = $api.useQuery('get', '/jav-declarations');
  const ids = [...new Set((page.data?.items ?? []).map((d) => d.personId))];
  const people = useQueries({
    queries: ids.map((id) => $api.queryOptions('get', '/people/{id}', { params: { path: { id } } })),
  });
  const loading = page.isPending || people.some((p) => p.isPending);
  if (!page.data || loading) return { error: page.error, loading };
  // a person record the caller can't read shows the id, as before
  const names = new Map(ids.map((id, i) => [id, people[i]?.data?.name ?? id]));
  return {
    data: page.data.items.map((d) => ({ declaration: d, personName: names.get(d.personId) ?? d.personId })),
    error: page.error,
    loading,
  };
}

function ReviewQueue() {
  const i18n = useI18n();
  const { t } = i18n;
  const crumbs = usePeopleCrumbs();
  const geo = useGeo(t);
  const queue = useReviewQueue();
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);

  return (
    <Page title={t('review.title')} crumbs={crumbs} lead={<p>{t('review.lead')}</p>}>
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      {(queue.error ?? geo.error) && <ErrorAlert error={(queue.error ?? geo.error)!} />}
      {(queue.loading || geo.loading) && !(queue.data && geo.data) && <Loading />}
      {queue.data && geo.data && (
        <>
          <p className="result-count">
            {t(queue.data.length === 1 ? 'review.count.one' : 'review.count', { count: queue.data.length })}
          </p>
          {queue.data.length === 0 ? (
            <p>{t('review.empty')}</p>
          ) : (
            <ul className="plain-list review-list">
              {queue.data.map((item) => (
                <ReviewItem
                  key={item.declaration.id}
                  item={item}
                  geo={geo.data!}
                  onReviewed={(text) => {
                    setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
                    void invalidate('/jav-declarations');
                  }}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}

function ReviewItem({ item, geo, onReviewed }: { item: QueueItem; geo: Geo; onReviewed: (text: string) => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const d = item.declaration;
  const headingId = `review-${d.id}-heading`;
  return (
    <li className="card review-item">
      <h2 id={headingId} className="card-title">
        <Link to={personHref(d.personId)}>{item.personName}</Link>
      </h2>
      <p className="muted">{t('jav.submittedOn', { date: formatDate(d.submittedAt) })}</p>
      {d.nothingToDeclare ? (
        <p>{t('jav.nothingToDeclare')}</p>
      ) : (
        <ul>
          {(d.interests ?? []).map((x, i) => (
            <li key={i}>
              <strong>{categoryLabel(i18n, x.category)}:</strong> {x.description}
              {x.organisation && ` (${x.organisation})`}
            </li>
          ))}
        </ul>
      )}
      <ReviewForm declaration={d} personName={item.personName} geo={geo} onReviewed={onReviewed} />
    </li>
  );
}

type Decision = 'approved' | 'approved-with-restrictions' | 'returned';
const DECISIONS: Decision[] = ['approved', 'approved-with-restrictions', 'returned'];

/** One restriction per review in the form; the body takes a list. */
interface Values {
  decision: Decision | '';
  restrictions: { programAreaId: string; note: string }[];
  comment: string;
}

function toBody(v: Values): ApiBody<'/jav-declarations/{id}/review', 'post'> {
  const r = v.restrictions[0];
  return {
    decision: v.decision as Decision,
    ...(v.decision === 'approved-with-restrictions' && r
      ? { restrictions: [{ ...(r.programAreaId ? { programAreaId: r.programAreaId } : {}), note: r.note.trim() }] }
      : {}),
    ...(v.comment.trim() ? { comment: v.comment.trim() } : {}),
  };
}

function ReviewForm({
  declaration: d,
  personName,
  geo,
  onReviewed,
}: {
  declaration: JavDeclaration;
  personName: string;
  geo: Geo;
  onReviewed: (text: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const prefix = `review-${d.id}`;
  const summary = useFormSummary();
  const form = useForm<Values>({
    resolver: withChecks(schemaResolver(ReviewBody, toBody, i18n.lang), (v) => ({
      decision: !v.decision && t('review.error.decisionMissing'),
      'restrictions.0.note':
        v.decision === 'approved-with-restrictions' && !v.restrictions[0]?.note.trim() && t('review.error.noteMissing'),
      comment: v.decision === 'returned' && !v.comment.trim() && t('review.error.commentMissing'),
    })),
    defaultValues: { decision: '', restrictions: [{ programAreaId: '', note: '' }], comment: '' },
  });
  const review = $api.useMutation('post', '/jav-declarations/{id}/review');
  const labels: Record<string, string> = {
    decision: t('review.decision'),
    note: t('review.note'),
    programAreaId: t('review.programArea'),
    comment: t('review.comment'),
  };
  const label = (k: string) => labels[k.replace(/^restrictions[.-]\d+[.-]/, '')] ?? k;
  // the decision's errors link to its first radio button
  const items = (errors: FieldErrors<Values>) =>
    errorItems(errors, prefix, label).map((it) =>
      it.fieldId === `${prefix}-decision` ? { ...it, fieldId: `${prefix}-decision-approved` } : it,
    );

  const submit = form.handleSubmit(
    async (v) => {
      try {
        await review.mutateAsync({ params: { path: { id: d.id } }, body: toBody(v) });
        onReviewed(t(`review.done.${v.decision as Decision}`, { name: personName }));
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, items(form.formState.errors));
      }
    },
    (errors) => summary.showText(t('form.fixErrors'), items(errors)),
  );
  const decision = form.watch('decision');
  const decisionError = fieldError(form.formState.errors, 'decision');
  const busy = form.formState.isSubmitting;

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('review.formFor', { name: personName })}>
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <fieldset
        className={`field radio-group${decisionError ? ' field-invalid' : ''}`}
        aria-describedby={decisionError ? `${prefix}-decision-error` : undefined}
      >
        <legend>{t('review.decision')}</legend>
        {decisionError && (
          <p className="field-error" id={`${prefix}-decision-error`}>
            {decisionError}
          </p>
        )}
        {DECISIONS.map((x) => (
          <div className="field-checkbox" key={x}>
            <input
              id={`${prefix}-decision-${x}`}
              type="radio"
              name={`${prefix}-decision`}
              checked={decision === x}
              onChange={() => form.setValue('decision', x, { shouldDirty: true })}
            />
            <label htmlFor={`${prefix}-decision-${x}`}>{t(`review.decision.${x}`)}</label>
          </div>
        ))}
      </fieldset>
      {decision === 'approved-with-restrictions' && (
        <>
          <SelectField
            id={`${prefix}-restrictions-0-programAreaId`}
            label={t('review.programArea')}
            hint={t('review.hint.programArea')}
            {...bind(form, 'restrictions.0.programAreaId')}
          >
            <option value="">{t('review.noProgramArea')}</option>
            {geo.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id={`${prefix}-restrictions-0-note`}
            label={t('review.note')}
            hint={t('review.hint.note')}
            {...bind(form, 'restrictions.0.note')}
            rows={3}
          />
        </>
      )}
      <TextAreaField
        id={`${prefix}-comment`}
        label={decision === 'returned' ? t('review.commentRequired') : t('review.comment')}
        {...bind(form, 'comment')}
        rows={3}
      />
      <button type="submit" disabled={busy}>
        {t('review.submit')}
      </button>
    </form>
  );
}
