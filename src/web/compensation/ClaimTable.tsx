/**
 * Claims as a table with the actions the server offers the caller (each claim's allowedActions,
 * from its lifecycle and the caller's policy): approve or return (approvers), resubmit a
 * returned claim or withdraw it (claimant).
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { call, client } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { TextAreaField, TextField } from '../components/Fields';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { asApiError } from '../people/people';
import { kronor, parseKronor, STATUS_BADGE, statusLabel, timeText, type Claim, type ClaimAction } from './compensation';

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
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<'return' | 'resubmit' | null>(null);
  const [comment, setComment] = useState('');
  const [km, setKm] = useState(String(c.distanceKm));
  const [costs, setCosts] = useState(String(c.amounts.travelCostsOre / 100).replace('.', ','));
  const [busy, setBusy] = useState(false);
  const who = `${c.personName} ${c.date}`;

  const may = (action: ClaimAction) => c.allowedActions.includes(action);
  async function act(send: (path: { params: { path: { id: string } } }) => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    try {
      await send({ params: { path: { id: c.id } } });
      onChanged(done);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const submitReturn = (e: FormEvent) => {
    e.preventDefault();
    void act(
      (p) => call(client.POST('/compensation/claims/{id}/return', { ...p, body: { version: c.version, comment } })),
      t('compensation.done.returned', { who }),
    );
  };
  const submitResubmit = (e: FormEvent) => {
    e.preventDefault();
    const travelCostsOre = parseKronor(costs);
    const distanceKm = /^\d{1,5}$/.test(km.trim()) ? Number(km.trim()) : undefined;
    if (travelCostsOre === undefined || distanceKm === undefined) {
      setError(new ApiError({ status: 422, title: t('compensation.error.amount'), detail: t('compensation.error.amount') }));
      return;
    }
    void act(
      (p) =>
        call(
          client.POST('/compensation/claims/{id}/resubmit', { ...p, body: { version: c.version, distanceKm, travelCostsOre } }),
        ),
      t('compensation.done.resubmitted'),
    );
  };

  return (
    <div className="actions">
      {error && <ErrorAlert error={error} />}
      {may('approve') && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(
              (p) => call(client.POST('/compensation/claims/{id}/approve', { ...p, body: { version: c.version } })),
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
            void act(
              (p) => call(client.POST('/compensation/claims/{id}/withdraw', { ...p, body: { version: c.version } })),
              t('compensation.done.withdrawn'),
            )
          }
        >
          {t('compensation.action.withdraw')}
        </button>
      )}
      {open === 'return' && (
        <form className="form" onSubmit={submitReturn} aria-label={t('compensation.action.returnFor', { who })}>
          <TextAreaField
            id={`return-${c.id}`}
            label={t('compensation.returnComment')}
            value={comment}
            onChange={setComment}
            rows={2}
            required
          />
          <button type="submit" disabled={busy || !comment.trim()}>
            {t('compensation.action.sendBack')}
          </button>
        </form>
      )}
      {open === 'resubmit' && (
        <form className="form" onSubmit={submitResubmit} aria-label={t('compensation.action.correct')}>
          <TextField id={`km-${c.id}`} label={t('compensation.new.km')} value={km} onChange={setKm} inputMode="numeric" />
          <TextField
            id={`costs-${c.id}`}
            label={t('compensation.new.costs')}
            value={costs}
            onChange={setCosts}
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
