/**
 * Claims as a table with the actions the server offers the caller (each claim's allowedActions,
 * from its lifecycle and the caller's policy): approve or return (approvers), resubmit a
 * returned claim or withdraw it (claimant).
 */
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { DecideBody, ResubmitBody } from '../../modules/compensation/schemas';
import { ApiError } from '../api';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { bodyErrors, schemaResolver } from '../forms';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { asApiError } from '../people/people';
import {
  kronor,
  parseKronor,
  STATUS_BADGE,
  statusLabel,
  timeText,
  type Claim,
  type ClaimAction,
  refetchArea,
} from './compensation';

export function ClaimTable({
  claims,
  caption,
  onChanged,
  mode,
}: {
  claims: Claim[];
  caption: string;
  onChanged: (text: string) => void;
  mode: 'mine' | 'approval' | 'read';
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const captionId = useId();
  if (claims.length === 0) return <p>{t('compensation.claims.empty')}</p>;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compensation.col.date')}</th>
            {mode !== 'mine' && <th scope="col">{t('compensation.col.person')}</th>}
            <th scope="col">{t('compensation.col.group')}</th>
            <th scope="col">{t('compensation.col.assignment')}</th>
            <th scope="col">{t('compensation.col.status')}</th>
            <th scope="col" className="num">
              {t('compensation.fee')}
            </th>
            <th scope="col" className="num">
              {t('compensation.col.travel')}
            </th>
            <th scope="col" className="num">
              {t('compensation.total')}
            </th>
            {mode !== 'read' && <th scope="col">{t('compensation.col.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr key={c.id}>
              <td>{formatDate(c.date)}</td>
              {mode !== 'mine' && <th scope="row">{c.personName}</th>}
              <td>{c.groupName}</td>
              <td>
                {c.description} ({timeText(i18n, c.timeUnit, c.minutes)})
                {c.decisionComment && c.allowedActions.includes('resubmit') && (
                  <p className="muted">{t('compensation.claims.comment', { comment: c.decisionComment })}</p>
                )}
              </td>
              <td>
                <span className={`badge ${STATUS_BADGE[c.status] ?? ''}`}>{statusLabel(i18n, c.status)}</span>
              </td>
              <td className="num">{kronor(c.amounts.feeOre)}</td>
              <td className="num">{kronor(c.amounts.mileageOre + c.amounts.travelCostsOre)}</td>
              <td className="num">{kronor(c.amounts.totalOre)}</td>
              {mode !== 'read' && (
                <td>
                  <ClaimActions claim={c} onChanged={onChanged} mode={mode} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ClaimActions({
  claim: c,
  onChanged,
  mode,
}: {
  claim: Claim;
  onChanged: (text: string) => void;
  mode: 'mine' | 'approval';
}) {
  const { t } = useI18n();
  const [invalid, setInvalid] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<'return' | 'resubmit' | null>(null);
  const approve = $api.useMutation('post', '/compensation/claims/{id}/approve', refetchArea);
  const withdraw = $api.useMutation('post', '/compensation/claims/{id}/withdraw', refetchArea);
  const sendBack = $api.useMutation('post', '/compensation/claims/{id}/return', refetchArea);
  const resubmit = $api.useMutation('post', '/compensation/claims/{id}/resubmit', refetchArea);
  const mutations = [approve, withdraw, sendBack, resubmit];
  const busy = mutations.some((m) => m.isPending);
  const failed = mutations.find((m) => m.error)?.error;
  const error = invalid ?? (failed ? asApiError(failed) : null);
  const returnForm = useForm<{ comment: string }>({
    resolver: schemaResolver(DecideBody, (v) => ({ version: c.version, comment: v.comment })),
    defaultValues: { comment: '' },
  });
  const resubmitForm = useForm<{ distanceKm: string; travelCostsOre: string }>({
    defaultValues: {
      distanceKm: String(c.distanceKm),
      travelCostsOre: String(c.amounts.travelCostsOre / 100).replace('.', ','),
    },
  });
  const who = `${c.personName} ${c.date}`;
  const path = { params: { path: { id: c.id } } };

  const may = (action: ClaimAction) => c.allowedActions.includes(action);
  async function act(send: () => Promise<unknown>, done: string) {
    setInvalid(null);
    for (const m of mutations) m.reset();
    try {
      await send();
      onChanged(done);
    } catch {
      // the mutation's error is shown above the buttons
    }
  }

  const submitReturn = returnForm.handleSubmit(({ comment }) =>
    act(() => sendBack.mutateAsync({ ...path, body: { version: c.version, comment } }), t('compensation.done.returned', { who })),
  );
  const submitResubmit = resubmitForm.handleSubmit((v) => {
    const travelCostsOre = parseKronor(v.travelCostsOre);
    const distanceKm = /^\d{1,5}$/.test(v.distanceKm.trim()) ? Number(v.distanceKm.trim()) : undefined;
    const body = { version: c.version, distanceKm: distanceKm ?? -1, travelCostsOre: travelCostsOre ?? -1 };
    if (travelCostsOre === undefined || distanceKm === undefined || bodyErrors(ResubmitBody, body).length) {
      setInvalid(new ApiError({ status: 422, title: t('compensation.error.amount'), detail: t('compensation.error.amount') }));
      return;
    }
    return act(() => resubmit.mutateAsync({ ...path, body }), t('compensation.done.resubmitted'));
  });
  const comment = returnForm.watch('comment');

  return (
    <div className="actions">
      {error && <ErrorAlert error={error} />}
      {may('approve') && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(
              () => approve.mutateAsync({ ...path, body: { version: c.version } }),
              t('compensation.done.approved', { who }),
            )
          }
        >
          {t('compensation.action.approveFor', { who })}
        </button>
      )}
      {may('return') && (
        <>
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={() => setOpen(open === 'return' ? null : 'return')}
          >
            {t('compensation.action.returnFor', { who })}
          </button>
        </>
      )}
      {may('resubmit') && (
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => setOpen(open === 'resubmit' ? null : 'resubmit')}
        >
          {t('compensation.action.correct')}
        </button>
      )}
      {may('withdraw') && mode !== 'approval' && (
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() =>
            void act(() => withdraw.mutateAsync({ ...path, body: { version: c.version } }), t('compensation.done.withdrawn'))
          }
        >
          {t('compensation.action.withdraw')}
        </button>
      )}
      {open === 'return' && (
        <form className="form" onSubmit={(e) => void submitReturn(e)} aria-label={t('compensation.action.returnFor', { who })}>
          <FormTextAreaField
            control={returnForm.control}
            name="comment"
            id={`return-${c.id}`}
            label={t('compensation.returnComment')}
            rows={2}
            required
          />
          <button type="submit" disabled={busy || !comment.trim()}>
            {t('compensation.action.sendBack')}
          </button>
        </form>
      )}
      {open === 'resubmit' && (
        <form className="form" onSubmit={(e) => void submitResubmit(e)} aria-label={t('compensation.action.correct')}>
          <FormTextField
            control={resubmitForm.control}
            name="distanceKm"
            id={`km-${c.id}`}
            label={t('compensation.new.km')}
            inputMode="numeric"
          />
          <FormTextField
            control={resubmitForm.control}
            name="travelCostsOre"
            id={`costs-${c.id}`}
            label={t('compensation.new.costs')}
            inputMode="decimal"
          />
          <button type="submit" disabled={busy}>
            {t('compensation.action.resubmit')}
          </button>
        </form>
      )}
    </div>
  );
}
