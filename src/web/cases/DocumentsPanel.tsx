/**
 * Handlingar: the case's documents with their registration (direction, handlingstyp, date, sender
 * or recipient), size, who uploaded them and their checksum; upload with a SHA-256 the server checks.
 */
import { useRef, useState, type FormEvent } from 'react';
import { asApiError } from '../api';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { TableScroll } from '../components/TableScroll';
import { DOCUMENT_DIRECTIONS as DIRECTIONS, DOCUMENT_TYPES } from '../../modules/cases/rules/diarium';
import { useI18n } from '../i18n';
import type { Say } from './CasePage';
import { documentHref, formatBytes, uploadCaseDocument, type CaseDetail } from './cases';

type Direction = (typeof DIRECTIONS)[number];
type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The message the server gave for one field of the upload, if any. */
const fieldErrorOf = (error: unknown, path: string): string | undefined =>
  error === null ? undefined : asApiError(error).errors.find((e) => e.path === path)?.message;

export function DocumentsPanel({ c, onDone }: { c: CaseDetail; onDone: Say }) {
  const i18n = useI18n();
  const { t, formatDate, formatDateTime } = i18n;
  const docs = $api.useQuery('get', '/cases/{id}/documents', { params: { path: { id: c.id } } });
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [documentType, setDocumentType] = useState('');
  const [direction, setDirection] = useState<Direction>('upprattad');
  const [counterpart, setCounterpart] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const counterpartError = fieldErrorOf(error, 'counterpart');
  const dateError = fieldErrorOf(error, 'documentDate');
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
      const d = await uploadCaseDocument(c.id, file, {
        direction,
        ...(documentType ? { documentType: documentType as DocumentType } : {}),
        ...(direction !== 'upprattad' && counterpart.trim() ? { counterpart: counterpart.trim() } : {}),
        ...(documentDate ? { documentDate } : {}),
      });
      if (fileRef.current) fileRef.current.value = '';
      setCounterpart('');
      setDocumentDate('');
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
                <th scope="col">{t('cases.docs.registration')}</th>
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
                  <td>
                    {t(`cases.docs.direction.${d.direction}`)}
                    {d.documentType && <>, {t(`cases.docs.type.${d.documentType}`)}</>}
                    {d.documentDate && <>, {formatDate(d.documentDate)}</>}
                    {d.counterpart && (
                      <span className="stat-note">
                        {t(d.direction === 'inkommande' ? 'cases.docs.sender' : 'cases.docs.recipient')}: {d.counterpart}
                      </span>
                    )}
                  </td>
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
          <SelectField
            id="doc-direction"
            label={t('cases.docs.direction')}
            value={direction}
            onChange={(v) => setDirection(v as Direction)}
            options={DIRECTIONS.map((d) => ({ value: d, label: t(`cases.docs.direction.${d}`) }))}
          />
          {direction !== 'upprattad' && (
            <TextField
              id="doc-counterpart"
              label={t(direction === 'inkommande' ? 'cases.docs.sender' : 'cases.docs.recipient')}
              value={counterpart}
              onChange={setCounterpart}
              error={counterpartError}
              autoComplete="off"
            />
          )}
          <SelectField
            id="doc-type"
            label={t('cases.docs.type')}
            value={documentType}
            onChange={setDocumentType}
            options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`cases.docs.type.${d}`) }))}
            placeholder={t('cases.docs.chooseType')}
          />
          <TextField
            id="doc-date"
            type="date"
            label={t('cases.docs.date')}
            hint={t('cases.docs.date.hint')}
            value={documentDate}
            onChange={setDocumentDate}
            error={dateError}
          />
          <button type="submit" disabled={busy}>
            {t('cases.docs.upload')}
          </button>
        </form>
      )}
    </section>
  );
}
