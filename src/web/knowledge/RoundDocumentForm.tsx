/**
 * Adds a document to a round: a link, or a small file (≤ 512 kB) sent as base64 and kept in
 * the database with its checksum.
 */
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api';
import { call, client, type ApiBody } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { useI18n } from '../i18n';
import { asApiError } from '../people/people';
import { DOC_KINDS, docLabel } from './knowledge';

type DocumentBody = ApiBody<'/consultation-rounds/{id}/documents', 'post'>;

const MAX_BYTES = 512 * 1024;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function RoundDocumentForm({ roundId, label, onDone }: { roundId: string; label: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [kind, setKind] = useState<string>('missiv');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const id = `doc-${roundId}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setFileError(undefined);
    if (file && file.size > MAX_BYTES) {
      setFileError(t('knowledge.doc.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      const heading = title.trim() || docLabel(i18n, kind);
      const docKind = kind as DocumentBody['kind'];
      const body: DocumentBody = file
        ? {
            kind: docKind,
            title: heading,
            fileName: file.name,
            mediaType: file.type || 'application/octet-stream',
            contentBase64: toBase64(await file.arrayBuffer()),
          }
        : { kind: docKind, title: heading, url: url.trim() };
      await call(client.POST('/consultation-rounds/{id}/documents', { params: { path: { id: roundId } }, body }));
      setTitle('');
      setUrl('');
      setFile(null);
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="panel">
      <summary>{t('knowledge.doc.add', { round: label })}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error && <ErrorAlert error={error} />}
        <SelectField id={`${id}-kind`} label={t('knowledge.doc.kind')} value={kind} onChange={setKind}>
          {[...DOC_KINDS, 'ovrigt'].map((k) => (
            <option key={k} value={k}>
              {docLabel(i18n, k)}
            </option>
          ))}
        </SelectField>
        <TextField id={`${id}-title`} label={t('knowledge.doc.title')} value={title} onChange={setTitle} />
        <TextField
          id={`${id}-url`}
          inputMode="url"
          label={t('knowledge.doc.url')}
          value={url}
          onChange={setUrl}
          disabled={Boolean(file)}
        />
        <div className={`field${fileError ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-file`}>{t('knowledge.doc.file')}</label>
          <p className="hint" id={`${id}-file-hint`}>
            {t('knowledge.doc.file.hint')}
          </p>
          {fileError && (
            <p className="field-error" id={`${id}-file-error`}>
              {fileError}
            </p>
          )}
          <input
            id={`${id}-file`}
            type="file"
            accept=".pdf,.docx,.xlsx,.odt,.txt"
            aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t('knowledge.doc.submit')}
        </button>
      </form>
    </details>
  );
}
