/**
 * The goal tree to work with: patient promises → measurable goals → indicators. People with
 * followup.goals.write on a goal's owner (national, a healthcare region or a region) can add a
 * promise or a goal under one, change a goal's title, description, owner or place in the tree
 * (If-Match; a 409 offers a reload) and remove a goal that has nothing under it (the server
 * refuses with a 409 that names the sub-goals or indicators otherwise).
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { CreateGoalBody, UpdateGoalBody } from '../../modules/indicators/goal-schemas';
import type { HealthcareRegion, Region } from '../api';
import { Link } from '../app/router';
import { $api, invalidate, type ApiBody } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { bind, orNull, withChecks } from '../components/form-fields';
import { useFocusReturn } from '../form-submit';
import { schemaResolver } from '../forms';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { loadHealthcareRegions, loadRegions } from '../organisation/reference';
import { FOLLOWUP_PATH, indicatorHref } from './FollowupHomePage';
import { FORM_OPTIONS, FormProblem, useFormProblem, useProblemSubmit } from './form';
import type { GoalNode } from './types';

export const GOALS_PATH = `${FOLLOWUP_PATH}/mal`;

interface Ctx {
  /** The owners whose goals the person writes (the server's answer with the tree). */
  writableOwners: string[];
  owners: { value: string; label: string }[];
  ownerName: (owner: string) => string;
  all: GoalNode[];
  changed: (text: string) => void;
  reload: () => void;
}

const flatten = (nodes: GoalNode[]): GoalNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

export function GoalsPage() {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const goals = $api.useQuery('get', '/goals');
  const places = useAsync(async () => {
    const [regions, hrs] = await Promise.all([loadRegions(), loadHealthcareRegions()]);
    return { regions, hrs };
  }, []);
  const d =
    goals.data && places.data
      ? { goals: goals.data.items, writableOwners: goals.data.writableOwners, ...places.data }
      : undefined;
  const error = goals.error ?? places.error;
  const reload = () => void invalidate('/goals');
  const ownerName = (owner: string) =>
    owner === 'national'
      ? t('followup.goals.national')
      : (d?.regions.find((r: Region) => r.code === owner)?.name ??
        d?.hrs.find((h: HealthcareRegion) => h.id === owner)?.name ??
        owner);
  const owners = d
    ? [
        { value: 'national', label: t('followup.goals.national') },
        ...d.hrs.map((h) => ({ value: h.id, label: h.name })),
        ...d.regions.map((r) => ({ value: r.code, label: r.name })),
      ].filter((o) => d.writableOwners.includes(o.value))
    : [];
  const ctx: Ctx = {
    writableOwners: d?.writableOwners ?? [],
    owners,
    ownerName,
    all: d ? flatten(d.goals) : [],
    changed: (text) => {
      setMessage(text);
      reload();
    },
    reload,
  };
  return (
    <Page
      title={t('followup.goals.title')}
      crumbs={[{ to: FOLLOWUP_PATH, label: t('followup.home.title') }]}
      lead={<p>{t('followup.goals.lead')}</p>}
    >
      {error && <ErrorAlert error={error} />}
      {!d && !error && <Loading />}
      {message && (
        <Notice kind="success" live>
          <p>{message}</p>
        </Notice>
      )}
      {d && (
        <>
          {owners.length > 0 && (
            <details className="edit-panel">
              <summary>{t('followup.goals.newPromise')}</summary>
              <GoalForm ctx={ctx} parent={null} onDone={(g) => ctx.changed(t('followup.goals.created', { title: g }))} />
            </details>
          )}
          {d.goals.length === 0 && <p>{t('followup.goals.none')}</p>}
          <GoalTree nodes={d.goals} ctx={ctx} />
        </>
      )}
    </Page>
  );
}

function GoalTree({ nodes, ctx }: { nodes: GoalNode[]; ctx: Ctx }) {
  return (
    <ul className="goal-tree">
      {nodes.map((n) => (
        <GoalItem key={`${n.id}-${n.version}`} node={n} ctx={ctx} />
      ))}
    </ul>
  );
}

