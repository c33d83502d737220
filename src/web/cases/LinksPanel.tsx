/**
 * Länkar: the case's links to other cases (both ways), knowledge supports and consultation
 * rounds. A link is type + id; the names of supports and rounds come from their own lists
 * (a list the caller cannot read leaves the id, and a free-text field to give one).
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { LinkBody } from '../../modules/cases/schemas';
import { Link } from '../app/router';
import { $api, call, client } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { TableScroll } from '../components/TableScroll';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Say } from './CasePage';
import { caseHref, type CaseDetail, type CaseLink } from './cases';
import { bind, focusFirstError, orNull, withChecks } from '../components/form-fields';

const TARGET_TYPES = ['case', 'knowledge-support', 'consultation'] as const;
type TargetType = (typeof TARGET_TYPES)[number];

interface Values {
  targetType: TargetType;
  targetId: string;
  note: string;
}

const toBody = (v: Values) => ({ targetType: v.targetType, targetId: v.targetId.trim(), note: orNull(v.note) });

/** Names of knowledge supports and consultation rounds the caller may list (other modules' lists). */
function useTargetNames() {
  const supports = $api.useQuery('get', '/knowledge-supports', { params: { query: { limit: 500 } } });
  const rounds = $api.useQuery('get', '/consultation-rounds', { params: { query: { limit: 200 } } });
  const names = new Map<string, string>();
  const supportChoices = (supports.data?.items ?? []).map((k) => ({ id: k.id, title: k.title }));
  const roundChoices = (rounds.data?.items ?? []).map((r) => ({ id: r.id, title: r.title || r.supportTitle }));
  for (const x of [...supportChoices, ...roundChoices]) names.set(x.id, x.title);
  return { names, supports: supportChoices, rounds: roundChoices };
}

export function LinksPanel({ c, onDone }: { c: CaseDetail; onDone: Say }) {
  const i18n = useI18n();
  const { t } = i18n;
  const links = $api.useQuery('get', '/cases/{id}/links', { params: { path: { id: c.id } } });
  const others = $api.useQuery(
    'get',
    '/cases',
    { params: { query: { region: c.region, limit: 500 } } },
    { enabled: c.canHandle },
  );
  const targets = useTargetNames();
  // A closed case's links are settled; a new case can still link to it from its own page.
  const mayEdit = c.canHandle && !c.locked;
  const form = useForm<Values>({
    resolver: withChecks(schemaResolver(LinkBody, toBody), (v) => ({
      targetId: !v.targetId.trim() && t('cases.links.targetMissing'),
    })),
    defaultValues: { targetType: 'case', targetId: '', note: '' },
  });
  const add = $api.useMutation('post', '/cases/{id}/links');
  const [error, setError] = useState<unknown>(null);
  const type = form.watch('targetType');
  const items = links.data?.items ?? [];
  const targetText = (l: CaseLink) =>
    l.targetType === 'case'
      ? `${l.targetCaseNumber ?? l.targetId}${l.targetSubject ? `: ${l.targetSubject}` : ''}`
      : (targets.names.get(l.targetId) ?? l.targetId);
  const choices = type === 'knowledge-support' ? targets.supports : type === 'consultation' ? targets.rounds : undefined;

  const submit = form.handleSubmit(
    async (v) => {
      setError(null);
      try {
        await add.mutateAsync({ params: { path: { id: c.id } }, body: toBody(v) });
        form.reset({ targetType: v.targetType, targetId: '', note: '' });
        onDone(t('cases.links.add'));
      } catch (err) {
        applyServerErrors(err, form.setError);
        setError(err);
      }
    },
    focusFirstError({ targetId: 'link-target' }),
  );

  async function remove(l: CaseLink) {
    setError(null);
    try {
      await call(client.DELETE('/case-links/{id}', { params: { path: { id: l.id } } }));
      onDone(t('cases.links.removeNamed', { target: targetText(l) }));
    } catch (err) {
      setError(err);
    }
  }

  const target = bind(form, 'targetId');
  return (
    <section className="panel" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('cases.links.heading')}</h2>
      {links.error && <ErrorAlert error={links.error} />}
      {error !== null && <ErrorAlert error={error} />}
      {links.data && items.length === 0 && <p>{t('cases.links.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="links-caption">
          <table>
            <caption id="links-caption">{t('cases.links.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.links.type')}</th>
                <th scope="col">{t('cases.links.target')}</th>
                <th scope="col">{t('cases.links.note')}</th>
                {mayEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('cases.links.remove')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id}>
                  <td>
                    {i18n.tMaybe(`cases.links.type.${l.targetType}`) ?? l.targetType}
                    {l.relation === 'bundled' && <span className="stat-note">{t('cases.links.relation.bundled')}</span>}
                  </td>
                  <th scope="row">
                    {l.targetType === 'case' ? (
                      <Link to={caseHref(l.targetId)}>{targetText(l)}</Link>
                    ) : targets.names.has(l.targetId) ? (
                      targetText(l)
                    ) : (
                      <span className="mono">{l.targetId}</span>
                    )}
                  </th>
                  <td>{l.note ?? ''}</td>
                  {mayEdit && (
                    <td>
                      {l.relation !== 'bundled' && (
                        <button
                          type="button"
                          className="button-small button-secondary"
                          aria-label={t('cases.links.removeNamed', { target: targetText(l) })}
                          onClick={() => void remove(l)}
                        >
                          {t('cases.links.remove')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {mayEdit && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('cases.links.add')}>
          <SelectField
            id="link-type"
            label={t('cases.links.type')}
            value={type}
            onChange={(v) => {
              form.setValue('targetType', v as TargetType);
              form.setValue('targetId', '');
            }}
            options={TARGET_TYPES.map((k) => ({ value: k, label: t(`cases.links.type.${k}`) }))}
          />
          {type === 'case' ? (
            <SelectField
              id="link-target"
              label={t('cases.links.targetCase')}
              {...target}
              options={(others.data?.items ?? [])
                .filter((o) => o.id !== c.id)
                .map((o) => ({ value: o.id, label: `${o.caseNumber}: ${o.subject}` }))}
              placeholder={t('cases.links.chooseCase')}
            />
          ) : choices && choices.length > 0 ? (
            <SelectField
              id="link-target"
              label={t(type === 'knowledge-support' ? 'cases.links.targetSupport' : 'cases.links.targetRound')}
              {...target}
              options={choices.map((o) => ({ value: o.id, label: o.title }))}
              placeholder={t('cases.links.choose')}
            />
          ) : (
            <TextField id="link-target" label={t('cases.links.targetId')} {...target} autoComplete="off" />
          )}
          <TextField id="link-note" label={t('cases.links.note')} {...bind(form, 'note')} autoComplete="off" />
          <button type="submit">{t('cases.links.add')}</button>
        </form>
      )}
    </section>
  );
}
