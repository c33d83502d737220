import { useState } from 'react';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
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

function RecommendationForm({ supportId, onDone }: { supportId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [v, setV] = useState({ code: '', condition: '', measure: '', grade: 'prioritet' as Grade, priority: '5' });
  const create = $api.useMutation('post', '/knowledge-supports/{id}/recommendations', afterWrite(onDone));
  const set = (k: keyof typeof v) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  return (
    <details className="panel">
      <summary>{t('knowledge.recommendations.add')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void create
            .mutateAsync({
              params: { path: { id: supportId } },
              body: {
                code: v.code.trim() || null,
                condition: v.condition.trim(),
                measure: v.measure.trim(),
                grade: v.grade,
                priority: v.grade === 'prioritet' ? Number(v.priority) : null,
              },
            })
            .catch(() => undefined);
        }}
      >
        {create.error && <ErrorAlert error={create.error} />}
        <TextField id="rec-code" label={t('knowledge.recommendations.code')} value={v.code} onChange={set('code')} />
        <TextField
          id="rec-condition"
          label={t('knowledge.recommendations.condition')}
          value={v.condition}
          onChange={set('condition')}
        />
        <TextField id="rec-measure" label={t('knowledge.recommendations.measure')} value={v.measure} onChange={set('measure')} />
        <SelectField id="rec-grade" label={t('knowledge.recommendations.grade')} value={v.grade} onChange={set('grade')}>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {gradeLabel(i18n, g)}
            </option>
          ))}
        </SelectField>
        {v.grade === 'prioritet' && (
          <TextField
            id="rec-priority"
            type="number"
            min={1}
            max={10}
            label={t('knowledge.recommendations.priority')}
            value={v.priority}
            onChange={set('priority')}
          />
        )}
        <button type="submit" disabled={create.isPending}>
          {t('knowledge.recommendations.add')}
        </button>
      </form>
    </details>
  );
}
