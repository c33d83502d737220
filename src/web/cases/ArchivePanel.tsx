/** E-arkiv: a closed case's FGS package (METS, ERMS, PREMIS and the documents) for those who archive in the region. */
import { apiHref } from '../api';
import { useT } from '../i18n';
import type { CaseDetail } from './cases';

export function ArchivePanel({ c }: { c: CaseDetail }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t('cases.archive.title')}</h2>
      <p>{t('cases.archive.lead')}</p>
      {c.secret && <p>{t('cases.archive.secret')}</p>}
      <p>
        <a className="button" href={apiHref('/cases/{id}/archive-package', { path: { id: c.id } })} download>
          {t('cases.archive.download')}
        </a>
      </p>
    </section>
  );
}
