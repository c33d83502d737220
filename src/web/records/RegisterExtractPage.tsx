/**
 * Registerutdrag och anonymisering for one person: the extract to download (JSON and Word),
 * and — for administrators and the coordinators of the person's register — anonymisation,
 * with what is kept and why explained before anyone confirms.
 */
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { AnonymiseBody } from '../../modules/records/schemas';
import { apiHref } from '../api';
import { $api, invalidate, type ApiResponse } from '../client';
import { schemaResolver } from '../forms';
import { SubmitError, useFormSubmit } from '../form-submit';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Checkbox } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { personHref } from '../people/people';

type Preview = ApiResponse<'/people/{id}/anonymisation'>;

function useCrumbs(id: string, name?: string) {
  const t = useT();
  return [
    { to: '/', label: t('nav.start') },
    { to: '/personer-och-uppdrag', label: t('area.people') },
    { to: personHref(id), label: name ?? t('person.one') },
  ];
}

export function RegisterExtractPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RequireUser title={t('records.title')} crumbs={useCrumbs(id)}>
      <RegisterExtract id={id} />
    </RequireUser>
  );
}

function RegisterExtract({ id }: { id: string }) {
  const t = useT();
  const params = { params: { path: { id } } };
  const person = $api.useQuery('get', '/people/{id}', params);
  // only those who may anonymise get the preview; for anyone else the section is simply absent
  const preview = $api.useQuery('get', '/people/{id}/anonymisation', params);
  const [done, setDone] = useState<string | null>(null);
  const name = person.data?.name;
  return (
    <Page
      title={name ? t('records.titleFor', { name }) : t('records.title')}
      crumbs={useCrumbs(id, name)}
      lead={<p>{t('records.lead')}</p>}
    >
      {person.error && <ErrorAlert error={person.error} />}
      {person.isPending && <Loading />}
      {person.data && (
        <>
          <h2>{t('records.extract.title')}</h2>
          <p>{t('records.extract.lead')}</p>
          <p className="button-row">
            <a className="button" href={apiHref('/people/{id}/register-extract.docx', { path: { id } })} download>
              {t('records.extract.docx')}
            </a>
            <a
              className="button button-secondary"
              href={apiHref('/people/{id}/register-extract', { path: { id } })}
              download={`registerutdrag-${id.slice(0, 8)}.json`}
            >
              {t('records.extract.json')}
            </a>
          </p>
          {done && (
            <Notice kind="success" live>
              <p>{done}</p>
            </Notice>
          )}
          {preview.data && !done && (
            <Anonymise
              preview={preview.data}
              onDone={(pseudonym) => {
                setDone(t('records.anonymise.done', { pseudonym }));
                void invalidate('/people/');
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}

function Anonymise({ preview, onDone }: { preview: Preview; onDone: (pseudonym: string) => void }) {
  const t = useT();
  const captionId = useId();
  const { lang } = useI18n();
  const toBody = (v: { confirm: boolean }) => ({ version: preview.version, confirm: v.confirm });
  const form = useForm<{ confirm: boolean }>({
    resolver: schemaResolver(AnonymiseBody, toBody, lang),
    defaultValues: { confirm: false },
  });
  const anonymise = $api.useMutation('post', '/people/{id}/anonymise');
  // the resolver has checked `confirm: true` against the schema before this runs
  const submit = useFormSubmit(form, async () => {
    await anonymise.mutateAsync({
      params: { path: { id: preview.personId } },
      body: { version: preview.version, confirm: true },
    });
    onDone(preview.pseudonym);
  });
  const confirmed = form.watch('confirm');

  if (preview.anonymised)
    return (
      <>
        <h2>{t('records.anonymise.title')}</h2>
        <p>{t('records.anonymise.already')}</p>
      </>
    );
  return (
    <section aria-labelledby="anonymise-heading">
      <h2 id="anonymise-heading">{t('records.anonymise.title')}</h2>
      <p>{t('records.anonymise.lead', { pseudonym: preview.pseudonym })}</p>
      <p>{t('records.anonymise.why')}</p>
      <TableScroll labelledBy={captionId}>
        <table className="data-table">
          <caption id={captionId}>{t('records.anonymise.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records.col.record')}</th>
              <th scope="col" className="num">
                {t('records.col.count')}
              </th>
              <th scope="col">{t('records.col.happens')}</th>
              <th scope="col">{t('records.col.retention')}</th>
              <th scope="col">{t('records.col.basis')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.records.map((r) => (
              <tr key={r.recordType}>
                <th scope="row">{r.label}</th>
                <td className="num">{r.count ?? '–'}</td>
                <td>{t(`records.on.${r.onAnonymisation}`)}</td>
                <td>{r.retention}</td>
                <td>{r.legalBasis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>{t('records.anonymise.user')}</p>
      {preview.blockers.length > 0 ? (
        <Notice kind="warning">
          <p>{t('records.anonymise.blocked')}</p>
          <ul>
            {preview.blockers.map((b) => (
              <li key={b.id}>{b.text}</li>
            ))}
          </ul>
        </Notice>
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <SubmitError error={anonymise.error} />
          <Checkbox
            id="anonymise-confirm"
            label={t('records.anonymise.confirm')}
            checked={confirmed}
            onChange={(checked) => form.setValue('confirm', checked, { shouldDirty: true })}
          />
          <button type="submit" className="button-danger" disabled={!confirmed || form.formState.isSubmitting}>
            {t('records.anonymise.submit', { name: preview.name })}
          </button>
        </form>
      )}
    </section>
  );
}
