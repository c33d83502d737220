/**
 * The new round's form, started from the proposal: the track (the dates follow that track's
 * next window unless they are set by hand), the reason when the choice is off the proposal,
 * title, sender, document links and the recipients. The body is checked with the route's
 * schema (CreateRoundBody) before sending; the rules only the server knows (a reason is
 * needed, the calendar) come back in the error summary and on the fields.
 */
import { useEffect } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { CreateRoundBody } from '../../modules/consultation/rounds/schemas';
import { ApiError } from '../api';
import { $api, invalidate, type ApiBody, type ApiResponse } from '../client';
import { navigate } from '../app/router';
import { Checkbox, SelectField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { bind } from '../components/form-fields';
import { SenderField } from '../components/SenderField';
import { useAsync } from '../components/useAsync';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { loadHealthcareRegions } from '../organisation/reference';
import { asApiError, errorKey, serverFieldErrors, useFormSummary } from '../people/people';
import { DOC_KINDS, docLabel, supportHref, TRACKS, trackLabel } from './knowledge';
import { isCalendarTrack, type AnyTrack, type ROUND_TRACKS } from '../../shared/round-vocabulary';

type Track = NonNullable<ApiBody<'/consultation-rounds', 'post'>['track']>;
type CalendarTrack = (typeof ROUND_TRACKS)[number];
/** SKR's two tracks follow the national calendar; the other remiss processes (seed 002) take the dates a person enters. */
const onCalendar = (t: string) => isCalendarTrack(t as AnyTrack);
type RoundRecipient = NonNullable<ApiBody<'/consultation-rounds', 'post'>['recipients']>[number];
type DocKind = (typeof DOC_KINDS)[number];
type Proposal = ApiResponse<'/consultation-rounds/proposal'>;

interface RoundValues {
  track: string;
  opensOn: string;
  closesOn: string;
  datesOverride: boolean;
  overrideReason: string;
  title: string;
  sender: string;
  /** A link per kind of document; the body lists only those filled in. */
  documents: Record<DocKind, string>;
  recipients: 'regions' | 'healthcare-regions';
}

const filledKinds = (v: RoundValues) => DOC_KINDS.filter((k) => v.documents[k]?.trim());

/** 'documents.1.url' names the body's list of filled-in links: the form's field is 'documents.<kind>'. */
const docField = (path: string, kinds: readonly DocKind[]) =>
  path.replace(/^\/?documents[./](\d+)(?:[./].*)?$/, (all, i: string) => {
    const kind = kinds[Number(i)];
    return kind ? `documents.${kind}` : all;
  });

function documentErrorsOnFields(resolver: Resolver<RoundValues>): Resolver<RoundValues> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    if (Object.keys(result.errors).length === 0) return result;
    const kinds = filledKinds(values);
    const errors: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(result.errors)) errors[docField(k, kinds)] ??= e;
    return { values: {}, errors: errors as FieldErrors<RoundValues> };
  };
}

