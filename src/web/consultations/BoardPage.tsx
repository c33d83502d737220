/**
 * A region's board for its coordinator: every open round and the region's answers, with the
 * answer's state and next milestone, late ones first and marked; registering a round from
 * here; and the region's milestone offsets and default forums.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, navigate } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { $api, call, client } from '../client';
import { useI18n, useT } from '../i18n';
import { answerPath, CONSULTATIONS_PATH, type Settings } from './model';
import { MilestoneText, StatusBadge, SubmitError, trackLabel, useSubmit } from './shared';

const DECIDING = new Set(['council', 'forum', 'steering-group', 'political-body']);

export function BoardPage({ code }: { code: string }) {
  const t = useT();
  return (
    <RequireUser title={t('consultations.board.title')} crumbs={[{ to: CONSULTATIONS_PATH, label: t('area.consultations') }]}>
      <BoardView code={code} />
    </RequireUser>
  );
}

function BoardView({ code }: { code: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  // Read again whenever the board is shown (an answer registered or moved elsewhere changes it).
  const board = $api.useQuery('get', '/consultation-board', { params: { query: { region: code } } }, { staleTime: 0 });
  const submit = useSubmit();
  const title = board.data
    ? t('consultations.board.titleFor', { region: board.data.regionName })
    : t('consultations.board.title');

  async function register(roundId: string) {
    await submit.run(async () => {
      const a = await call(client.POST('/consultation-answers', { body: { roundId, region: code } }));
      // The answer page loads the new answer; the board is read again when it is next shown.
      navigate(answerPath(a.id));
    });
  }

  return (
    <Page
      title={title}
      crumbs={[{ to: CONSULTATIONS_PATH, label: t('area.consultations') }]}
      lead={<p>{t('consultations.board.lead')}</p>}
    >
      {board.error && <ErrorAlert error={board.error} />}
      {board.isPending && <Loading />}
      <SubmitError error={submit.error} />
      {board.data && board.data.items.length === 0 && <p>{t('consultations.board.empty')}</p>}
      {board.data && board.data.items.length > 0 && (
        <TableScroll labelledBy="board-caption">
          <table>
            <caption id="board-caption">{t('consultations.board.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultations.field.round')}</th>
                <th scope="col">{t('consultations.field.closes')}</th>
                <th scope="col">{t('consultations.field.caseNumber')}</th>
                <th scope="col">{t('consultations.field.status')}</th>
                <th scope="col">{t('consultations.field.nextMilestone')}</th>
              </tr>
            </thead>
            <tbody>
              {board.data.items.map(({ round, answer }) => (
                <tr key={round.id}>
                  <th scope="row">
                    {answer ? <Link to={answerPath(answer.id)}>{round.title}</Link> : round.title}
                    <div className="muted">{trackLabel(i18n, round.track)}</div>
                  </th>
                  <td className="nowrap">{formatDate(round.closesOn)}</td>
                  <td className="nowrap mono">{answer?.caseNumber ?? ''}</td>
                  <td>
                    {answer ? (
                      <StatusBadge status={answer.status} />
                    ) : board.data?.mayRegister ? (
                      <button
                        type="button"
                        className="button-small"
                        disabled={submit.busy}
                        onClick={() => void register(round.id)}
                      >
                        {t('consultations.board.register', { title: round.title })}
                      </button>
                    ) : (
                      <StatusBadge status={null} />
                    )}
                  </td>
                  <td>{answer ? <MilestoneText m={answer.nextMilestone} /> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {board.data && <SettingsForm region={code} groups={board.data.groups.filter((g) => DECIDING.has(g.kind))} />}
    </Page>
  );
}

function SettingsForm({ region, groups }: { region: string; groups: { id: string; name: string }[] }) {
  const t = useT();
  const settings = $api.useQuery('get', '/consultation-settings/{region}', { params: { path: { region } } });
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  if (!draft) return null;
  const num = (k: 'surveyClosesDays' | 'draftReadyDays' | 'beredningDays' | 'decisionDays') => (v: string) =>
    setDraft({ ...draft, [k]: Number.parseInt(v || '0', 10) });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setSaved(false);
    const ok = await submit.run(async () => {
      const { region: _r, mayEdit: _m, ...body } = draft;
      void _r;
      void _m;
      const stored = await call(client.PUT('/consultation-settings/{region}', { params: { path: { region } }, body }));
      setDraft({ ...stored, mayEdit: true });
    });
    setSaved(ok);
  }

  const disabled = !draft.mayEdit;
  return (
    <form className="form panel" onSubmit={(e) => void save(e)} aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('consultations.settings.heading')}</h2>
      <p className="hint">{t('consultations.settings.lead')}</p>
      <SubmitError error={submit.error} />
      {saved && (
        <Notice kind="success" live>
          {t('consultations.settings.saved')}
        </Notice>
      )}
      <div className="filter-grid">
        <TextField
          id="s-survey"
          type="number"
          min={0}
          label={t('consultations.milestone.survey-closes')}
          value={String(draft.surveyClosesDays)}
          onChange={num('surveyClosesDays')}
          disabled={disabled}
        />
        <TextField
          id="s-draft"
          type="number"
          min={0}
          label={t('consultations.milestone.draft-ready')}
          value={String(draft.draftReadyDays)}
          onChange={num('draftReadyDays')}
          disabled={disabled}
        />
        <TextField
          id="s-beredning"
          type="number"
          min={0}
          label={t('consultations.milestone.beredning')}
          value={String(draft.beredningDays)}
          onChange={num('beredningDays')}
          disabled={disabled}
        />
        <TextField
          id="s-decision"
          type="number"
          min={0}
          label={t('consultations.milestone.decision')}
          value={String(draft.decisionDays)}
          onChange={num('decisionDays')}
          disabled={disabled}
        />
      </div>
      <SelectField
        id="s-beredning-group"
        label={t('consultations.field.beredningGroup')}
        value={draft.beredningGroupId ?? ''}
        onChange={(v) => setDraft({ ...draft, beredningGroupId: v || null })}
        disabled={disabled}
      >
        <option value="">{t('consultations.none')}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="s-decision-group"
        label={t('consultations.field.decisionGroup')}
        value={draft.decisionGroupId ?? ''}
        onChange={(v) => setDraft({ ...draft, decisionGroupId: v || null })}
        disabled={disabled}
      >
        <option value="">{t('consultations.none')}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      {!disabled && (
        <button type="submit" disabled={submit.busy}>
          {t('consultations.settings.save')}
        </button>
      )}
    </form>
  );
}
