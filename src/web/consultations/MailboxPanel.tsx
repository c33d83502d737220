/**
 * Synpunktsinhämtning through the region's funktionsbrevlåda (issue 21 item 14, seed 002): the
 * mailbox and its contact persons, and who forwarded which synpunktsinhämtning to whom and when.
 * The server checks the rules (a contact person, a round sent to the region, the day in its window).
 */
import { useForm } from 'react-hook-form';
import { ForwardBody, MailboxBody } from '../../modules/consultation/rounds/schemas';
import { Notice } from '../components/Alerts';
import { FormSelectField } from '../components/FormChoiceFields';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { TableScroll } from '../components/TableScroll';
import { $api, invalidate } from '../client';
import { SubmitError, useFormSubmit } from '../form-submit';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { today } from '../people/people';

type Contact = { name: string; email: string };
/** One contact a line, "Namn, e-post". */
const parseContacts = (text: string): Contact[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.lastIndexOf(',');
      return i < 0 ? { name: l, email: '' } : { name: l.slice(0, i).trim(), email: l.slice(i + 1).trim() };
    });
const formatContacts = (cs: readonly Contact[]) => cs.map((c) => `${c.name}, ${c.email}`).join('\n');

export function MailboxPanel({ region, rounds }: { region: string; rounds: { id: string; title: string; track: string }[] }) {
  const { t, lang, formatDate } = useI18n();
  const mailbox = $api.useQuery('get', '/consultation-mailboxes/{region}', { params: { path: { region } } });
  const forwardings = $api.useQuery('get', '/consultation-mailboxes/{region}/forwardings', { params: { path: { region } } });
  const save = $api.useMutation('put', '/consultation-mailboxes/{region}', {
    onSuccess: () => invalidate('/consultation-mailboxes/'),
  });
  const version = mailbox.data?.version ?? 0;
  const toBody = (v: { address: string; contacts: string }) => ({
    address: v.address.trim(),
    contacts: parseContacts(v.contacts),
    version,
  });
  const form = useForm<{ address: string; contacts: string }>({
    resolver: schemaResolver(MailboxBody, toBody, lang),
    ...(mailbox.data ? { values: { address: mailbox.data.address ?? '', contacts: formatContacts(mailbox.data.contacts) } } : {}),
  });
  const submit = useFormSubmit(form, (v) => save.mutateAsync({ params: { path: { region } }, body: toBody(v) }));
  if (!mailbox.data) return null;
  const m = mailbox.data;
  return (
    <section className="panel" aria-labelledby="mailbox-heading">
      <h2 id="mailbox-heading">{t('consultations.mailbox.heading')}</h2>
      <p className="hint">{t('consultations.mailbox.lead')}</p>
      <form className="form" noValidate onSubmit={submit} aria-label={t('consultations.mailbox.heading')}>
        <SubmitError error={save.error} />
        {save.isSuccess && !form.formState.isDirty && (
          <Notice kind="success" live>
            {t('consultations.mailbox.saved')}
          </Notice>
        )}
        <FormTextField
          control={form.control}
          name="address"
          id="mb-address"
          type="email"
          label={t('consultations.mailbox.address')}
          disabled={!m.mayEdit}
        />
        <FormTextAreaField
          control={form.control}
          name="contacts"
          id="mb-contacts"
          rows={3}
          label={t('consultations.mailbox.contacts')}
          hint={t('consultations.mailbox.contacts.hint')}
          disabled={!m.mayEdit}
        />
        {m.mayEdit && (
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t('consultations.mailbox.save')}
          </button>
        )}
      </form>
      {m.mayForward && m.contacts.length > 0 && (
        <ForwardForm region={region} contacts={m.contacts} rounds={rounds.filter((r) => r.track === 'synpunktsinhamtning')} />
      )}
      {forwardings.data && forwardings.data.items.length > 0 && (
        <TableScroll labelledBy="fwd-caption">
          <table>
            <caption id="fwd-caption">{t('consultations.forward.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultations.forward.on')}</th>
                <th scope="col">{t('consultations.field.round')}</th>
                <th scope="col">{t('consultations.forward.by')}</th>
                <th scope="col">{t('consultations.forward.to')}</th>
              </tr>
            </thead>
            <tbody>
              {forwardings.data.items.map((f) => (
                <tr key={f.id}>
                  <td className="nowrap">{formatDate(f.forwardedOn)}</td>
                  <td>{f.roundTitle}</td>
                  <td>{f.forwardedByName}</td>
                  <td>{f.forwardedTo}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

type ForwardValues = { roundId: string; forwardedByEmail: string; forwardedTo: string; forwardedOn: string; note: string };

function ForwardForm({
  region,
  contacts,
  rounds,
}: {
  region: string;
  contacts: readonly Contact[];
  rounds: { id: string; title: string }[];
}) {
  const { t, lang } = useI18n();
  const add = $api.useMutation('post', '/consultation-mailboxes/{region}/forwardings', {
    onSuccess: () => invalidate('/consultation-mailboxes/'),
  });
  const toBody = (v: ForwardValues) => ({
    roundId: v.roundId,
    forwardedByEmail: v.forwardedByEmail,
    forwardedTo: v.forwardedTo.trim(),
    forwardedOn: v.forwardedOn,
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
  });
  const form = useForm<ForwardValues>({
    resolver: schemaResolver(ForwardBody, toBody, lang),
    defaultValues: {
      roundId: rounds[0]?.id ?? '',
      forwardedByEmail: contacts[0]?.email ?? '',
      forwardedTo: '',
      forwardedOn: today(),
      note: '',
    },
  });
  const submit = useFormSubmit(form, async (v) => {
    await add.mutateAsync({ params: { path: { region } }, body: toBody(v) });
    form.reset({ ...v, forwardedTo: '', note: '' });
  });
  if (rounds.length === 0) return <p>{t('consultations.forward.noRounds')}</p>;
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="fwd-heading">
      <h3 id="fwd-heading">{t('consultations.forward.heading')}</h3>
      <SubmitError error={add.error} />
      <FormSelectField control={form.control} name="roundId" id="fwd-round" label={t('consultations.field.round')}>
        {rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </FormSelectField>
      <FormSelectField control={form.control} name="forwardedByEmail" id="fwd-by" label={t('consultations.forward.by')}>
        {contacts.map((c) => (
          <option key={c.email} value={c.email}>
            {c.name}
          </option>
        ))}
      </FormSelectField>
      <FormTextField control={form.control} name="forwardedTo" id="fwd-to" label={t('consultations.forward.to')} />
      <FormTextField control={form.control} name="forwardedOn" id="fwd-on" type="date" label={t('consultations.forward.on')} />
      <FormTextField control={form.control} name="note" id="fwd-note" label={t('consultations.track-steps.note')} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.forward.submit')}
      </button>
    </form>
  );
}
