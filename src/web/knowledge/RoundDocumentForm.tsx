/**
 * Adds a document to a round: a link, or a small file (≤ 512 kB) sent as base64 and kept in
 * the database with its checksum. The form is checked by the route's schema before sending:
 * a link by LinkDocument, a file by UploadDocument (its content is read when the form is sent).
 */
import { useForm, type Resolver } from 'react-hook-form';
import { Type } from 'typebox';
import { LinkDocument, UploadDocument } from '../../modules/consultation/rounds/schemas';
import { $api, type ApiBody } from '../client';
import { SelectField } from '../components/Fields';
import { FormTextField } from '../components/FormFields';
import { bind, focusFirstError, withChecks } from '../components/form-fields';
import { schemaResolver } from '../forms';
import { SubmitError, useFormSubmit } from '../form-submit';
import { useI18n } from '../i18n';
import { DOC_KINDS, docLabel } from './knowledge';

type DocumentBody = ApiBody<'/consultation-rounds/{id}/documents', 'post'>;
type DocKind = DocumentBody['kind'];

interface Values {
  kind: string;
  title: string;
  url: string;
  file: File | null;
}

const MAX_BYTES = 512 * 1024;
const FileFields = Type.Omit(UploadDocument, ['contentBase64']);

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function RoundDocumentForm({ roundId, label, onDone }: { roundId: string; label: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = `doc-${roundId}`;
  const heading = (v: Values) => v.title.trim() || docLabel(i18n, v.kind);
  const fileFields = (v: Values, file: File) => ({
    kind: v.kind as DocKind,
    title: heading(v),
    fileName: file.name,
    mediaType: file.type || 'application/octet-stream',
  });
  const linkBody = (v: Values): DocumentBody => ({ kind: v.kind as DocKind, title: heading(v), url: v.url.trim() });
  const byKind: Resolver<Values> = (values, context, options) =>
    values.file
      ? schemaResolver(FileFields, (v: Values) => fileFields(v, values.file!))(values, context, options)
      : schemaResolver(LinkDocument, linkBody)(values, context, options);
  const form = useForm<Values>({
    resolver: withChecks(byKind, (v) => ({ file: !!v.file && v.file.size > MAX_BYTES && t('knowledge.doc.tooLarge') })),
    defaultValues: { kind: 'missiv', title: '', url: '', file: null },
    shouldFocusError: false,
  });
  const add = $api.useMutation('post', '/consultation-rounds/{id}/documents', { onSuccess: onDone });
  const submit = useFormSubmit(
    form,
    async (v) => {
      const body: DocumentBody = v.file
        ? { ...fileFields(v, v.file), contentBase64: toBase64(await v.file.arrayBuffer()) }
        : linkBody(v);
      await add.mutateAsync({ params: { path: { id: roundId } }, body });
      form.reset({ kind: v.kind, title: '', url: '', file: null });
    },
    focusFirstError({ kind: `${id}-kind`, title: `${id}-title`, url: `${id}-url`, file: `${id}-file` }),
  );
  const file = form.watch('file');
  const fileError = form.formState.errors.file?.message;

  return (
    <details className="panel">
      <summary>{t('knowledge.doc.add', { round: label })}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <SubmitError error={add.error} />
        <SelectField id={`${id}-kind`} label={t('knowledge.doc.kind')} {...bind(form, 'kind')}>
          {[...DOC_KINDS, 'ovrigt'].map((k) => (
            <option key={k} value={k}>
              {docLabel(i18n, k)}
            </option>
          ))}
        </SelectField>
        <FormTextField control={form.control} name="title" id={`${id}-title`} label={t('knowledge.doc.title')} />
        <FormTextField
          control={form.control}
          name="url"
          id={`${id}-url`}
          inputMode="url"
          label={t('knowledge.doc.url')}
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
            onChange={(e) => form.setValue('file', e.target.files?.[0] ?? null, { shouldDirty: true })}
          />
        </div>
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('knowledge.doc.submit')}
        </button>
      </form>
    </details>
  );
}