export function NewRoundForm({ versionId, proposal: p }: { versionId: string; proposal: Proposal }) {
  const i18n = useI18n();
  const { t } = i18n;
  const hrs = useAsync(() => loadHealthcareRegions(), []);
  const summary = useFormSummary();
  const toBody = (v: RoundValues) => {
    const documents = filledKinds(v).map((k) => ({ kind: k, title: docLabel(i18n, k), url: v.documents[k].trim() }));
    return {
      supportVersionId: versionId,
      track: v.track as Track,
      opensOn: v.opensOn,
      closesOn: v.closesOn,
      ...(v.datesOverride && onCalendar(v.track) ? { datesOverride: true } : {}),
      ...(v.overrideReason.trim() ? { overrideReason: v.overrideReason.trim() } : {}),
      ...(v.title.trim() ? { title: v.title.trim() } : {}),
      ...(v.sender.trim() ? { sender: v.sender.trim() } : {}),
      ...(documents.length ? { documents } : {}),
      ...(v.recipients === 'healthcare-regions' && hrs.data
        ? { recipients: hrs.data.map((h): RoundRecipient => ({ type: 'healthcare-region', id: h.id })) }
        : {}),
    };
  };
  const form = useForm<RoundValues>({
    resolver: documentErrorsOnFields(schemaResolver(CreateRoundBody, toBody)),
    defaultValues: {
      track: p.proposedTrack,
      opensOn: p.proposedOpensOn,
      closesOn: p.proposedClosesOn,
      datesOverride: false,
      overrideReason: '',
      title: '',
      sender: '',
      documents: { utkast: '', missiv: '', konsekvensbeskrivning: '', svarsmall: '' },
      recipients: 'regions',
    },
  });
  const create = $api.useMutation('post', '/consultation-rounds', {
    onSuccess: () => Promise.all([invalidate('/consultation-rounds'), invalidate('/knowledge-supports')]),
  });

  // The dates follow the chosen track's next calendar window, unless they are set by hand.
  const { setValue } = form;
  const track = form.watch('track');
  const datesOverride = form.watch('datesOverride');
  const slot = $api.useQuery(
    'get',
    '/consultation-rounds/proposal',
    { params: { query: { supportVersionId: versionId, track: track as CalendarTrack } } },
    { enabled: onCalendar(track) },
  );
  useEffect(() => {
    if (slot.data && !datesOverride && onCalendar(track)) {
      setValue('opensOn', slot.data.opensOn);
      setValue('closesOn', slot.data.closesOn);
    }
  }, [slot.data, datesOverride, setValue, track]);

  const ownDates = !onCalendar(track);
  const offProposal = !ownDates && (track !== p.proposedTrack || datesOverride);
  const label = (key: string) =>
    key.startsWith('documents-')
      ? docLabel(i18n, key.slice('documents-'.length))
      : (i18n.tMaybe(`knowledge.newRound.${key === 'title' ? 'title.field' : key}`) ?? key);

  const submit = form.handleSubmit(
    async (v) => {
      try {
        const created = await create.mutateAsync({ body: toBody(v) });
        navigate(`${supportHref(created.supportId)}?omgang=${created.id}`);
      } catch (err) {
        const e = asApiError(err);
        const kinds = filledKinds(v);
        const apiError = new ApiError({ ...e, errors: e.errors.map((x) => ({ ...x, path: docField(x.path, kinds) })) });
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, 'round', label).items);
      }
    },
    (errors) =>
      summary.showText(
        t('form.fixErrors'),
        Object.entries(errors).map(([path, e]) => {
          const key = errorKey(path);
          return { fieldId: `round-${key}`, label: label(key), message: typeof e?.message === 'string' ? e.message : '' };
        }),
      ),
  );

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <SelectField
        id="round-track"
        label={t('knowledge.newRound.track')}
        {...bind(form, 'track')}
        onChange={(v) => {
          setValue('track', v, { shouldDirty: true });
          setValue('datesOverride', false);
        }}
      >
        {TRACKS.map((x) => (
          <option key={x} value={x}>
            {trackLabel(i18n, x)}
          </option>
        ))}
      </SelectField>
      <div className="filter-grid">
        <FormTextField
          control={form.control}
          name="opensOn"
          id="round-opensOn"
          type="date"
          label={t('knowledge.newRound.opensOn')}
          readOnly={!datesOverride && !ownDates}
        />
        <FormTextField
          control={form.control}
          name="closesOn"
          id="round-closesOn"
          type="date"
          label={t('knowledge.newRound.closesOn')}
          readOnly={!datesOverride && !ownDates}
        />
      </div>
      {!ownDates && (
        <Checkbox
          id="round-datesOverride"
          label={t('knowledge.newRound.datesOverride')}
          checked={datesOverride}
          onChange={(v) => setValue('datesOverride', v, { shouldDirty: true })}
        />
      )}
      <p role="status" className={offProposal ? 'field-error' : 'muted'}>
        {ownDates
          ? t('knowledge.newRound.ownDates')
          : offProposal
            ? t('knowledge.newRound.offProposal')
            : t('knowledge.newRound.usesProposal')}
      </p>
      <FormTextAreaField
        control={form.control}
        name="overrideReason"
        id="round-overrideReason"
        label={t('knowledge.newRound.overrideReason')}
        hint={t('knowledge.newRound.overrideReason.hint')}
        rows={2}
      />
      <FormTextField
        control={form.control}
        name="title"
        id="round-title"
        label={t('knowledge.newRound.title.field')}
        placeholder={`${p.supportTitle}, version ${p.versionLabel}`}
      />
      <SenderField id="round-sender" label={t('knowledge.newRound.sender')} {...bind(form, 'sender')} />
      <fieldset className="field">
        <legend>{t('knowledge.newRound.docs')}</legend>
        {DOC_KINDS.map((k) => (
          <FormTextField
            key={k}
            control={form.control}
            name={`documents.${k}`}
            id={`round-documents-${k}`}
            inputMode="url"
            label={docLabel(i18n, k)}
          />
        ))}
      </fieldset>
      <SelectField
        id="round-recipients"
        label={t('knowledge.newRound.recipients')}
        {...bind(form, 'recipients')}
        onChange={(v) => setValue('recipients', v === 'healthcare-regions' ? 'healthcare-regions' : 'regions')}
      >
        <option value="regions">{t('knowledge.newRound.recipients.all')}</option>
        <option value="healthcare-regions">{t('knowledge.newRound.recipients.hr')}</option>
      </SelectField>
      <button type="submit" disabled={form.formState.isSubmitting || !track}>
        {t('knowledge.newRound.submit')}
      </button>
    </form>
  );
}
