/**
 * Defining an indicator, or changing one: a region's (or healthcare region's, or municipality's)
 * own indicators are written by the people the policy names for that owner; national ones by the
 * national roles. The owners offered are the server's `writableOwners`; what may change on an
 * existing indicator is its `allowedActions` (`edit` the definition, `set-targets` the target and
 * alert levels and the goal it measures). The form checks the body against the route's schema
 * before sending, and a change sends only what changed, with the version it was read at.
 */
import { useForm } from 'react-hook-form';
import { CreateIndicatorBody, UpdateIndicatorBody } from '../../modules/indicators/indicator-schemas';
import { navigate } from '../app/router';
import { $api, invalidate, type ApiBody, type ApiResponse } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { FormSelectField } from '../components/FormChoiceFields';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { orNull, withChecks } from '../components/form-fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useAsync } from '../components/useAsync';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { loadAllMunicipalities, loadHealthcareRegions, loadRegions } from '../organisation/reference';
import { FOLLOWUP_PATH, indicatorHref } from './FollowupHomePage';
import { FORM_OPTIONS, FormProblem, useFormProblem, useProblemSubmit } from './form';
import type { GoalNode } from './types';

export const NEW_INDICATOR_PATH = `${FOLLOWUP_PATH}/indikatorer/ny`;
export const editIndicatorHref = (id: string) => `${indicatorHref(id)}/andra`;

type Detail = ApiResponse<'/indicators/{id}'>;
const DIRECTIONS = ['higher', 'lower'] as const;
const PERIODICITIES = ['month', 'quarter', 'half-year', 'year'] as const;
/** The sources a person defines by hand; Kolada's and the quality indicators' come from their connectors. */
const OWN_SOURCES = ['own-measurement', 'quality-register', 'waiting-time-database', 'patient-survey'] as const;

interface Values {
  owner: string;
  code: string;
  name: string;
  definition: string;
  unit: string;
  direction: string;
  periodicity: string;
  source: string;
  sourceName: string;
  goalId: string;
  targetValue: string;
  alertValue: string;
}

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.replace(',', '.').trim()));
const flatten = (nodes: GoalNode[]): GoalNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

export function IndicatorFormPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const title = id ? t('followup.indicatorForm.editTitle') : t('followup.indicatorForm.newTitle');
  return (
    <RequireUser title={title} crumbs={[{ to: FOLLOWUP_PATH, label: t('followup.home.title') }]}>
      <IndicatorFormView id={id} />
    </RequireUser>
  );
}

function IndicatorFormView({ id }: { id?: string }) {
  const { t } = useI18n();
  const list = $api.useQuery('get', '/indicators');
  const goals = $api.useQuery('get', '/goals');
  const detail = $api.useQuery('get', '/indicators/{id}', { params: { path: { id: id ?? '' } } }, { enabled: !!id });
  const names = useAsync(async () => {
    const [regions, hrs, municipalities] = await Promise.all([loadRegions(), loadHealthcareRegions(), loadAllMunicipalities()]);
    return new Map<string, string>([
      ...hrs.map((h) => [h.id, h.name] as const),
      ...regions.map((r) => [r.code, r.name] as const),
      ...municipalities.map((m) => [m.code, m.name] as const),
    ]);
  }, []);
  const error = list.error ?? goals.error ?? detail.error ?? names.error;
  const ready = list.data && goals.data && names.data && (!id || detail.data);
  const title = id
    ? t('followup.indicatorForm.editHeading', { name: detail.data?.name ?? '' })
    : t('followup.indicatorForm.newTitle');
  const crumbs = [
    { to: FOLLOWUP_PATH, label: t('followup.home.title') },
    ...(id && detail.data ? [{ to: indicatorHref(id), label: detail.data.name }] : []),
  ];
  return (
    <Page title={title} crumbs={crumbs} lead={<p>{t('followup.indicatorForm.lead')}</p>}>
      {error && <ErrorAlert error={error} />}
      {!ready && !error && <Loading />}
      {ready && (
        <IndicatorForm
          writableOwners={list.data.writableOwners}
          ownerName={(o) => (o === 'national' ? t('followup.indicator.owner.national') : (names.data?.get(o) ?? o))}
          goals={flatten(goals.data.items)}
          {...(detail.data ? { indicator: detail.data } : {})}
          onReload={() => void detail.refetch()}
        />
      )}
    </Page>
  );
}

