/** A forum's cadence rule and standing items: shown to readers, edited by the secretary. */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { SettingsBody } from '../../modules/meetings/schemas';
import { asApiError } from '../api';
import { $api, invalidate } from '../client';
import { ErrorAlert, Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { SubmitError, useFocusReturn } from '../form-submit';
import { useI18n } from '../i18n';
import { bindLive, focusFirst } from './meeting-submit';
import type { ForumSettings } from './meetings';

const WEEKDAYS = [1, 2, 3, 4, 5];

export function SettingsPanel({ id, manage }: { id: string; manage: boolean }) {
  const { t } = useI18n();
  const settings = $api.useQuery('get', '/forums/{id}/meeting-settings', { params: { path: { id } } });
  const s = settings.data;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('meetings.settings.heading')}</h2>
      {settings.error && <ErrorAlert error={settings.error} />}
      {s && !manage && (
        <p>
          {t('meetings.settings.summary', {
            min: s.minWeeks,
            max: s.maxWeeks,
            weekday: t(`meetings.weekday.${s.weekday}` as 'meetings.weekday.1'),
            breaks: s.blackouts.map((b) => `${b.from}–${b.to}`).join(', ') || '–',
          })}
        </p>
      )}
      {s && manage && <SettingsForm id={id} settings={s} />}
    </section>
  );
}

interface SettingsValues {
  minWeeks: string;
  maxWeeks: string;
  weekday: string;
  startTime: string;
  endTime: string;
  defaultPlace: string;
  blackouts: string;
  standingItems: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The form's text as the body the API takes: numbers, one break "MM-DD–MM-DD" and one standing item per line. */
const toBody = (version: number) => (v: SettingsValues) => ({
  minWeeks: Number(v.minWeeks),
  maxWeeks: Number(v.maxWeeks),
  weekday: Number(v.weekday),
  startTime: v.startTime,
  endTime: v.endTime,
  defaultPlace: v.defaultPlace.trim() || null,
  blackouts: lines(v.blackouts).map((l) => {
    const [from = '', to = ''] = l.split(/\s*[–-]\s*(?=\d{2}-\d{2}$)/);
    return { from, to };
  }),
  standingItems: lines(v.standingItems),
  version,
});

/** The settings as the form's text. */
const toValues = (s: ForumSettings): SettingsValues => ({
  minWeeks: String(s.minWeeks),
  maxWeeks: String(s.maxWeeks),
  weekday: String(s.weekday),
  startTime: s.startTime,
  endTime: s.endTime,
  defaultPlace: s.defaultPlace ?? '',
  blackouts: s.blackouts.map((b) => `${b.from}–${b.to}`).join('\n'),
  standingItems: s.standingItems.join('\n'),
});

/** The fields' ids in the form's order, for focus on the first wrong one. */
const IDS = {
  minWeeks: 'settings-min',
  maxWeeks: 'settings-max',
  weekday: 'settings-weekday',
  startTime: 'settings-start',
  endTime: 'settings-end',
  defaultPlace: 'settings-place',
  blackouts: 'settings-breaks',
  standingItems: 'settings-standing',
};

/**
 * The secretary's form. It stays on the page after a save (focus returns to the button) and
 * takes the saved settings, with their new version, when the refetch brings them.
 */
function SettingsForm({ id, settings }: { id: string; settings: ForumSettings }) {
  const { t, lang } = useI18n();
  const form = useForm<SettingsValues>({
    resolver: (values, context, options) =>
      schemaResolver(SettingsBody, toBody(settings.version), lang)(values, context, options),
    defaultValues: toValues(settings),
  });
  useEffect(() => form.reset(toValues(settings)), [form, settings]);
  const save = $api.useMutation('put', '/forums/{id}/meeting-settings', {
    // the settings, and the proposal and meeting list made from them
    onSuccess: () => invalidate('/forums/'),
  });
  const [saved, setSaved] = useState(false);
  const rememberFocus = useFocusReturn(form.formState.isSubmitting);
  const focus = focusFirst(IDS);
  const submit = form.handleSubmit(async (v) => {
    setSaved(false);
    try {
      await save.mutateAsync({ params: { path: { id } }, body: toBody(settings.version)(v) });
      setSaved(true);
    } catch (err) {
      if (applyServerErrors(err, form.setError)) focus(Object.fromEntries(asApiError(err).errors.map((f) => [f.path, true])));
    }
  }, focus);
  // An error about one break or one standing item ("blackouts/1/from") is shown at its text area.
  const errors = form.formState.errors as Record<string, unknown>;
  const listError = (name: 'blackouts' | 'standingItems') =>
    firstMessage(errors[name]) ??
    firstMessage(Object.entries(errors).find(([k]) => k.replace(/^\//, '').startsWith(`${name}`))?.[1]);
  const field = (name: keyof SettingsValues) => bindLive(form, name);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        rememberFocus();
        void submit(e);
      }}
    >
      <SubmitError error={save.error} />
      {saved && !save.error && (
        <Notice kind="success" live>
          <p>{t('meetings.settings.saved')}</p>
        </Notice>
      )}
      <div className="filter-grid">
        <TextField
          id="settings-min"
          type="number"
          min={1}
          max={26}
          label={t('meetings.settings.minWeeks')}
          {...field('minWeeks')}
        />
        <TextField
          id="settings-max"
          type="number"
          min={1}
          max={26}
          label={t('meetings.settings.maxWeeks')}
          {...field('maxWeeks')}
        />
        <SelectField
          id="settings-weekday"
          label={t('meetings.settings.weekday')}
          {...field('weekday')}
          options={WEEKDAYS.map((d) => ({ value: String(d), label: t(`meetings.weekday.${d}` as 'meetings.weekday.1') }))}
        />
        <TextField id="settings-start" type="time" label={t('meetings.settings.startTime')} {...field('startTime')} />
        <TextField id="settings-end" type="time" label={t('meetings.settings.endTime')} {...field('endTime')} />
        <TextField id="settings-place" label={t('meetings.settings.place')} {...field('defaultPlace')} />
      </div>
      <TextAreaField
        id="settings-breaks"
        label={t('meetings.settings.breaks')}
        hint={t('meetings.settings.breaksHint')}
        {...field('blackouts')}
        error={listError('blackouts')}
        rows={3}
      />
      <TextAreaField
        id="settings-standing"
        label={t('meetings.settings.standing')}
        hint={t('meetings.settings.standingHint')}
        {...field('standingItems')}
        error={listError('standingItems')}
        rows={3}
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('meetings.settings.save')}
      </button>
    </form>
  );
}

/** The first message in a react-hook-form error, however deep (a list's item errors nest). */
function firstMessage(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const m = (e as { message?: unknown }).message;
  if (typeof m === 'string') return m;
  for (const [k, v] of Object.entries(e)) {
    if (k === 'ref') continue; // the field's element
    const found = firstMessage(v);
    if (found) return found;
  }
  return undefined;
}
