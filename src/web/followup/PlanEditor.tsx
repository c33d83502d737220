/**
 * Editing a two-year operational plan: a new plan for a group, the insatsområden (add, edit,
 * move up and down in priority, remove), and moving the plan drafted → agreed (with whom) →
 * established (decision reference and date). An established plan keeps its content: only each
 * item's progress can change. Saves send the version read (If-Match); a 409 offers a reload.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { CreatePlanBody, UpdatePlanBody } from '../../modules/planning/schemas';
import { navigate } from '../app/router';
import { $api, type ApiBody } from '../client';
import { Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { bind, orNull, withChecks } from '../components/form-fields';
import { useAsync } from '../components/useAsync';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { loadGroups } from '../organisation/groups';
import { usePlanningPermissions } from './permissions';
import { FOLLOWUP_PATH } from './FollowupHomePage';
import { PlanTransitionForm } from './PlanTransitionForm';
import { FORM_OPTIONS, FormProblem, useFormProblem, useProblemSubmit } from './form';
import { PROGRESS, RATIONALES, type Plan, type PlanItem } from './types';
import { thisYear } from '../clock';

export const planHref = (id: string) => `${FOLLOWUP_PATH}/planer/${id}`;

interface NewPlanValues {
  groupId: string;
  startYear: string;
  title: string;
}

export function NewPlanForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const access = usePlanningPermissions();
  // A region's groups (LPO, LSG) and a healthcare region's program areas (RMPO): the server says which are the caller's.
  const groups = useAsync((signal) => loadGroups({ status: 'active' }, signal), []);
  const mine = (groups.data ?? []).filter((g) => access.planGroupIds.includes(g.id));
  const year = thisYear() + 1;
  const label = (k: string) => i18n.tMaybe(`followup.newPlan.${k}`) ?? k;
  const problem = useFormProblem('new-plan', label);
  const toBody = (v: NewPlanValues): ApiBody<'/plans', 'post'> => {
    const y = Number(v.startYear);
    return {
      groupId: v.groupId,
      startYear: y,
      title: v.title.trim() || t('followup.newPlan.defaultTitle', { from: y, to: y + 1 }),
      items: [],
    };
  };
  const form = useForm<NewPlanValues>({
    ...FORM_OPTIONS,
    resolver: withChecks(schemaResolver(CreatePlanBody, toBody), (v) => ({
      groupId: !v.groupId && t('followup.newPlan.chooseGroup'),
      startYear: !/^\d{4}$/.test(v.startYear) && t('followup.newPlan.yearFormat'),
    })),
    defaultValues: { groupId: '', startYear: String(year), title: '' },
  });
  const create = $api.useMutation('post', '/plans');
  const submit = useProblemSubmit(form, problem, async (v) => {
    const p = await create.mutateAsync({ body: toBody(v) });
    navigate(planHref(p.id));
  });
  if (!access.ready || mine.length === 0) return null;

  return (
    <section aria-labelledby="new-plan-heading">
      <details>
        <summary>
          <h2 id="new-plan-heading" className="h-small" style={{ display: 'inline' }}>
            {t('followup.newPlan.heading')}
          </h2>
        </summary>
        <form className="form" onSubmit={submit} noValidate>
          <FormProblem state={problem} />
          <SelectField id="new-plan-groupId" label={label('groupId')} {...bind(form, 'groupId')}>
            <option value="">{t('followup.statusForm.choose')}</option>
            {mine.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id="new-plan-startYear"
            label={label('startYear')}
            hint={t('followup.newPlan.yearHint')}
            inputMode="numeric"
            {...bind(form, 'startYear')}
          />
          <TextField id="new-plan-title" label={label('title')} hint={t('followup.newPlan.titleHint')} {...bind(form, 'title')} />
          <p className="button-row">
            <button type="submit" disabled={form.formState.isSubmitting}>
              {t('followup.newPlan.create')}
            </button>
          </p>
        </form>
      </details>
    </section>
  );
}

interface ItemDraft {
  key: number;
  priority: string;
  title: string;
  rationaleKind: string;
  rationale: string;
  ownerName: string;
  supportId: string | null;
  startsOn: string;
  endsOn: string;
  workingGroupStartsOn: string;
  progress: string;
}

let nextKey = 1;
const draftOf = (i: PlanItem): ItemDraft => ({
  key: nextKey++,
  priority: String(i.priority),
  title: i.title,
  rationaleKind: i.rationaleKind,
  rationale: i.rationale ?? '',
  ownerName: i.ownerName ?? '',
  supportId: i.supportId,
  startsOn: i.startsOn ?? '',
  endsOn: i.endsOn ?? '',
  workingGroupStartsOn: i.workingGroupStartsOn ?? '',
  progress: i.progress,
});

interface PlanValues {
  title: string;
  items: ItemDraft[];
}

/** The PATCH's body: an established plan sends only its items (whose progress may change). */
const toPlanBody = (v: PlanValues, locked: boolean): ApiBody<'/plans/{id}', 'patch'> => ({
  ...(locked ? {} : { title: v.title.trim() }),
  items: v.items.map((x) => ({
    priority: Number(x.priority),
    title: x.title.trim(),
    rationaleKind: x.rationaleKind as PlanItem['rationaleKind'],
    rationale: orNull(x.rationale),
    ownerName: orNull(x.ownerName),
    supportId: x.supportId,
    startsOn: orNull(x.startsOn),
    endsOn: orNull(x.endsOn),
    workingGroupStartsOn: orNull(x.workingGroupStartsOn),
    progress: x.progress as PlanItem['progress'],
  })),
});

