/**
 * A knowledge support's page: facts, lifecycle, versions with their consequence descriptions,
 * recommendations (national guidelines), consultation rounds (the answers area links the
 * regions' answers from each round), and regional additions / local routines. Each part is a
 * panel; what the caller may do comes from the answer's allowedActions and permissions.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { $api } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { loadProgramAreas } from '../organisation/reference';
import { knowledgeCrumbs, STATUS_BADGE, statusLabel, typeLabel } from './knowledge';
import { LocalAdditionsPanel } from './LocalAdditionsPanel';
import { RecommendationsPanel } from './RecommendationsPanel';
import { SupportFactsPanel } from './SupportFactsPanel';
import { SupportRoundsPanel } from './SupportRoundsPanel';
import { VersionsPanel } from './VersionsPanel';

export function SupportPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const detail = $api.useQuery('get', '/knowledge-supports/{id}', { params: { path: { id } } });
  const areas = useQuery({ queryKey: ['program-areas'], queryFn: () => loadProgramAreas() });
  const [saved, setSaved] = useState(0);
  const onDone = () => setSaved((n) => n + 1);
  const crumbs = knowledgeCrumbs(i18n);
  if (!detail.data) {
    return (
      <Page title={t('knowledge.title')} crumbs={crumbs}>
        {detail.error ? <ErrorAlert error={detail.error} /> : <Loading />}
      </Page>
    );
  }
  const d = detail.data;
  const s = d.support;
  const areaName = (a: string) => areas.data?.find((x) => x.id === a)?.name ?? a;
  return (
    <Page
      title={s.title}
      crumbs={crumbs}
      lead={
        <p>
          <span className={`badge ${STATUS_BADGE[s.status] ?? ''}`}>{statusLabel(i18n, s.status)}</span> {typeLabel(i18n, s.type)}
          {s.isDemo && <span className="badge badge-demo">{t('knowledge.support.demo')}</span>}
        </p>
      }
    >
      {saved > 0 && (
        <Notice kind="success" live>
          <p>{t('knowledge.saved')}</p>
        </Notice>
      )}
      {detail.error && <ErrorAlert error={detail.error} />}
      <SupportFactsPanel support={s} replacedBy={d.replacedBy} mayEdit={d.permissions.edit} areaName={areaName} onDone={onDone} />
      <VersionsPanel support={s} versions={d.versions} onDone={onDone} />
      <RecommendationsPanel support={s} recommendations={d.recommendations} mayEdit={d.permissions.edit} onDone={onDone} />
      <SupportRoundsPanel rounds={d.rounds} mayAddDocuments={d.permissions.createRound} onDone={onDone} />
      <LocalAdditionsPanel supportId={s.id} additions={d.localAdditions} owners={d.permissions.localOwners} onDone={onDone} />
    </Page>
  );
}
