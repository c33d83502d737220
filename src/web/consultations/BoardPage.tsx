/**
 * A region's board for its coordinator: every open round and the region's answers, with the
 * answer's state and next milestone, late ones first and marked; registering a round from
 * here; and the region's milestone offsets and default forums.
 */
import { useForm } from 'react-hook-form';
import { SettingsBody } from '../../modules/consultation/schemas';
import { Link, navigate } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { FormSelectField } from '../components/FormChoiceFields';
import { FormTextField } from '../components/FormFields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { $api, call, client, invalidate } from '../client';
import { useI18n, useT } from '../i18n';
import { answerPath, CONSULTATIONS_PATH, type Settings } from './model';
import { MilestoneText, StatusBadge, trackLabel } from './shared';
import { schemaResolver } from '../forms';
import { MailboxPanel } from './MailboxPanel';
import { SubmitError, useFormSubmit, useSubmit } from '../form-submit';

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
      {board.data && <MailboxPanel region={code} rounds={board.data.items.map((x) => x.round)} />}
      {board.data && <SettingsForm region={code} groups={board.data.groups.filter((g) => DECIDING.has(g.kind))} />}
    </Page>
  );
}

type SettingsValues = {
  surveyClosesDays: string;
  draftReadyDays: string;
  beredningDays: string;
  decisionDays: string;
  beredningGroupId: string;
  decisionGroupId: string;
};
const DAY_FIELDS = [
  ['surveyClosesDays', 's-survey', 'survey-closes'],
  ['draftReadyDays', 's-draft', 'draft-ready'],
  ['beredningDays', 's-beredning', 'beredning'],
  ['decisionDays', 's-decision', 'decision'],
] as const;

const toValues = (s: Settings): SettingsValues => ({
  surveyClosesDays: String(s.surveyClosesDays),
  draftReadyDays: String(s.draftReadyDays),
  beredningDays: String(s.beredningDays),
  decisionDays: String(s.decisionDays),
  beredningGroupId: s.beredningGroupId ?? '',
  decisionGroupId: s.decisionGroupId ?? '',
});

/** A day count as typed: a whole number goes as a number, anything else as text the schema refuses. */
const days = (v: string): number => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : (v as unknown as number));

/** The region's milestone offsets and default forums, checked by the route's SettingsBody. */
function SettingsForm({ region, groups }: { region: string; groups: { id: string; name: string }[] }) {
  const t = useT();
  const { lang } = useI18n();
  const settings = $api.useQuery('get', '/consultation-settings/{region}', { params: { path: { region } } });
  const save = $api.useMutation('put', '/consultation-settings/{region}', {
    onSuccess: () => invalidate('/consultation-settings/'),
  });
  const version = settings.data?.version ?? 0;
  const toBody = (v: SettingsValues) => ({
    surveyClosesDays: days(v.surveyClosesDays),
    draftReadyDays: days(v.draftReadyDays),
    beredningDays: days(v.beredningDays),
    decisionDays: days(v.decisionDays),
    beredningGroupId: v.beredningGroupId || null,
    decisionGroupId: v.decisionGroupId || null,
    version,
  });
  const form = useForm<SettingsValues>({
    resolver: schemaResolver(SettingsBody, toBody, lang),
    ...(settings.data ? { values: toValues(settings.data) } : {}),
  });
  const submit = useFormSubmit(form, (v) => save.mutateAsync({ params: { path: { region } }, body: toBody(v) }));
  if (!settings.data) return null;
  const disabled = !settings.data.mayEdit;
  return (
    <form className="form panel" noValidate onSubmit={submit} aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('consultations.settings.heading')}</h2>
      <p className="hint">{t('consultations.settings.lead')}</p>
      <SubmitError error={save.error} />
      {save.isSuccess && !form.formState.isDirty && (
        <Notice kind="success" live>
          {t('consultations.settings.saved')}
        </Notice>
      )}
      <div className="filter-grid">
        {DAY_FIELDS.map(([name, id, milestone]) => (
          <FormTextField
            key={name}
            control={form.control}
            name={name}
            id={id}
            type="number"
            min={0}
            label={t(`consultations.milestone.${milestone}`)}
            disabled={disabled}
          />
        ))}
      </div>
      {(['beredningGroupId', 'decisionGroupId'] as const).map((name) => (
        <FormSelectField
          key={name}
          control={form.control}
          name={name}
          id={name === 'beredningGroupId' ? 's-beredning-group' : 's-decision-group'}
          label={t(`consultations.field.${name === 'beredningGroupId' ? 'beredningGroup' : 'decisionGroup'}`)}
          disabled={disabled}
        >
          <option value="">{t('consultations.none')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </FormSelectField>
      ))}
      {!disabled && (
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('consultations.settings.save')}
        </button>
      )}
    </form>
  );
}
