/**
 * Ny remissomgång: shows the proposed track (from the version's consequence description) and
 * the next calendar window, lets an administrator choose another track or dates with a reason,
 * and registers the round. The proposal is asked again whenever the choice changes, so the
 * page always shows what the server will do.
 */
import { $api } from '../client';
import { useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { dimensionLabel, knowledgeCrumbs, ROUNDS_PATH, supportHref, trackLabel } from './knowledge';
import { NewRoundForm } from './NewRoundForm';

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
  const p = base.data;

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
      {p && isAdmin && <NewRoundForm versionId={versionId} proposal={p} />}
    </Page>
  );
}
