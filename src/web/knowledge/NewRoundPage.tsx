/**
 * Ny remissomgång: shows the proposed track (from the version's consequence description) and
 * the next calendar window, lets an administrator choose another track or dates with a reason,
 * and registers the round. The proposal is asked again whenever the choice changes, so the
 * page always shows what the server will do.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { $api, call, client, type ApiBody } from '../client';
import { navigate, useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Checkbox, SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { loadHealthcareRegions } from '../organisation/reference';
import { asApiError, serverFieldErrors, useFormSummary } from '../people/people';
import { dimensionLabel, DOC_KINDS, docLabel, knowledgeCrumbs, ROUNDS_PATH, supportHref, TRACKS, trackLabel } from './knowledge';

type Track = NonNullable<ApiBody<'/consultation-rounds', 'post'>['track']>;
type RoundRecipient = NonNullable<ApiBody<'/consultation-rounds', 'post'>['recipients']>[number];

export function NewRoundPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { search } = useLocation();
  const versionId = search.get('version') ?? '';
  const crumbs = [...knowledgeCrumbs(i18n), { to: ROUNDS_PATH, label: t('knowledge.link.rounds') }];
  if (!versionId) {
    return (
      <Page title={t('knowledge.newRound.title')} crumbs={crumbs}>
        <Notice>
          <p>{t('knowledge.newRound.chooseVersion')}</p>
        </Notice>
      </Page>
    );
  }
  return <NewRound versionId={versionId} crumbs={crumbs} />;
}

function NewRound({ versionId, crumbs }: { versionId: string; crumbs: { to: string; label: string }[] }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { isAdmin } = useSession();
  const base = $api.useQuery('get', '/consultation-rounds/proposal', { params: { query: { supportVersionId: versionId } } });
  const [track, setTrack] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [datesOverride, setDatesOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [title, setTitle] = useState('');
  const [sender, setSender] = useState('');
  const [docs, setDocs] = useState<Record<string, string>>({});
  const [recipients, setRecipients] = useState<'regions' | 'healthcare-regions'>('regions');
  const hrs = useAsync(() => loadHealthcareRegions(), []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();

  // Start from the proposal; when the track changes, move the dates to that track's next window.
  useEffect(() => {
    if (base.data && !track) {
      setTrack(base.data.proposedTrack);
      setOpensOn(base.data.proposedOpensOn);
      setClosesOn(base.data.proposedClosesOn);
    }
  }, [base.data, track]);
  const slot = $api.useQuery(
    'get',
    '/consultation-rounds/proposal',
    { params: { query: { supportVersionId: versionId, track: track as Track } } },
    { enabled: track !== '' },
  );
  function chooseTrack(next: string) {
    setTrack(next);
    setDatesOverride(false);
  }
  useEffect(() => {
    if (slot.data && !datesOverride) {
      setOpensOn(slot.data.opensOn);
      setClosesOn(slot.data.closesOn);
    }
  }, [slot.data, datesOverride]);

  const p = base.data;
  const offProposal = Boolean(p && (track !== p.proposedTrack || datesOverride));
  const label = (k: string) => i18n.tMaybe(`knowledge.newRound.${k}`) ?? k;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const documents = DOC_KINDS.filter((k) => docs[k]?.trim()).map((k) => ({
        kind: k,
        title: docLabel(i18n, k),
        url: docs[k]!.trim(),
      }));
      const created = await call(
        client.POST('/consultation-rounds', {
          body: {
            supportVersionId: versionId,
            track: track as Track,
            opensOn,
            closesOn,
            ...(datesOverride ? { datesOverride: true } : {}),
            ...(reason.trim() ? { overrideReason: reason.trim() } : {}),
            ...(title.trim() ? { title: title.trim() } : {}),
            ...(sender.trim() ? { sender: sender.trim() } : {}),
            ...(documents.length ? { documents } : {}),
            ...(recipients === 'healthcare-regions' && hrs.data
              ? { recipients: hrs.data.map((h): RoundRecipient => ({ type: 'healthcare-region', id: h.id })) }
              : {}),
          },
        }),
      );
      navigate(`${supportHref(created.supportId)}?omgang=${created.id}`);
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'round', label);
      setErrors(byField);
      summary.show(apiError, items);
    } finally {
      setBusy(false);
    }
  }

  const pageTitle = p ? `${t('knowledge.newRound.title')}: ${p.supportTitle}, ${p.versionLabel}` : t('knowledge.newRound.title');
  return (
    <Page
      title={pageTitle}
      crumbs={p ? [...crumbs, { to: supportHref(p.supportId), label: p.supportTitle }] : crumbs}
      lead={<p>{t('knowledge.newRound.lead')}</p>}
    >
      {base.error && <ErrorAlert error={base.error} />}
      {base.isPending && <Loading />}
      {p && (
        <section className="panel" aria-labelledby="proposal-heading">
          <h2 id="proposal-heading">{t('knowledge.newRound.proposal')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('knowledge.newRound.proposedTrack')}</dt>
              <dd data-testid="proposed-track">{trackLabel(i18n, p.proposedTrack)}</dd>
            </div>
            <div>
              <dt>{t('knowledge.newRound.proposedSlot')}</dt>
              <dd data-testid="proposed-slot">
                {t('knowledge.newRound.slot', { opens: formatDate(p.proposedOpensOn), closes: formatDate(p.proposedClosesOn) })}
              </dd>
            </div>
          </dl>
          <p>
            {p.because.length > 0
              ? t('knowledge.newRound.because', {
                  dimensions: p.because.map((d) => dimensionLabel(i18n, d).toLowerCase()).join(', '),
                })
              : t('knowledge.newRound.noSignificant')}
          </p>
        </section>
      )}
      {p && !isAdmin && (
        <Notice>
          <p>{t('knowledge.form.adminOnly')}</p>
        </Notice>
      )}
      {p && isAdmin && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {summary.summary && <FormErrorSummary {...summary.summary} />}
          <SelectField
            id="round-track"
            label={t('knowledge.newRound.track')}
            value={track}
            onChange={chooseTrack}
            error={errors.track}
          >
            {TRACKS.map((x) => (
              <option key={x} value={x}>
                {trackLabel(i18n, x)}
              </option>
            ))}
          </SelectField>
          <div className="filter-grid">
            <TextField
              id="round-opensOn"
              type="date"
              label={t('knowledge.newRound.opensOn')}
              value={opensOn}
              onChange={setOpensOn}
              error={errors.opensOn}
              readOnly={!datesOverride}
            />
            <TextField
              id="round-closesOn"
              type="date"
              label={t('knowledge.newRound.closesOn')}
              value={closesOn}
              onChange={setClosesOn}
              error={errors.closesOn}
              readOnly={!datesOverride}
            />
          </div>
          <Checkbox
            id="round-datesOverride"
            label={t('knowledge.newRound.datesOverride')}
            checked={datesOverride}
            onChange={setDatesOverride}
          />
          <p role="status" className={offProposal ? 'field-error' : 'muted'}>
            {offProposal ? t('knowledge.newRound.offProposal') : t('knowledge.newRound.usesProposal')}
          </p>
          <TextAreaField
            id="round-overrideReason"
            label={t('knowledge.newRound.overrideReason')}
            hint={t('knowledge.newRound.overrideReason.hint')}
            value={reason}
            onChange={setReason}
            error={errors.overrideReason}
            rows={2}
          />
          <TextField
            id="round-title"
            label={t('knowledge.newRound.title.field')}
            value={title}
            onChange={setTitle}
            error={errors.title}
            placeholder={`${p.supportTitle}, version ${p.versionLabel}`}
          />
          <TextField
            id="round-sender"
            label={t('knowledge.newRound.sender')}
            value={sender}
            onChange={setSender}
            error={errors.sender}
          />
          <fieldset className="field">
            <legend>{t('knowledge.newRound.docs')}</legend>
            {DOC_KINDS.map((k) => (
              <TextField
                key={k}
                id={`round-doc-${k}`}
                inputMode="url"
                label={docLabel(i18n, k)}
                value={docs[k] ?? ''}
                onChange={(v) => setDocs((d) => ({ ...d, [k]: v }))}
              />
            ))}
          </fieldset>
          <SelectField
            id="round-recipients"
            label={t('knowledge.newRound.recipients')}
            value={recipients}
            onChange={(v) => setRecipients(v === 'healthcare-regions' ? 'healthcare-regions' : 'regions')}
            error={errors.recipients}
          >
            <option value="regions">{t('knowledge.newRound.recipients.all')}</option>
            <option value="healthcare-regions">{t('knowledge.newRound.recipients.hr')}</option>
          </SelectField>
          <button type="submit" disabled={busy || !track}>
            {t('knowledge.newRound.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
