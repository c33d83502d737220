/**
 * The goal tree to work with: patient promises → measurable goals → indicators. People with
 * followup.goals.write on a goal's owner (national, a healthcare region or a region) can add a
 * promise or a goal under one, change a goal's title, description, owner or place in the tree
 * (If-Match; a 409 offers a reload) and remove a goal that has nothing under it (the server
 * refuses with a 409 that names the sub-goals or indicators otherwise).
 */
import { useState, type FormEvent } from 'react';
import type { HealthcareRegion, Region } from '../api';
import { Link } from '../app/router';
import { $api, call, client, invalidate, type ApiBody } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { loadHealthcareRegions, loadRegions } from '../organisation/reference';
import { FOLLOWUP_PATH, indicatorHref } from './FollowupHomePage';
import { FormProblem, orNull, useFormState } from './form';
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
  const [title, setTitle] = useState(node?.title ?? '');
  const [description, setDescription] = useState(node?.description ?? '');
  const [owner, setOwner] = useState(
    node?.owner ??
      (parentNode && ctx.owners.some((o) => o.value === parentNode.owner) ? parentNode.owner : (ctx.owners[0]?.value ?? '')),
  );
  const [parentId, setParentId] = useState(node?.parentId ?? parent ?? '');
  const label = (k: string) => i18n.tMaybe(`followup.goals.field.${k}`) ?? k;
  const form = useFormState(prefix, label);
  // A goal may move under any goal or promise except itself and what lies below it.
  const below = node ? new Set(flatten([node]).map((g) => g.id)) : new Set<string>();
  const parents = ctx.all.filter((g) => !below.has(g.id));
  const ownerOptions =
    node && !ctx.owners.some((o) => o.value === node.owner)
      ? [{ value: node.owner, label: ctx.ownerName(node.owner) }, ...ctx.owners]
      : ctx.owners;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return form.local(t('form.fixErrors'), { title: t('followup.goals.titleNeeded') });
    const ok = await form.run(async () => {
      if (node) {
        const body: ApiBody<'/goals/{id}', 'patch'> = {};
        if (title.trim() !== node.title) body.title = title.trim();
        if (orNull(description) !== node.description) body.description = orNull(description);
        if (owner !== node.owner) body.owner = owner;
        if (node.kind === 'goal' && parentId !== node.parentId) body.parentId = parentId || null;
        await call(
          client.PATCH('/goals/{id}', {
            params: { path: { id: node.id } },
            body,
            headers: { 'If-Match': `"${node.version}"` },
          }),
        );
      } else {
        await call(
          client.POST('/goals', {
            body: {
              owner,
              title: title.trim(),
              description: orNull(description),
              ...(parent ? { parentId: parent } : {}),
            },
          }),
        );
      }
    });
    if (ok) onDone(title.trim());
  };

  const heading = node
    ? t('followup.goals.editHeading', { title: node.title })
    : parent
      ? t('followup.goals.addHeading', { title: parentNode?.title ?? '' })
      : t('followup.goals.newPromise');
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={heading}>
      <FormProblem state={form} onReload={ctx.reload} />
      <TextField id={`${prefix}-title`} label={label('title')} value={title} onChange={setTitle} error={form.error('title')} />
      <TextAreaField
        id={`${prefix}-description`}
        label={label('description')}
        value={description}
        onChange={setDescription}
        error={form.error('description')}
        rows={2}
      />
      <SelectField id={`${prefix}-owner`} label={label('owner')} value={owner} onChange={setOwner} error={form.error('owner')}>
        {ownerOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      {node?.kind === 'goal' && (
        <SelectField
          id={`${prefix}-parentId`}
          label={label('parentId')}
          value={parentId}
          onChange={setParentId}
          error={form.error('parentId')}
        >
          {parents.map((g) => (
            <option key={g.id} value={g.id}>
              {g.kind === 'promise' ? `${t('followup.goal.promise')}: ` : ''}
              {g.title}
            </option>
          ))}
        </SelectField>
      )}
      <p className="button-row">
        <button type="submit" disabled={form.busy}>
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
  const form = useFormState(`goal-remove-${node.id}`, (k) => k);
  const remove = async () => {
    const ok = await form.run(() =>
      call(client.DELETE('/goals/{id}', { params: { path: { id: node.id } }, headers: { 'If-Match': `"${node.version}"` } })),
    );
    if (ok) ctx.changed(t('followup.goals.removed', { title: node.title }));
  };
  return (
    <div className="edit-panel">
      <FormProblem state={form} onReload={ctx.reload} onlyStale />
      <p>{t('followup.goals.confirmRemove', { title: node.title })}</p>
      <p className="button-row">
        <button type="button" className="button-danger" disabled={form.busy} onClick={() => void remove()}>
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
