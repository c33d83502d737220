import { useI18n } from '../i18n';
import { trackLabel, type SupportDetail } from './knowledge';
import { RoundDocumentForm } from './RoundDocumentForm';
import { RoundsTable } from './RoundsTable';
import { InvitationsPanel } from './InvitationsPanel';
import { TrackSteps } from '../consultations/TrackSteps';
import { refreshSupports } from './support-mutations';

/** The support's consultation rounds; the answers area (src/web/consultations) shows each round's answers. */
export function SupportRoundsPanel({
  rounds,
  mayAddDocuments,
  onDone,
}: {
  rounds: SupportDetail['rounds'];
  mayAddDocuments: boolean;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="rounds-heading" id="remissomgangar">
      <h2 id="rounds-heading">{t('knowledge.rounds.heading')}</h2>
      {rounds.length === 0 ? (
        <p>{t('knowledge.rounds.none')}</p>
      ) : (
        <RoundsTable rounds={rounds} id="support-rounds" caption={t('knowledge.rounds.caption')} showSupport={false} />
      )}
      {rounds
        .filter((r) => !r.cancelReason)
        .map((r) => (
          <TrackSteps key={`steps-${r.id}`} roundId={r.id} />
        ))}
      {mayAddDocuments &&
        rounds
          .filter((r) => !r.cancelReason && r.track === 'oppen-remiss')
          .map((r) => <InvitationsPanel key={`inv-${r.id}`} roundId={r.id} title={r.title} />)}
      {mayAddDocuments &&
        rounds
          // A cancelled round takes no more documents (the rounds' own allowedActions will say so).
          .filter((r) => !r.cancelReason)
          .map((r) => (
            <RoundDocumentForm
              key={r.id}
              roundId={r.id}
              label={`${trackLabel(i18n, r.track)}, version ${r.versionLabel}`}
              onDone={() => void refreshSupports().then(onDone)}
            />
          ))}
    </section>
  );
}
