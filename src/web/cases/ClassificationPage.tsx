/**
 * The region's klassificeringsstruktur: its entries in code order, for those who read the
 * region's cases; those who keep it (`canManage`, from the server) add entries, rename them and
 * make them (in)active. Entries are never deleted: classified cases keep theirs.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ClassificationBody } from '../../modules/cases/classification-schemas';
import { useLocation } from '../app/router';
import { $api, invalidate, type Schema } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Checkbox, TextField } from '../components/Fields';
import { bind } from '../components/form-fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n, useT } from '../i18n';
import { RegionChooser, useRegionChoice } from '../organisation/RegionChooser';
import { CASES_PATH, CLASSIFICATION_PATH } from './cases';
import { CasesNav } from './CasesNav';

type Entry = Schema<'CaseClassification'>;
const refresh = { onSuccess: () => invalidate('/case-classifications') };

export function ClassificationPage() {
  const t = useT();
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: CASES_PATH, label: t('area.cases') },
  ];
  return (
    <RequireUser title={t('cases.classification.title')} crumbs={crumbs}>
      <Page title={t('cases.classification.title')} crumbs={crumbs} lead={<p>{t('cases.classification.lead')}</p>}>
        <CasesNav />
        <ClassificationView />
      </Page>
    </RequireUser>
  );
}

function ClassificationView() {
  const { t } = useI18n();
  const { search } = useLocation();
  const region = search.get('region') ?? '';
  const [showInactive, setShowInactive] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const choice = useRegionChoice(CLASSIFICATION_PATH, region);
  const list = $api.useQuery(
    'get',
    '/case-classifications',
    { params: { query: { region, includeInactive: showInactive } } },
    { enabled: !!region },
  );
  const regionName = choice.name;
  const items = list.data?.items ?? [];

  return (
    <>
      <RegionChooser
        id="classification-region"
        path={CLASSIFICATION_PATH}
        region={region}
        label={t('cases.classification.title')}
        regions={choice.regions}
      />
      {!region && <p>{t('cases.classification.chooseRegion')}</p>}
      {message && (
        <div className="alert alert-success" role="status">
          <p>{message}</p>
        </div>
      )}
      {list.error && <ErrorAlert error={list.error} />}
      {list.isLoading && <Loading />}
      {list.data && (
        <>
          <Checkbox
            id="classification-inactive"
            label={t('cases.classification.showInactive')}
            checked={showInactive}
            onChange={setShowInactive}
          />
          {items.length === 0 ? (
            <p>{t('cases.classification.none')}</p>
          ) : (
            <TableScroll labelledBy="classification-caption">
              <table>
                <caption id="classification-caption">{t('cases.classification.caption', { region: regionName })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.classification.code')}</th>
                    <th scope="col">{t('cases.classification.name')}</th>
                    <th scope="col">{t('cases.classification.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <EntryRow key={e.id} e={e} canManage={list.data.canManage} onDone={setMessage} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {list.data.canManage ? (
            <AddEntryForm region={region} onDone={setMessage} />
          ) : (
            <p className="hint">{t('cases.classification.readOnly')}</p>
          )}
        </>
      )}
    </>
  );
}

function EntryRow({ e, canManage, onDone }: { e: Entry; canManage: boolean; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(e.title);
  const [error, setError] = useState<unknown>(null);
  const save = $api.useMutation('patch', '/case-classifications/{id}', refresh);
  const depth = e.code.split('.').length - 1;
  async function change(body: { title?: string; active?: boolean }) {
    setError(null);
    try {
      await save.mutateAsync({ params: { path: { id: e.id } }, body: { version: e.version, ...body } });
      onDone(t('cases.classification.saved', { code: e.code }));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <tr>
      <th scope="row" className="nowrap mono" style={{ paddingLeft: `${depth}em` }}>
        {e.code}
      </th>
      <td>
        {error !== null && <ErrorAlert error={error} />}
        {canManage ? (
          <form
            className="inline-form"
            onSubmit={(ev) => {
              ev.preventDefault();
              void change({ title });
            }}
          >
            <TextField
              id={`classification-title-${e.id}`}
              label={t('cases.classification.rename', { code: e.code })}
              value={title}
              onChange={setTitle}
              autoComplete="off"
            />
            <button type="submit" className="button-secondary button-small" disabled={save.isPending || title.trim() === e.title}>
              {t('cases.classification.rename', { code: e.code })}
            </button>
          </form>
        ) : (
          e.title
        )}
      </td>
      <td>
        {e.active ? t('cases.classification.active') : t('cases.classification.inactive')}
        {canManage && (
          <button
            type="button"
            className="button-secondary button-small"
            disabled={save.isPending}
            onClick={() => void change({ active: !e.active })}
          >
            {t(e.active ? 'cases.classification.deactivate' : 'cases.classification.activate', { code: e.code })}
          </button>
        )}
      </td>
    </tr>
  );
}

interface AddValues {
  code: string;
  title: string;
}

function AddEntryForm({ region, onDone }: { region: string; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const toBody = (v: AddValues) => ({ region, code: v.code.trim(), title: v.title.trim() });
  const form = useForm<AddValues>({
    resolver: schemaResolver(ClassificationBody, toBody),
    defaultValues: { code: '', title: '' },
  });
  const [error, setError] = useState<unknown>(null);
  const add = $api.useMutation('post', '/case-classifications', refresh);
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      const row = await add.mutateAsync({ body: toBody(v) });
      form.reset();
      onDone(t('cases.classification.added', { code: row.code }));
    } catch (err) {
      applyServerErrors(err, form.setError);
      setError(err);
    }
  });
  return (
    <section className="panel" aria-labelledby="classification-add-heading">
      <h2 id="classification-add-heading">{t('cases.classification.add')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error !== null && <ErrorAlert error={error} />}
        <TextField
          id="classification-code"
          label={t('cases.classification.code')}
          hint={t('cases.classification.code.hint')}
          autoComplete="off"
          {...bind(form, 'code')}
        />
        <TextField id="classification-name" label={t('cases.classification.name')} autoComplete="off" {...bind(form, 'title')} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('cases.classification.add')}
        </button>
      </form>
    </section>
  );
}
