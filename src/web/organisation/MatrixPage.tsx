import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { CoverageBody } from '../../modules/organisation/schemas';
import type { Group, MirrorMatrix, MirrorState } from '../api';
import { $api, invalidate } from '../client';
import { Link, useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading, useErrorText } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { FormErrorSummary, type FormErrorItem } from '../components/FormErrors';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { bind, errorItems, withChecks } from '../components/form-fields';
import { useAsync } from '../components/useAsync';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { asApiError } from './formError';
import { bySwedishName, groupHref, loadGroups, mayEditOwner, structureHref, useGeo, type Geo } from './groups';
import { useOrgCrumbs } from './OrganisationPage';

/** "Sydöstra" for "Sydöstra sjukvårdsregionen", "Kalmar län" for "Region Kalmar län": the caption says which. */
function shortName(name: string): string {
  return name.replace(/^(Sjukvårdsregion|Region)\s+/, '').replace(/\s+sjukvårdsregionen$/, '');
}

const SYMBOL: Record<MirrorState, string> = { mirrored: '✓', unlinked: '!', covered: '◐', missing: '✗' };
const STATES: MirrorState[] = ['mirrored', 'unlinked', 'covered', 'missing'];

/**
 * Speglingsmatris: every national program area against the six healthcare regions, or against
 * the regions of one of them. Each cell says in text whether the area is mirrored by a
 * program-area group, deliberately covered by another group, or missing.
 */