function GoalItem({ node, ctx }: { node: GoalNode; ctx: Ctx }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'view' | 'edit' | 'add' | 'remove'>('view');
  const mayWrite = ctx.writableOwners.includes(node.owner);
  const headingId = `goal-${node.id}`;
  return (
    <li className="goal-item">
      <div className="goal-node">
        <span id={headingId}>{node.kind === 'promise' ? <strong>{node.title}</strong> : node.title}</span>{' '}
        <span className="muted">
          ({node.kind === 'promise' ? `${t('followup.goal.promise')}, ` : ''}
          {t('followup.goal.owner', { owner: ctx.ownerName(node.owner) })})
        </span>
        {node.description && <p className="muted">{node.description}</p>}
        {mayWrite && mode === 'view' && (
          <div>
            <p className="button-row">
              <button type="button" className="button-secondary button-small" onClick={() => setMode('edit')}>
                {t('followup.goals.edit')}
                <span className="visually-hidden">: {node.title}</span>
              </button>
              <button type="button" className="button-secondary button-small" onClick={() => setMode('add')}>
                {t('followup.goals.addUnder')}
                <span className="visually-hidden">: {node.title}</span>
              </button>
              <button type="button" className="button-secondary button-small" onClick={() => setMode('remove')}>
                {t('followup.goals.remove')}
                <span className="visually-hidden">: {node.title}</span>
              </button>
            </p>
          </div>
        )}
        {mode === 'edit' && (
          <div className="edit-panel">
            <GoalForm
              ctx={ctx}
              parent={node.parentId}
              node={node}
              onDone={(title) => ctx.changed(t('followup.goals.saved', { title }))}
              onCancel={() => setMode('view')}
            />
          </div>
        )}
        {mode === 'add' && (
          <div className="edit-panel">
            <GoalForm
              ctx={ctx}
              parent={node.id}
              onDone={(title) => ctx.changed(t('followup.goals.created', { title }))}
              onCancel={() => setMode('view')}
            />
          </div>
        )}
        {mode === 'remove' && <RemoveGoal node={node} ctx={ctx} onCancel={() => setMode('view')} />}
      </div>
      {node.indicators.length > 0 && (
        <ul>
          {node.indicators.map((i) => (
            <li key={i.id}>
              {t('followup.goals.indicator')}: <Link to={indicatorHref(i.id)}>{i.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {node.children.length > 0 && <GoalTree nodes={node.children} ctx={ctx} />}
    </li>
  );
}

interface GoalValues {
  title: string;
  description: string;
  owner: string;
  parentId: string;
}

/** A new promise (parent null), a new goal under `parent`, or (with `node`) a change to a goal. */
function GoalForm({
  ctx,
  parent,
  node,
  onDone,
  onCancel,
}: {
  ctx: Ctx;
  parent: string | null;
  node?: GoalNode;
  onDone: (title: string) => void;
  onCancel?: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const prefix = node ? `goal-${node.id}` : `goal-new-${parent ?? 'root'}`;
  const parentNode = parent ? ctx.all.find((g) => g.id === parent) : undefined;
  const label = (k: string) => i18n.tMaybe(`followup.goals.field.${k}`) ?? k;
  const problem = useFormProblem(prefix, label);
  // A change sends only what changed; a new promise or goal sends it all.
  const patchBody = (v: GoalValues): ApiBody<'/goals/{id}', 'patch'> => {
    const body: ApiBody<'/goals/{id}', 'patch'> = {};
    if (!node) return body;
    if (v.title.trim() !== node.title) body.title = v.title.trim();
    if (orNull(v.description) !== node.description) body.description = orNull(v.description);
    if (v.owner !== node.owner) body.owner = v.owner;
    if (node.kind === 'goal' && v.parentId !== node.parentId) body.parentId = v.parentId || null;
    return body;
  };
  const postBody = (v: GoalValues): ApiBody<'/goals', 'post'> => ({
    owner: v.owner,
    title: v.title.trim(),
    description: orNull(v.description),
    ...(parent ? { parentId: parent } : {}),
  });
  const form = useForm<GoalValues>({
    ...FORM_OPTIONS,
    resolver: withChecks(node ? schemaResolver(UpdateGoalBody, patchBody) : schemaResolver(CreateGoalBody, postBody), (v) => ({
      title: !v.title.trim() && t('followup.goals.titleNeeded'),
    })),
    defaultValues: {
      title: node?.title ?? '',
      description: node?.description ?? '',
      owner:
        node?.owner ??
        (parentNode && ctx.owners.some((o) => o.value === parentNode.owner) ? parentNode.owner : (ctx.owners[0]?.value ?? '')),
      parentId: node?.parentId ?? parent ?? '',
    },
  });
  const update = $api.useMutation('patch', '/goals/{id}');
  const create = $api.useMutation('post', '/goals');
  const submit = useProblemSubmit(form, problem, async (v) => {
    if (node)
      await update.mutateAsync({
        params: { path: { id: node.id } },
        body: patchBody(v),
        headers: { 'If-Match': `"${node.version}"` },
      });
    else await create.mutateAsync({ body: postBody(v) });
    onDone(v.title.trim());
  });
  // A goal may move under any goal or promise except itself and what lies below it.
  const below = node ? new Set(flatten([node]).map((g) => g.id)) : new Set<string>();
  const parents = ctx.all.filter((g) => !below.has(g.id));
  const ownerOptions =
    node && !ctx.owners.some((o) => o.value === node.owner)
      ? [{ value: node.owner, label: ctx.ownerName(node.owner) }, ...ctx.owners]
      : ctx.owners;

  const heading = node
    ? t('followup.goals.editHeading', { title: node.title })
    : parent
      ? t('followup.goals.addHeading', { title: parentNode?.title ?? '' })
      : t('followup.goals.newPromise');
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={heading}>
      <FormProblem state={problem} onReload={ctx.reload} />
      <TextField id={`${prefix}-title`} label={label('title')} {...bind(form, 'title')} />
      <TextAreaField id={`${prefix}-description`} label={label('description')} {...bind(form, 'description')} rows={2} />
      <SelectField id={`${prefix}-owner`} label={label('owner')} {...bind(form, 'owner')}>
        {ownerOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      {node?.kind === 'goal' && (
        <SelectField id={`${prefix}-parentId`} label={label('parentId')} {...bind(form, 'parentId')}>
          {parents.map((g) => (
            <option key={g.id} value={g.id}>
              {g.kind === 'promise' ? `${t('followup.goal.promise')}: ` : ''}
              {g.title}
            </option>
          ))}
        </SelectField>
      )}
      <p className="button-row">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {node ? t('followup.goals.save') : t('followup.goals.create')}
        </button>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}

function RemoveGoal({ node, ctx, onCancel }: { node: GoalNode; ctx: Ctx; onCancel: () => void }) {
  const { t } = useI18n();
  const problem = useFormProblem(`goal-remove-${node.id}`, (k) => k);
  const mutation = $api.useMutation('delete', '/goals/{id}');
  const rememberFocus = useFocusReturn(mutation.isPending);
  const remove = async () => {
    rememberFocus();
    try {
      await mutation.mutateAsync({ params: { path: { id: node.id } }, headers: { 'If-Match': `"${node.version}"` } });
      problem.clear();
      ctx.changed(t('followup.goals.removed', { title: node.title }));
    } catch (err) {
      problem.refused(err);
    }
  };
  return (
    <div className="edit-panel">
      <FormProblem state={problem} onReload={ctx.reload} onlyStale />
      <p>{t('followup.goals.confirmRemove', { title: node.title })}</p>
      <p className="button-row">
        <button type="button" className="button-danger" disabled={mutation.isPending} onClick={() => void remove()}>
          {t('followup.goals.removeConfirm')}
          <span className="visually-hidden">: {node.title}</span>
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </p>
    </div>
  );
}
