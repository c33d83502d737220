/** Handlingar: the case's documents with size, who uploaded them and their checksum; upload with a SHA-256 the server checks. */
import { useRef, useState, type FormEvent } from 'react';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import type { Say } from './CasePage';
import { documentHref, formatBytes, uploadCaseDocument, type CaseDetail } from './cases';

export function DocumentsPanel({ c, onDone }: { c: CaseDetail; onDone: Say }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const docs = $api.useQuery('get', '/cases/{id}/documents', { params: { path: { id: c.id } } });
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const items = docs.data?.items ?? [];

  async function upload(e: FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t('cases.docs.fileMissing'));
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setFileError(undefined);
    try {
      const d = await uploadCaseDocument(c.id, file);
      if (fileRef.current) fileRef.current.value = '';
      onDone(t('cases.docs.uploaded.ok', { name: d.fileName }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="docs-heading">
      <h2 id="docs-heading">{t('cases.docs.heading')}</h2>
      {c.secret && <p>{t('cases.docs.secretNote')}</p>}
      {docs.error && <ErrorAlert error={docs.error} />}
      {docs.data && items.length === 0 && <p>{t('cases.docs.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="docs-caption">
          <table>
            <caption id="docs-caption">{t('cases.docs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.docs.name')}</th>
                <th scope="col">{t('cases.docs.size')}</th>
                <th scope="col">{t('cases.docs.uploaded')}</th>
                <th scope="col">{t('cases.docs.checksum')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a
                      href={documentHref(d.id)}
                      download={d.fileName}
                      aria-label={t('cases.docs.download', { name: d.fileName })}
                    >
                      {d.fileName}
                    </a>
                  </th>
                  <td className="nowrap">{formatBytes(d.sizeBytes, i18n)}</td>
                  <td>
                    {formatDateTime(d.uploadedAt)}
                    <span className="stat-note">{d.uploadedBy}</span>
                  </td>
                  <td>
                    {d.sha256 ? (
                      <span className="id mono" title={d.sha256}>
                        {d.sha256.slice(0, 16)}…
                      </span>
                    ) : (
                      t('cases.docs.checksumHidden')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {c.canHandle && !c.locked && (
        <form className="form" onSubmit={(e) => void upload(e)} noValidate aria-label={t('cases.docs.upload')}>
          {error !== null && <ErrorAlert error={error} />}
          <div className={`field${fileError ? ' field-invalid' : ''}`}>
            <label htmlFor="doc-file">{t('cases.docs.file')}</label>
            <p className="hint" id="doc-file-hint">
              {t('cases.docs.file.hint')}
            </p>
            {fileError && (
              <p className="field-error" id="doc-file-error">
                {fileError}
              </p>
            )}
            <input
              id="doc-file"
              type="file"
              ref={fileRef}
              accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg,.txt,.csv"
              aria-describedby={`doc-file-hint${fileError ? ' doc-file-error' : ''}`}
              aria-invalid={fileError ? true : undefined}
            />
          </div>
          <button type="submit" disabled={busy}>
            {t('cases.docs.upload')}
          </button>
        </form>
      )}
    </section>
  );
}
