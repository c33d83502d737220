/** Remissomgångar: planned and open national rounds with deadlines (or the closed ones). */
import { $api } from '../client';
import { Link, useLocation } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { KnowledgeNav } from './KnowledgeNav';
import { knowledgeCrumbs, ROUNDS_PATH } from './knowledge';
import { RoundsTable } from './RoundsTable';

export function RoundsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { search } = useLocation();
  const closed = search.get('visa') === 'stangda';
  const rounds = $api.useQuery('get', '/consultation-rounds', {
    params: { query: { phase: closed ? 'stangd' : 'aktuell', limit: 200 } },
  });
  return (
    <Page title={t('knowledge.rounds.openTitle')} crumbs={knowledgeCrumbs(i18n)} lead={<p>{t('knowledge.rounds.openLead')}</p>}>
      <KnowledgeNav />
      <p>
        <Link to={closed ? ROUNDS_PATH : `${ROUNDS_PATH}?visa=stangda`}>
          {closed ? t('knowledge.rounds.showCurrent') : t('knowledge.rounds.showClosed')}
        </Link>
      </p>
      {rounds.error && <ErrorAlert error={rounds.error} />}
      {rounds.isPending && <Loading />}
      {rounds.data && rounds.data.items.length === 0 && <p>{t('knowledge.rounds.none')}</p>}
      {rounds.data && rounds.data.items.length > 0 && (
        <RoundsTable rounds={rounds.data.items} id="rounds" caption={t('knowledge.rounds.caption')} showSupport />
      )}
    </Page>
  );
}
