/** Bevarande och gallring: how long each kind of record is kept and on what legal basis (administrators edit). */
import { useId, useState } from 'react';
import type { ApiError } from '../api';
import { useForm } from 'react-hook-form';
import { RetentionRuleBody } from '../../modules/records/schemas';
import { $api, call, client, invalidate, type ApiBody, type Schema } from '../client';
import { FormSelectField } from '../components/FormChoiceFields';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { asApiError } from '../people/people';
import { GallringSection } from './GallringSection';

type Rule = Schema<'RetentionRule'>;

export function RetentionRulesPage() {
  const t = useT();
  const crumbs = [{ to: '/', label: t('nav.start') }];
  return (
    <RequireUser title={t('records.retention.title')} crumbs={crumbs}>
      <Rules />
    </RequireUser>
  );
}

function Rules() {
  const t = useT();
  const { isAdmin } = useSession();
  const rules = $api.useQuery('get', '/retention-rules');
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const captionId = useId();
  return (
    <Page
      title={t('records.retention.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      lead={<p>{t('records.retention.lead')}</p>}
    >
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      {rules.error && <ErrorAlert error={rules.error} />}
      {rules.isPending && <Loading />}
      {rules.data && (
        <TableScroll labelledBy={captionId}>
          <table className="data-table">
            <caption id={captionId}>{t('records.retention.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('records.col.record')}</th>
                <th scope="col">{t('records.col.retention')}</th>
                <th scope="col">{t('records.col.disposition')}</th>
                <th scope="col">{t('records.col.happens')}</th>
                <th scope="col">{t('records.col.basis')}</th>
                {isAdmin && <th scope="col">{t('records.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rules.data.items.map((r) => (
                <tr key={r.recordType}>
                  <th scope="row">{r.label}</th>
                  <td>
                    {r.retention}
                    {r.retentionYears !== null && ` (${t('records.retention.years', { years: r.retentionYears })})`}
                  </td>
                  <td>{t(`records.disposition.${r.disposition}`)}</td>
                  <td>{t(`records.on.${r.onAnonymisation}`)}</td>
                  <td>{r.legalBasis}</td>
                  {isAdmin && (
                    <td>
                      <button type="button" className="button-secondary" onClick={() => setEditing(r.recordType)}>
                        {t('records.retention.edit', { label: r.label })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {isAdmin &&
        editing &&
        rules.data?.items
          .filter((r) => r.recordType === editing)
          .map((r) => (
            <RuleForm
              key={r.recordType}
              rule={r}
              onCancel={() => setEditing(null)}
              onDone={() => {
                setEditing(null);
                setMessage((m) => ({ text: t('records.retention.saved', { label: r.label }), n: (m?.n ?? 0) + 1 }));
                void invalidate('/retention-rules');
              }}
            />
          ))}
      {isAdmin && <GallringSection />}
    </Page>
  );
}

type RuleValues = {
  label: string;
  retentionYears: string;
  retention: string;
  legalBasis: string;
  disposition: 'gallras' | 'bevaras';
};

function RuleForm({ rule, onDone, onCancel }: { rule: Rule; onDone: () => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  // the years as typed; an empty field means "no fixed number of years"
  const toBody = (v: RuleValues): ApiBody<'/retention-rules/{recordType}', 'put'> => ({
    label: v.label,
    retentionYears: v.retentionYears.trim() === '' ? null : Number(v.retentionYears),
    retention: v.retention,
    legalBasis: v.legalBasis,
    disposition: v.disposition,
    version: rule.version,
  });
  const form = useForm<RuleValues>({
    defaultValues: {
      label: rule.label,
      retentionYears: rule.retentionYears === null ? '' : String(rule.retentionYears),
      retention: rule.retention,
      legalBasis: rule.legalBasis,
      disposition: rule.disposition,
    },
    resolver: schemaResolver(RetentionRuleBody, toBody, lang),
  });
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call(
        client.PUT('/retention-rules/{recordType}', { params: { path: { recordType: rule.recordType } }, body: toBody(values) }),
      );
      onDone();
    } catch (err) {
      if (!applyServerErrors(err, form.setError)) setError(asApiError(err));
    }
  });
  const { control } = form;
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="rule-heading">
      <h2 id="rule-heading">{t('records.retention.edit', { label: rule.label })}</h2>
      {error && <ErrorAlert error={error} />}
      <FormTextField control={control} name="label" id="rule-label" label={t('records.col.record')} />
      <FormTextField
        control={control}
        name="retentionYears"
        id="rule-years"
        label={t('records.retention.yearsLabel')}
        hint={t('records.retention.yearsHint')}
        inputMode="numeric"
      />
      <FormSelectField
        control={control}
        name="disposition"
        id="rule-disposition"
        label={t('records.col.disposition')}
        hint={t('records.retention.dispositionHint')}
        options={[
          { value: 'bevaras', label: t('records.disposition.bevaras') },
          { value: 'gallras', label: t('records.disposition.gallras') },
        ]}
      />
      <FormTextAreaField control={control} name="retention" id="rule-retention" label={t('records.col.retention')} rows={2} />
      <FormTextAreaField control={control} name="legalBasis" id="rule-basis" label={t('records.col.basis')} rows={3} />
      <div className="button-row">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('records.retention.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('records.cancel')}
        </button>
      </div>
    </form>
  );
}