export function MatrixPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const crumbs = useOrgCrumbs();
  const { user } = useSession();
  const { search } = useLocation();
  const hr = search.get('sjukvardsregion') ?? '';
  const geo = useGeo(t);
  const matrix = $api.useQuery('get', '/mirroring/matrix', { params: { query: hr ? { healthcareRegion: hr } : {} } });
  const groupList = useAsync(
    (signal) => loadGroups({ level: hr ? 'region' : 'healthcare-region', status: 'active' }, signal),
    [hr],
  );
  const hrName = hr && geo.data ? geo.data.ownerName(hr) : '';
  const title = hr ? t('matrix.titleFor', { name: hrName || hr }) : t('matrix.title');
  // the contract types a cell's state as a string; the server answers one of MirrorState
  const data = matrix.data && groupList.data ? (matrix.data as MirrorMatrix) : undefined;
  const groups = data ? groupList.data : undefined;
  const editable = data && geo.data ? data.columns.filter((c) => mayEditOwner(user, c.owner, geo.data!.regions)) : [];

  return (
    <Page title={title} crumbs={crumbs} lead={<p>{t('matrix.lead')}</p>}>
      {geo.data && (
        <nav aria-label={t('matrix.switchLabel')} className="switcher">
          <p className="switcher-label" aria-hidden="true">
            {t('matrix.switchLabel')}
          </p>
          <ul>
            <li>
              <Link to="/organisation/speglingsmatris" aria-current={hr ? undefined : 'page'}>
                {t('matrix.allHrs')}
              </Link>
            </li>
            {geo.data.hrs.map((h) => (
              <li key={h.id}>
                <Link
                  to={`/organisation/speglingsmatris?sjukvardsregion=${encodeURIComponent(h.id)}`}
                  aria-current={hr === h.id ? 'page' : undefined}
                >
                  {t('matrix.regionsOf', { name: h.name })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Legend />
      {(matrix.error ?? groupList.error) && <ErrorAlert error={matrix.error ?? groupList.error} />}
      {geo.error && <ErrorAlert error={geo.error} />}
      {(matrix.isPending || groupList.loading || geo.loading) && !(data && geo.data) && <Loading />}
      {data && groups && geo.data && (
        <>
          <Table data={data} groups={groups} caption={hr ? t('matrix.captionRegions', { name: hrName }) : t('matrix.caption')} />
          <Gaps data={data} />
          {editable.length > 0 && (
            <CoverageForm
              key={`${hr}-${data ? 'loaded' : ''}`}
              data={data}
              owners={editable}
              groups={groups}
              geo={geo.data}
              onSaved={() => void invalidate('/mirroring/matrix')}
            />
          )}
        </>
      )}
    </Page>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <dl className="matrix-legend">
      {STATES.map((s) => (
        <div key={s}>
          <dt>
            <span className={`cell-state cell-${s}`}>
              <span aria-hidden="true">{SYMBOL[s]}</span> {t(`matrix.state.${s}`)}
            </span>
          </dt>
          <dd>{t(`matrix.state.${s}.help`)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Table({ data, groups, caption }: { data: MirrorMatrix; groups: Group[]; caption: string }) {
  const { t } = useI18n();
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const counts = data.columns.map((_, i) => {
    const c = { mirrored: 0, unlinked: 0, covered: 0, missing: 0 };
    for (const row of data.rows) {
      const cell = row.cells[i];
      if (cell) c[cell.state] += 1;
    }
    return c;
  });
  return (
    <TableScroll labelledBy="matrix-caption">
      <table className="matrix mirror-matrix">
        <caption id="matrix-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('org.col.programArea')}</th>
            {data.columns.map((c) => (
              <th key={c.owner} scope="col">
                <Link to={structureHref(c.owner)} title={c.name}>
                  {shortName(c.name)}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.programAreaId}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell) => (
                <td key={cell.owner} className={`cell-${cell.state}`}>
                  <span className="cell-state">
                    <span aria-hidden="true">{SYMBOL[cell.state]}</span>{' '}
                    {cell.groupIds.length === 0 ? (
                      t(`matrix.state.${cell.state}`)
                    ) : (
                      <Link to={groupHref(cell.groupIds[0]!)} title={names.get(cell.groupIds[0]!)}>
                        {t(`matrix.state.${cell.state}`)}
                        <span className="visually-hidden">: {names.get(cell.groupIds[0]!) ?? ''}</span>
                      </Link>
                    )}
                  </span>
                  {cell.groupIds.slice(1).map((id, i) => (
                    <Link key={id} to={groupHref(id)} className="cell-more" title={names.get(id)}>
                      {t('matrix.moreGroup', { n: i + 2 })}
                      <span className="visually-hidden">: {names.get(id) ?? ''}</span>
                    </Link>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {STATES.map((s) => (
            <tr key={s}>
              <th scope="row">{t(`matrix.count.${s}`)}</th>
              {counts.map((c, i) => (
                <td
                  key={data.columns[i]?.owner ?? i}
                  className={(s === 'missing' || s === 'unlinked') && c[s] > 0 ? 'count-gap' : undefined}
                >
                  {c[s]}
                </td>
              ))}
            </tr>
          ))}
        </tfoot>
      </table>
    </TableScroll>
  );
}

/** The gaps in words: what each column lacks, or that it has no program-area groups at all yet. */
function Gaps({ data }: { data: MirrorMatrix }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">{t('matrix.gapsHeading')}</h2>
      <ul className="gap-list">
        {data.columns.map((c, i) => {
          const missing = data.rows.filter((r) => r.cells[i]?.state === 'missing');
          const unlinked = data.rows.filter((r) => r.cells[i]?.state === 'unlinked');
          return (
            <li key={c.owner}>
              <strong>{c.name}:</strong>{' '}
              {missing.length === 0 && unlinked.length === 0
                ? t('matrix.gapsNone')
                : missing.length === data.rows.length
                  ? t('matrix.gapsAll')
                  : [
                      missing.length > 0 &&
                        `${t('matrix.gapsSome', { count: missing.length })} ${missing.map((r) => r.name).join(', ')}.`,
                      unlinked.length > 0 &&
                        `${t('matrix.unlinkedSome', { count: unlinked.length })} ${unlinked.map((r) => r.name).join(', ')}.`,
                    ]
                      .filter(Boolean)
                      .join(' ')}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "Ange täckning": an editor says that an area is deliberately covered by another group. */

type CoverageValues = { owner: string; programAreaId: string; groupId: string; note: string };

/** The body PUT /mirroring/coverage takes: no group clears the coverage; an empty note is left out. */
const coverageBody = (v: CoverageValues) => ({
  owner: v.owner,
  programAreaId: v.programAreaId,
  groupId: v.groupId || null,
  ...(v.note.trim() ? { note: v.note.trim() } : {}),
});

function CoverageForm({
  data,
  owners,
  groups,
  geo,
  onSaved,
}: {
  data: MirrorMatrix;
  owners: { owner: string; name: string }[];
  groups: Group[];
  geo: Geo;
  onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const errorText = useErrorText();
  const form = useForm<CoverageValues>({
    resolver: withChecks(schemaResolver(CoverageBody, coverageBody, i18n.lang), (v) => ({
      programAreaId: !v.programAreaId && t('coverage.areaMissing'),
    })),
    defaultValues: { owner: owners[0]?.owner ?? '', programAreaId: '', groupId: '', note: '' },
  });
  const [summary, setSummary] = useState<{ text: string; items: FormErrorItem[]; n: number } | null>(null);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const save = $api.useMutation('put', '/mirroring/coverage');
  const label = (k: string) => i18n.tMaybe(`coverage.field.${k}`) ?? k;
  const owner = form.watch('owner');
  const col = data.columns.findIndex((c) => c.owner === owner);
  const areas = data.rows.filter((r) => {
    const state = r.cells[col]?.state;
    return state === 'missing' || state === 'covered';
  });
  const ownerGroups = groups.filter((g) => g.owner === owner).sort(bySwedishName);

  const submit = form.handleSubmit(
    async (v) => {
      try {
        await save.mutateAsync({ body: coverageBody(v) });
        setSummary(null);
        const areaName = geo.areaName(v.programAreaId);
        setDone((d) => ({
          text: v.groupId ? t('coverage.saved', { area: areaName }) : t('coverage.cleared', { area: areaName }),
          n: (d?.n ?? 0) + 1,
        }));
        form.reset({ ...v, programAreaId: '', groupId: '', note: '' });
        onSaved();
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        const items = errorItems(form.formState.errors, 'coverage', label);
        setSummary((s) => ({ text: items.length ? t('form.fixErrors') : errorText(apiError), items, n: (s?.n ?? 0) + 1 }));
      }
    },
    (errors) =>
      setSummary((s) => ({ text: t('form.fixErrors'), items: errorItems(errors, 'coverage', label), n: (s?.n ?? 0) + 1 })),
  );

  return (
    <section aria-labelledby="coverage-heading" className="panel">
      <h2 id="coverage-heading">{t('coverage.heading')}</h2>
      <p>{t('coverage.help')}</p>
      {done && (
        <div key={done.n} className="alert alert-success" role="status">
          <p>{done.text}</p>
        </div>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {summary && <FormErrorSummary text={summary.text} items={summary.items} n={summary.n} />}
        <SelectField
          id="coverage-owner"
          label={t('coverage.field.owner')}
          {...bind(form, 'owner')}
          onChange={(v) => {
            form.setValue('owner', v, { shouldDirty: true });
            form.setValue('programAreaId', '');
            form.setValue('groupId', '');
          }}
        >
          {owners.map((o) => (
            <option key={o.owner} value={o.owner}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="coverage-programAreaId"
          label={t('coverage.field.programAreaId')}
          hint={t('coverage.areaHint')}
          {...bind(form, 'programAreaId')}
        >
          <option value="">{t('coverage.chooseArea')}</option>
          {areas.map((r) => (
            <option key={r.programAreaId} value={r.programAreaId}>
              {r.name}
              {r.cells[col]?.state === 'covered' ? ` (${t('matrix.state.covered').toLowerCase()})` : ''}
            </option>
          ))}
        </SelectField>
        <SelectField id="coverage-groupId" label={t('coverage.field.groupId')} {...bind(form, 'groupId')}>
          <option value="">{t('coverage.noGroup')}</option>
          {ownerGroups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <TextField id="coverage-note" label={t('coverage.field.note')} {...bind(form, 'note')} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('coverage.submit')}
        </button>
      </form>
    </section>
  );
}
