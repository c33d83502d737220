import type { Source } from '../api';
import { useI18n } from '../i18n';

/** Server statuses may come as snake_case or kebab-case; the catalogue uses snake_case. */
export function statusKey(status: string | null | undefined): string {
  return (status ?? 'unknown').trim().toLowerCase().replace(/-/g, '_');
}

const TONE: Record<string, string> = {
  confirmed: 'ok',
  confirmed_name_only: 'ok',
  confirmed_2021: 'ok',
  partly_confirmed: 'partial',
  historical: 'old',
  seed_only: 'weak',
  seed_002: 'weak',
  uncertain: 'weak',
  related_not_counted: 'old',
  unknown: 'none',
};

export function FactStatus({ status }: { status: string | null | undefined }) {
  const { tMaybe } = useI18n();
  const key = statusKey(status);
  return <span className={`badge badge-${TONE[key] ?? 'none'}`}>{tMaybe(`fact.${key}`) ?? status ?? ''}</span>;
}

/** The reference data often repeats the URL at the end of the description. */
function sourceText(s: Source): string {
  let d = (s.description ?? '').trim();
  if (s.url && d.endsWith(s.url)) d = d.slice(0, -s.url.length).replace(/[\s—–-]+$/, '');
  return d && d !== s.id ? `${s.id}: ${d}` : s.id;
}

/** Sources behind a fact, folded away so the table stays readable. */
export function Sources({ sources, basis, open }: { sources: Source[]; basis?: string | null; open?: boolean }) {
  const { t } = useI18n();
  if (sources.length === 0 && !basis) return <span className="muted">{t('fact.noSources')}</span>;
  return (
    <details className="sources" open={open}>
      <summary>{sources.length > 0 ? t('fact.sourcesSummary', { count: sources.length }) : t('fact.basisOnly')}</summary>
      {basis && (
        <p className="basis">
          <span className="basis-label">{t('fact.basis')}</span> <span lang="en">{basis}</span>
        </p>
      )}
      {sources.length > 0 && (
        <ul>
          {sources.map((s) => (
            <li key={s.id}>
              {s.url ? (
                <a href={s.url} rel="noopener noreferrer">
                  {sourceText(s)}
                </a>
              ) : (
                <span>{sourceText(s)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

export const LEGEND_STATUSES = ['confirmed', 'partly_confirmed', 'historical', 'seed_only', 'unknown'] as const;

export function FactLegend({ statuses }: { statuses: readonly string[] }) {
  const { t, tMaybe } = useI18n();
  return (
    <details className="legend">
      <summary>{t('fact.legendTitle')}</summary>
      <dl>
        {statuses.map((s) => (
          <div key={s}>
            <dt>
              <FactStatus status={s} />
            </dt>
            <dd>{tMaybe(`fact.${s}.help`) ?? ''}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
