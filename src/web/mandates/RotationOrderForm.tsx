/**
 * Seed 001 says that chair and secretary rotate between the regions in two-year periods, but not
 * in which order nor from when: the healthcare region's coordinator (or an administrator) sets it
 * here, checked by the route's RotationOrderBody. A rotation that follows another (the
 * kunskapsråd "på samma sätt som i RSL") is set in the rule it follows.
 */
import { useForm } from 'react-hook-form';
import { RotationOrderBody } from '../../modules/mandates/schemas';
import { $api, invalidate, type ApiBody, type ApiResponse } from '../client';
import { SelectField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { bind, errorItems } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { asApiError, serverFieldErrors, useFormSummary } from '../people/people';

type Schedule = ApiResponse<'/groups/{id}/rotation'>['schedules'][number];
type Body = ApiBody<'/composition-rules/{id}/rotation-order', 'put'>;

interface Values {
  positions: string[];
  anchorDate: string;
}

const toBody = (v: Values, version: number): Body => ({
  regionOrder: v.positions.filter(Boolean),
  anchorDate: v.anchorDate,
  version,
});

export function RotationOrderForm({ schedule: s, onDone }: { schedule: Schedule; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (k: string) =>
    k === 'anchorDate' ? t('mandates.rotation.anchor') : k.startsWith('positions') ? t('mandates.rotation.orderLabel') : k;
  const form = useForm<Values>({
    resolver: (values, context, options) =>
      schemaResolver(RotationOrderBody, (v: Values) => toBody(v, s.orderRuleVersion), i18n.lang)(values, context, options),
    defaultValues: {
      positions: s.regionsToOrder.map((r, i) => s.regionOrder[i] ?? r.code),
      anchorDate: s.anchorDate ?? '',
    },
  });
  const put = $api.useMutation('put', '/composition-rules/{id}/rotation-order');
  const summary = useFormSummary();
  const id = `rotation-${s.ruleId}`;
  // The body's regionOrder is checked as a whole (every region once): its message stands under the positions.
  const orderError = (form.formState.errors as Record<string, { message?: string } | undefined>).regionOrder?.message;
  const submit = form.handleSubmit(
    async (v) => {
      try {
        await put.mutateAsync({ params: { path: { id: s.orderRuleId } }, body: toBody(v, s.orderRuleVersion) });
        summary.clear();
        void invalidate('/composition-rules');
        onDone();
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, id, label).items);
      }
    },
    (errors) => summary.showText(t('form.fixErrors'), errorItems(errors, id, label)),
  );
  return (
    <div className="panel">
      <h3 id={`${id}-heading`}>{t('mandates.rotation.orderHeading')}</h3>
      <p>{t(s.orderRuleId === s.ruleId ? 'mandates.rotation.orderHelp' : 'mandates.rotation.orderHelpFollows')}</p>
      <form className="form" aria-labelledby={`${id}-heading`} onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        {s.regionsToOrder.map((_, i) => (
          <SelectField
            key={i}
            id={`${id}-position-${i}`}
            label={t('mandates.rotation.position', { n: i + 1 })}
            {...bind(form, `positions.${i}` as 'positions.0')}
          >
            {s.regionsToOrder.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </SelectField>
        ))}
        {orderError && (
          <p className="field-error" id={`${id}-regionOrder-error`}>
            {orderError}
          </p>
        )}
        <TextField id={`${id}-anchorDate`} label={t('mandates.rotation.anchor')} type="date" {...bind(form, 'anchorDate')} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('mandates.rotation.save')}
        </button>
      </form>
    </div>
  );
}
