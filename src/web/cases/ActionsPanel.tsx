/**
 * Åtgärdspunkter: the case's action items with owner and due date, marked done (or open again)
 * with the actions the server offers on each item, and a form to add one.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ActionBody } from '../../modules/cases/schemas';
import { $api, call, client } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { TableScroll } from '../components/TableScroll';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import type { Say } from './CasePage';
import type { CaseAction, CaseDetail, CaseOptions } from './cases';
import { bind, focusFirstError, orNull, withChecks } from '../components/form-fields';

type ItemAction = NonNullable<CaseAction['allowedActions']>[number];

/** What each item action is called, and the call that makes it. */
const ITEM_ACTIONS: Record<
  ItemAction,
  { label: MessageKey; named: MessageKey; done: MessageKey; run: (a: CaseAction) => Promise<unknown> }
> = {
  complete: {
    label: 'cases.actions.complete',
    named: 'cases.actions.completeNamed',
    done: 'cases.actions.doneMessage',
    run: (a) =>
      call(client.POST('/case-actions/{id}/complete', { params: { path: { id: a.id } }, body: { version: a.version } })),
  },
  reopen: {
    label: 'cases.actions.reopen',
    named: 'cases.actions.reopenNamed',
    done: 'cases.actions.reopenedMessage',
    run: (a) => call(client.POST('/case-actions/{id}/reopen', { params: { path: { id: a.id } }, body: { version: a.version } })),
  },
};

const ITEM_BADGE: Record<CaseAction['status'], string> = { open: 'badge-weak', done: 'badge-ok' };

interface Values {
  title: string;
  ownerPersonId: string;
  ownerName: string;
  dueDate: string;
}

const toBody = (v: Values) => ({
  title: v.title.trim(),
  ownerPersonId: v.ownerPersonId || null,
  ownerName: v.ownerPersonId ? null : orNull(v.ownerName),
  dueDate: v.dueDate || null,
});

const IDS = { title: 'action-title', ownerPersonId: 'action-owner', ownerName: 'action-ownerName', dueDate: 'action-due' };

export function ActionsPanel({ c, options, onDone }: { c: CaseDetail; options: CaseOptions | undefined; onDone: Say }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const actions = $api.useQuery('get', '/cases/{id}/actions', { params: { path: { id: c.id } } });
  const form = useForm<Values>({
    resolver: withChecks(schemaResolver(ActionBody, toBody), (v) => ({
      title: !v.title.trim() && t('cases.actions.titleMissing'),
    })),
    defaultValues: { title: '', ownerPersonId: '', ownerName: '', dueDate: '' },
  });
  const add = $api.useMutation('post', '/cases/{id}/actions');
  const [error, setError] = useState<unknown>(null);
  const items = actions.data?.items ?? [];
  const owner = form.watch('ownerPersonId');
  const offersItemActions = c.canHandle && !c.locked;

  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      await add.mutateAsync({ params: { path: { id: c.id } }, body: toBody(v) });
      form.reset();
      onDone(t('cases.actions.added'));
    } catch (err) {
      applyServerErrors(err, form.setError);
      setError(err);
    }
  }, focusFirstError(IDS));

  async function act(a: CaseAction, action: ItemAction) {
    setError(null);
    try {
      await ITEM_ACTIONS[action].run(a);
      onDone(t(ITEM_ACTIONS[action].done, { title: a.title }));
    } catch (err) {
      setError(err);
      void actions.refetch();
    }
  }

  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('cases.actions.heading')}</h2>
      {actions.error && <ErrorAlert error={actions.error} />}
      {error !== null && <ErrorAlert error={error} />}
      {actions.data && items.length === 0 && <p>{t('cases.actions.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="actions-caption">
          <table>
            <caption id="actions-caption">{t('cases.actions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.actions.title')}</th>
                <th scope="col">{t('cases.actions.owner')}</th>
                <th scope="col">{t('cases.actions.due')}</th>
                <th scope="col">{t('cases.actions.status')}</th>
                {offersItemActions && (
                  <th scope="col">
                    <span className="visually-hidden">{t('cases.actions.complete')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.title}
                    {a.source && <span className="stat-note">{t('cases.actions.fromMinutes')}</span>}
                  </th>
                  <td>{a.ownerName ?? t('cases.none')}</td>
                  <td className="nowrap">{a.dueDate ? formatDate(a.dueDate) : t('cases.none')}</td>
                  <td>
                    <span className={`badge ${ITEM_BADGE[a.status]}`}>{t(`cases.actions.status.${a.status}`)}</span>
                  </td>
                  {offersItemActions && (
                    <td>
                      {(a.allowedActions ?? []).map((action) => (
                        <button
                          key={action}
                          type="button"
                          className="button-small button-secondary"
                          aria-label={t(ITEM_ACTIONS[action].named, { title: a.title })}
                          onClick={() => void act(a, action)}
                        >
                          {t(ITEM_ACTIONS[action].label)}
                        </button>
                      ))}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {c.canHandle && !c.locked && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('cases.actions.add')}>
          <TextField id={IDS.title} label={t('cases.actions.title')} {...bind(form, 'title')} autoComplete="off" />
          <SelectField
            id={IDS.ownerPersonId}
            label={t('cases.actions.ownerPerson')}
            {...bind(form, 'ownerPersonId')}
            options={(options?.persons ?? []).map((p) => ({ value: p.id, label: p.name }))}
            placeholder={t('cases.choosePerson')}
          />
          {!owner && (
            <TextField id={IDS.ownerName} label={t('cases.actions.ownerName')} {...bind(form, 'ownerName')} autoComplete="off" />
          )}
          <TextField id={IDS.dueDate} type="date" label={t('cases.actions.due')} {...bind(form, 'dueDate')} />
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t('cases.actions.add')}
          </button>
        </form>
      )}
    </section>
  );
}
