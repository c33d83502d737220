/** The coordinator routes the answer: the LPOs/LSGs concerned (one leads) and the forums. */
import { useState, type FormEvent } from 'react';
import { $api, call, client } from '../client';
import { CheckboxGroup, SelectField } from '../components/Fields';
import { useT } from '../i18n';
import type { Answer } from './model';
import { SubmitError, useSubmit } from './shared';

const WORKING = new Set(['program-area', 'collaboration-group', 'working-group']);
const DECIDING = new Set(['council', 'forum', 'steering-group', 'political-body']);

export function RoutingForm({ answer, onDone }: { answer: Answer; onDone: () => void }) {
  const t = useT();
  const groups = $api.useQuery('get', '/groups', { params: { query: { owner: answer.region, limit: 500 } } });
  const [chosen, setChosen] = useState<string[]>(answer.groups.map((g) => g.id));
  const [lead, setLead] = useState(answer.leadGroupId ?? '');
  const [beredning, setBeredning] = useState(answer.beredningGroup?.id ?? '');
  const [decision, setDecision] = useState(answer.decisionGroup?.id ?? '');
  const submit = useSubmit();
  const working = (groups.data?.items ?? []).filter((g) => WORKING.has(g.kind));
  const deciding = (groups.data?.items ?? []).filter((g) => DECIDING.has(g.kind));

  async function save(e: FormEvent) {
    e.preventDefault();
    const ok = await submit.run(async () => {
      await call(
        client.POST('/consultation-answers/{id}/routing', {
          params: { path: { id: answer.id } },
          body: {
            groupIds: chosen,
            leadGroupId: lead || chosen[0] || '',
            beredningGroupId: beredning || null,
            decisionGroupId: decision || null,
            version: answer.version,
          },
        }),
      );
    });
    if (ok) onDone();
  }

  return (
    <form className="form panel" onSubmit={(e) => void save(e)} aria-labelledby="routing-heading">
      <h2 id="routing-heading">{t('consultations.routing.heading')}</h2>
      <p className="hint">{t('consultations.routing.lead')}</p>
      <SubmitError error={submit.error} />
      <CheckboxGroup
        id="routing-groups"
        legend={t('consultations.routing.groups')}
        options={working.map((g) => ({ value: g.id, label: g.name }))}
        value={chosen}
        onChange={setChosen}
      />
      <SelectField id="routing-lead" label={t('consultations.routing.leadGroup')} value={lead} onChange={setLead}>
        <option value="">{t('consultations.routing.chooseLead')}</option>
        {working
          .filter((g) => chosen.includes(g.id))
          .map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
      </SelectField>
      <SelectField
        id="routing-beredning"
        label={t('consultations.field.beredningGroup')}
        value={beredning}
        onChange={setBeredning}
      >
        <option value="">{t('consultations.none')}</option>
        {deciding.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <SelectField id="routing-decision" label={t('consultations.field.decisionGroup')} value={decision} onChange={setDecision}>
        <option value="">{t('consultations.none')}</option>
        {deciding.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={submit.busy}>
        {t('consultations.routing.save')}
      </button>
    </form>
  );
}