function IndicatorForm({
  writableOwners,
  ownerName,
  goals,
  indicator,
  onReload,
}: {
  writableOwners: string[];
  ownerName: (owner: string) => string;
  goals: GoalNode[];
  indicator?: Detail;
  onReload: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (k: string) => i18n.tMaybe(`followup.indicatorForm.field.${k}`) ?? k;
  const problem = useFormProblem('indicator', label);
  const mayEdit = !indicator || indicator.allowedActions.includes('edit');
  const maySetTargets = !indicator || indicator.allowedActions.includes('set-targets');

  const postBody = (v: Values): ApiBody<'/indicators', 'post'> => ({
    owner: v.owner,
    code: v.code.trim(),
    name: v.name.trim(),
    definition: v.definition.trim(),
    unit: v.unit.trim(),
    direction: v.direction as (typeof DIRECTIONS)[number],
    periodicity: v.periodicity as (typeof PERIODICITIES)[number],
    source: v.source as (typeof OWN_SOURCES)[number],
    sourceName: orNull(v.sourceName),
    goalId: v.goalId || null,
    targetValue: num(v.targetValue),
    alertValue: num(v.alertValue),
  });
  // A change sends only what changed, and only what the person may change.
  const patchBody = (v: Values): ApiBody<'/indicators/{id}', 'patch'> => {
    const body: ApiBody<'/indicators/{id}', 'patch'> = {};
    if (!indicator) return body;
    const all = postBody(v);
    if (mayEdit) {
      for (const k of ['name', 'definition', 'unit', 'direction', 'source', 'sourceName'] as const) {
        if (all[k] !== indicator[k]) Object.assign(body, { [k]: all[k] });
      }
    }
    if (maySetTargets) {
      for (const k of ['goalId', 'targetValue', 'alertValue'] as const) {
        if (all[k] !== indicator[k]) Object.assign(body, { [k]: all[k] });
      }
    }
    return body;
  };
  const form = useForm<Values>({
    ...FORM_OPTIONS,
    resolver: withChecks(
      indicator ? schemaResolver(UpdateIndicatorBody, patchBody) : schemaResolver(CreateIndicatorBody, postBody),
      (v) => ({
        targetValue: Number.isNaN(num(v.targetValue)) && t('followup.indicatorForm.notANumber'),
        alertValue: Number.isNaN(num(v.alertValue)) && t('followup.indicatorForm.notANumber'),
      }),
    ),
    defaultValues: {
      owner: indicator?.owner ?? writableOwners[0] ?? '',
      code: indicator?.code ?? '',
      name: indicator?.name ?? '',
      definition: indicator?.definition ?? '',
      unit: indicator?.unit ?? '',
      direction: indicator?.direction ?? 'higher',
      periodicity: indicator?.periodicity ?? 'year',
      source: indicator?.source ?? 'own-measurement',
      sourceName: indicator?.sourceName ?? '',
      goalId: indicator?.goalId ?? '',
      targetValue: indicator?.targetValue === null || indicator?.targetValue === undefined ? '' : String(indicator.targetValue),
      alertValue: indicator?.alertValue === null || indicator?.alertValue === undefined ? '' : String(indicator.alertValue),
    },
  });
  const create = $api.useMutation('post', '/indicators');
  const update = $api.useMutation('patch', '/indicators/{id}');
  const submit = useProblemSubmit(form, problem, async (v) => {
    if (indicator) {
      await update.mutateAsync({
        params: { path: { id: indicator.id } },
        body: patchBody(v),
        headers: { 'If-Match': `"${indicator.version}"` },
      });
      void invalidate('/indicators');
      navigate(indicatorHref(indicator.id));
    } else {
      const created = await create.mutateAsync({ body: postBody(v) });
      void invalidate('/indicators');
      navigate(indicatorHref(created.id));
    }
  });
  // Any goal may be chosen; one that is not the owner's own or above it is refused by the server
  // with a message at the field (a region's indicator cannot measure another region's goal).
  const goalChoices = goals;
  const sources = indicator && !(OWN_SOURCES as readonly string[]).includes(indicator.source) ? [indicator.source] : OWN_SOURCES;
  const c = form.control;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('followup.indicatorForm.formName')}>
      <FormProblem state={problem} onReload={onReload} />
      {!indicator ? (
        <FormSelectField control={c} name="owner" id="indicator-owner" label={label('owner')}>
          {writableOwners.map((o) => (
            <option key={o} value={o}>
              {ownerName(o)}
            </option>
          ))}
        </FormSelectField>
      ) : (
        <p>
          {t('followup.indicator.owner')}: {ownerName(indicator.owner)}
        </p>
      )}
      {!indicator && (
        <FormTextField
          control={c}
          name="code"
          id="indicator-code"
          label={label('code')}
          hint={t('followup.indicatorForm.codeHint')}
        />
      )}
      <fieldset disabled={!mayEdit}>
        <legend>{t('followup.indicatorForm.definition')}</legend>
        <FormTextField control={c} name="name" id="indicator-name" label={label('name')} />
        <FormTextAreaField control={c} name="definition" id="indicator-definition" label={label('definition')} rows={3} />
        <FormTextField
          control={c}
          name="unit"
          id="indicator-unit"
          label={label('unit')}
          hint={t('followup.indicatorForm.unitHint')}
        />
        <FormSelectField control={c} name="direction" id="indicator-direction" label={label('direction')}>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`followup.indicator.direction.${d}`)}
            </option>
          ))}
        </FormSelectField>
        {!indicator && (
          <FormSelectField control={c} name="periodicity" id="indicator-periodicity" label={label('periodicity')}>
            {PERIODICITIES.map((p) => (
              <option key={p} value={p}>
                {t(`followup.indicator.periodicity.${p}`)}
              </option>
            ))}
          </FormSelectField>
        )}
        <FormSelectField control={c} name="source" id="indicator-source" label={label('source')}>
          {sources.map((s) => (
            <option key={s} value={s}>
              {t(`followup.indicator.source.${s}`)}
            </option>
          ))}
        </FormSelectField>
        <FormTextField control={c} name="sourceName" id="indicator-sourceName" label={label('sourceName')} />
      </fieldset>
      <fieldset disabled={!maySetTargets}>
        <legend>{t('followup.indicatorForm.targets')}</legend>
        {!maySetTargets && <p className="hint">{t('followup.indicatorForm.targetsNotYours')}</p>}
        <FormSelectField control={c} name="goalId" id="indicator-goalId" label={label('goalId')}>
          <option value="">{t('followup.indicatorForm.noGoal')}</option>
          {goalChoices.map((g) => (
            <option key={g.id} value={g.id}>
              {g.kind === 'promise' ? `${t('followup.goal.promise')}: ` : ''}
              {g.title}
            </option>
          ))}
        </FormSelectField>
        <FormTextField
          control={c}
          name="targetValue"
          id="indicator-targetValue"
          label={label('targetValue')}
          inputMode="decimal"
        />
        <FormTextField control={c} name="alertValue" id="indicator-alertValue" label={label('alertValue')} inputMode="decimal" />
      </fieldset>
      <p className="button-row">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {indicator ? t('followup.indicatorForm.save') : t('followup.indicatorForm.create')}
        </button>
      </p>
    </form>
  );
}
