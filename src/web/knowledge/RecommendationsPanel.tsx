import { useForm } from 'react-hook-form';
import { CreateRecommendationBody } from '../../modules/knowledge/schemas';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { FormTextField } from '../components/FormFields';
import { bind } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { gradeLabel, type KnowledgeSupport, type SupportDetail } from './knowledge';
import { afterWrite } from './support-mutations';

const GUIDELINES = 'nationella-riktlinjer';
const GRADES = ['prioritet', 'icke-gora', 'fou'] as const;
type Grade = (typeof GRADES)[number];

/** The national guidelines' recommendations (priority 1–10, icke-göra, FoU). */
export function RecommendationsPanel({
  support: s,
  recommendations,
  mayEdit,
  onDone,
}: {
  support: KnowledgeSupport;
  recommendations: SupportDetail['recommendations'];
  mayEdit: boolean;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const none = t('knowledge.noValue');
  const guidelines = s.type === GUIDELINES;
  if (!guidelines && recommendations.length === 0) return null;
  return (
    <section aria-labelledby="recs-heading">
      <h2 id="recs-heading">{t('knowledge.recommendations.heading')}</h2>
      {recommendations.length === 0 ? (
        <p>{t('knowledge.recommendations.none')}</p>
      ) : (
        <TableScroll labelledBy="recs-caption">
          <table>
            <caption id="recs-caption">{t('knowledge.recommendations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('knowledge.recommendations.code')}</th>
                <th scope="col">{t('knowledge.recommendations.condition')}</th>
                <th scope="col">{t('knowledge.recommendations.measure')}</th>
                <th scope="col">{t('knowledge.recommendations.grade')}</th>
              </tr>
            </thead>
            <tbody>
              {recommendations.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.code ?? none}</th>
                  <td>{r.condition}</td>
                  <td>{r.measure}</td>
                  <td>{r.grade === 'prioritet' ? String(r.priority) : gradeLabel(i18n, r.grade)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {mayEdit && guidelines && <RecommendationForm supportId={s.id} onDone={onDone} />}
    </section>
  );
}

interface RecommendationValues {
  code: string;
  condition: string;
  measure: string;
  grade: Grade;
  priority: string;
}

const toRecommendationBody = (v: RecommendationValues) => ({
  code: v.code.trim() || null,
  condition: v.condition.trim(),
  measure: v.measure.trim(),
  grade: v.grade,
  priority: v.grade === 'prioritet' ? Number(v.priority) : null,
});

function RecommendationForm({ supportId, onDone }: { supportId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useForm<RecommendationValues>({
    resolver: schemaResolver(CreateRecommendationBody, toRecommendationBody),
    defaultValues: { code: '', condition: '', measure: '', grade: 'prioritet', priority: '5' },
  });
  const create = $api.useMutation('post', '/knowledge-supports/{id}/recommendations', afterWrite(onDone));
  const submit = form.handleSubmit(async (v) => {
    try {
      await create.mutateAsync({ params: { path: { id: supportId } }, body: toRecommendationBody(v) });
    } catch (err) {
      applyServerErrors(err, form.setError);
    }
  });
  const field = (name: 'code' | 'condition' | 'measure') => (
    <FormTextField control={form.control} name={name} id={`rec-${name}`} label={t(`knowledge.recommendations.${name}`)} />
  );
  return (
    <details className="panel">
      <summary>{t('knowledge.recommendations.add')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)}>
        {create.error && <ErrorAlert error={create.error} />}
        {field('code')}
        {field('condition')}
        {field('measure')}
        <SelectField id="rec-grade" label={t('knowledge.recommendations.grade')} {...bind(form, 'grade')}>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {gradeLabel(i18n, g)}
            </option>
          ))}
        </SelectField>
        {form.watch('grade') === 'prioritet' && (
          <FormTextField
            control={form.control}
            name="priority"
            id="rec-priority"
            type="number"
            min={1}
            max={10}
            label={t('knowledge.recommendations.priority')}
          />
        )}
        <button type="submit" disabled={create.isPending}>
          {t('knowledge.recommendations.add')}
        </button>
      </form>
    </details>
  );
}
