/** The coordinator routes the answer: the LPOs/LSGs concerned (one leads) and the forums. */
import { useForm } from 'react-hook-form';
import { RouteBody } from '../../modules/consultation/schemas';
import { asApiError } from '../api';
import { $api } from '../client';
import { CheckboxGroup, SelectField } from '../components/Fields';
import { bind } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { SubmitError, useFocusReturn } from '../form-submit';
import { useT } from '../i18n';
import { answerChanged, type Answer } from './model';

const WORKING = new Set(['program-area', 'collaboration-group', 'working-group']);
const DECIDING = new Set(['council', 'forum', 'steering-group', 'political-body']);

interface RoutingValues {
  groupIds: string[];
  leadGroupId: string;
  beredningGroupId: string;
  decisionGroupId: string;
}

export function RoutingForm({ answer, onDone }: { answer: Answer; onDone: () => void }) {
  const t = useT();
  const groups = $api.useQuery('get', '/groups', { params: { query: { owner: answer.region, limit: 500 } } });
  const toBody = (v: RoutingValues) => ({
    groupIds: v.groupIds,
    leadGroupId: v.leadGroupId || v.groupIds[0] || '',
    beredningGroupId: v.beredningGroupId || null,
    decisionGroupId: v.decisionGroupId || null,
    version: answer.version,
  });
  const form = useForm<RoutingValues>({
    resolver: schemaResolver(RouteBody, toBody),
    defaultValues: {
      groupIds: answer.groups.map((g) => g.id),
      leadGroupId: answer.leadGroupId ?? '',
      beredningGroupId: answer.beredningGroup?.id ?? '',
      decisionGroupId: answer.decisionGroup?.id ?? '',
    },
  });
  const route = $api.useMutation('post', '/consultation-answers/{id}/routing', { onSuccess: () => answerChanged() });
  const working = (groups.data?.items ?? []).filter((g) => WORKING.has(g.kind));
  const deciding = (groups.data?.items ?? []).filter((g) => DECIDING.has(g.kind));
  const chosen = form.watch('groupIds');

  const rememberFocus = useFocusReturn(form.formState.isSubmitting);
  const save = form.handleSubmit(async (v) => {
    try {
      await route.mutateAsync({ params: { path: { id: answer.id } }, body: toBody(v) });
      onDone();
    } catch (err) {
      applyServerErrors(err, form.setError);
    }
  });

  return (
    <form
      className="form panel"
      onSubmit={(e) => {
        rememberFocus();
        void save(e);
      }}
      aria-labelledby="routing-heading"
    >
      <h2 id="routing-heading">{t('consultations.routing.heading')}</h2>
      <p className="hint">{t('consultations.routing.lead')}</p>
      <SubmitError error={route.error ? asApiError(route.error) : undefined} />
      <CheckboxGroup
        id="routing-groups"
        legend={t('consultations.routing.groups')}
        options={working.map((g) => ({ value: g.id, label: g.name }))}
        value={chosen}
        onChange={(v) => form.setValue('groupIds', v, { shouldDirty: true })}
        error={form.formState.errors.groupIds?.message}
      />
      <SelectField id="routing-lead" label={t('consultations.routing.leadGroup')} {...bind(form, 'leadGroupId')}>
        <option value="">{t('consultations.routing.chooseLead')}</option>
        {working
          .filter((g) => chosen.includes(g.id))
          .map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
      </SelectField>
      <SelectField id="routing-beredning" label={t('consultations.field.beredningGroup')} {...bind(form, 'beredningGroupId')}>
        <option value="">{t('consultations.none')}</option>
        {deciding.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <SelectField id="routing-decision" label={t('consultations.field.decisionGroup')} {...bind(form, 'decisionGroupId')}>
        <option value="">{t('consultations.none')}</option>
        {deciding.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.routing.save')}
      </button>
    </form>
  );
}