/** The plan's title and items as a form; `established` locks everything but progress. */
export function PlanItemsEditor({ plan, onSaved, onReload }: { plan: Plan; onSaved: (p: Plan) => void; onReload: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const locked = plan.locked;
  const [announce, setAnnounce] = useState('');
  const label = (key: string) => {
    const m = /^items-(\d+)-(\w+)$/.exec(key);
    if (m) return `${t('followup.plan.itemNo', { n: Number(m[1]) + 1 })}: ${i18n.tMaybe(`followup.planItem.${m[2]}`) ?? m[2]}`;
    if (key === 'title') return t('followup.newPlan.title');
    return i18n.tMaybe(`followup.planItem.${key}`) ?? key;
  };
  const problem = useFormProblem('plan', label);
  const form = useForm<PlanValues>({
    ...FORM_OPTIONS,
    resolver: withChecks(
      schemaResolver(UpdatePlanBody, (v: PlanValues) => toPlanBody(v, locked)),
      (v) => {
        const missing: Record<string, string | false> = { title: !locked && !v.title.trim() && t('followup.plan.titleNeeded') };
        v.items.forEach((x, k) => {
          missing[`items.${k}.title`] = !x.title.trim() && t('followup.plan.titleNeeded');
          missing[`items.${k}.priority`] =
            (!/^\d{1,3}$/.test(x.priority) || Number(x.priority) < 1) && t('followup.plan.priorityFormat');
        });
        return missing;
      },
    ),
    defaultValues: { title: plan.title, items: plan.items.map(draftOf) },
  });
  const save = $api.useMutation('patch', '/plans/{id}');
  const items = form.watch('items');
  const setItems = (change: (list: ItemDraft[]) => ItemDraft[]) =>
    form.setValue('items', change(form.getValues('items')), { shouldDirty: true });
  const move = (k: number, dir: -1 | 1) => {
    const j = k + dir;
    if (j < 0 || j >= items.length) return;
    setItems((list) => {
      const out = [...list];
      const a = out[k]!;
      const b = out[j]!;
      // swap places and priorities, so the order on screen is the priority order
      out[k] = { ...b, priority: a.priority };
      out[j] = { ...a, priority: b.priority };
      return out;
    });
    setAnnounce(t('followup.plan.moved', { title: items[k]!.title || '…', n: j + 1 }));
    // keep the keyboard on the button of the item that moved
    requestAnimationFrame(() => document.getElementById(`plan-item-${items[k]!.key}-${dir < 0 ? 'up' : 'down'}`)?.focus());
  };
  const add = () => {
    const max = items.reduce((m, x) => Math.max(m, Number(x.priority) || 0), 0);
    const draft: ItemDraft = {
      key: nextKey++,
      priority: String(max + 1),
      title: '',
      rationaleKind: 'local-need',
      rationale: '',
      ownerName: '',
      supportId: null,
      startsOn: '',
      endsOn: '',
      workingGroupStartsOn: '',
      progress: 'not-started',
    };
    setItems((list) => [...list, draft]);
    requestAnimationFrame(() => document.getElementById(`plan-items-${items.length}-title`)?.focus());
  };

  const submit = useProblemSubmit(form, problem, async (v) =>
    onSaved(
      await save.mutateAsync({
        params: { path: { id: plan.id } },
        body: toPlanBody(v, locked),
        headers: { 'If-Match': `"${plan.version}"` },
      }),
    ),
  );

  const f = (k: number, name: Exclude<keyof ItemDraft, 'key' | 'supportId'>) => ({
    id: `plan-items-${k}-${name}`,
    label: i18n.tMaybe(`followup.planItem.${name}`) ?? name,
    ...bind(form, `items.${k}.${name}`),
    disabled: locked,
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="plan-edit-heading">
      <h2 id="plan-edit-heading">{locked ? t('followup.plan.editProgress') : t('followup.plan.edit')}</h2>
      {locked && <p>{t('followup.plan.lockedHint')}</p>}
      <FormProblem state={problem} onReload={onReload} />
      {!locked && <TextField id="plan-title" label={label('title')} {...bind(form, 'title')} />}
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {items.length === 0 && <p>{t('followup.plan.noItems')}</p>}
      <ol className="plan-items" style={{ listStyle: 'none', padding: 0 }}>
        {items.map((x, k) => (
          <li key={x.key} className="plan-item" style={{ marginBottom: '1.5rem' }}>
            <fieldset>
              <legend>
                {t('followup.plan.itemNo', { n: k + 1 })}
                {x.title ? `: ${x.title}` : ''}
              </legend>
              <TextField {...f(k, 'title')} />
              <TextField {...f(k, 'priority')} inputMode="numeric" hint={t('followup.plan.priorityHint')} />
              <SelectField {...f(k, 'rationaleKind')}>
                {RATIONALES.map((r) => (
                  <option key={r} value={r}>
                    {t(`followup.plan.rationale.${r}`)}
                  </option>
                ))}
              </SelectField>
              <TextAreaField {...f(k, 'rationale')} rows={2} />
              <TextField {...f(k, 'ownerName')} />
              <TextField {...f(k, 'startsOn')} type="date" />
              <TextField {...f(k, 'endsOn')} type="date" />
              <TextField {...f(k, 'workingGroupStartsOn')} type="date" />
              <SelectField {...f(k, 'progress')} disabled={false}>
                {PROGRESS.map((p) => (
                  <option key={p} value={p}>
                    {t(`followup.plan.progress.${p}`)}
                  </option>
                ))}
              </SelectField>
              {!locked && (
                <p className="button-row">
                  <button
                    type="button"
                    id={`plan-item-${x.key}-up`}
                    className="button-secondary button-small"
                    disabled={k === 0}
                    onClick={() => move(k, -1)}
                  >
                    {t('followup.plan.up')}
                    <span className="visually-hidden">: {x.title}</span>
                  </button>
                  <button
                    type="button"
                    id={`plan-item-${x.key}-down`}
                    className="button-secondary button-small"
                    disabled={k === items.length - 1}
                    onClick={() => move(k, 1)}
                  >
                    {t('followup.plan.down')}
                    <span className="visually-hidden">: {x.title}</span>
                  </button>
                  <button
                    type="button"
                    className="button-secondary button-small"
                    onClick={() => setItems((list) => list.filter((_, i) => i !== k))}
                  >
                    {t('followup.plan.remove')}
                    <span className="visually-hidden">: {x.title}</span>
                  </button>
                </p>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="button-row">
        {!locked && (
          <button type="button" className="button-secondary" onClick={add}>
            {t('followup.plan.add')}
          </button>
        )}
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('followup.plan.save')}
        </button>
      </p>
    </form>
  );
}

/** Edit controls of a plan page, for people who may edit it (the plan's `mayEdit`). */
export function PlanEditing({ plan, onChanged }: { plan: Plan; onChanged: () => void }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [n, setN] = useState(0);
  if (!plan.mayEdit) return null;
  const saved = (text: string) => {
    setMessage(text);
    setN((x) => x + 1);
    onChanged();
  };
  return (
    <section aria-label={t('followup.plan.editing')} className="edit-panel">
      {message && (
        <Notice kind="success" live>
          <p>{message}</p>
        </Notice>
      )}
      <PlanItemsEditor
        key={`items-${plan.version}-${n}`}
        plan={plan}
        onSaved={() => saved(t('followup.plan.saved'))}
        onReload={onChanged}
      />
      <PlanTransitionForm
        key={`tr-${plan.version}-${n}`}
        plan={plan}
        onSaved={(p) => saved(t(`followup.planTransition.done.${p.state}`))}
        onReload={onChanged}
      />
    </section>
  );
}
