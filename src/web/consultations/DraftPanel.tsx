/**
 * The draft answer, section by section. Each section keeps its own version, so two people
 * writing different sections never collide; comments are anchored to a section and get the
 * compilers' response (the comment table of the XLSX export). Every form checks its body with
 * the route's schema before sending, and each write refetches the answer and its lists.
 */
import { useForm } from 'react-hook-form';
import { CommentBody, NewSectionBody, ResponseBody, SectionBody } from '../../modules/consultation/schemas';
import { $api } from '../client';
import { Notice } from '../components/Alerts';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { schemaResolver } from '../forms';
import { SubmitError, useFormSubmit } from '../form-submit';
import { useI18n, useT } from '../i18n';
import { answerChanged, type Answer, type Comment, type Section } from './model';

/** Every write here changes the answer (its sections, comments, status on the lists). */
const refetchAnswers = { onSuccess: () => answerChanged() };

export function DraftPanel({ answer }: { answer: Answer }) {
  const t = useT();
  return (
    <section aria-labelledby="draft-heading">
      <h2 id="draft-heading">{t('consultations.draft.heading')}</h2>
      {/* a decided answer (not superseded) is locked: it can only be superseded */}
      {!answer.permissions.editDraft && answer.decidedOn !== null && answer.supersededReason === null && (
        <Notice kind="info">
          <p>{t('consultations.draft.locked')}</p>
        </Notice>
      )}
      {answer.sections.map((s) => (
        <SectionView key={s.id} answer={answer} section={s} comments={answer.comments.filter((c) => c.sectionId === s.id)} />
      ))}
      {answer.permissions.editDraft && <NewSectionForm answer={answer} />}
    </section>
  );
}

function NewSectionForm({ answer }: { answer: Answer }) {
  const t = useT();
  const form = useForm<{ heading: string }>({ resolver: schemaResolver(NewSectionBody), defaultValues: { heading: '' } });
  const add = $api.useMutation('post', '/consultation-answers/{id}/sections', refetchAnswers);
  const submit = useFormSubmit(form, async (body) => {
    await add.mutateAsync({ params: { path: { id: answer.id } }, body });
    form.reset({ heading: '' });
  });
  return (
    <form className="form inline-form" onSubmit={submit} aria-label={t('consultations.draft.addSection')}>
      <SubmitError error={add.error} />
      <FormTextField
        control={form.control}
        name="heading"
        id="new-section"
        label={t('consultations.draft.newSection')}
        required
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.draft.addSection')}
      </button>
    </form>
  );
}

function SectionView({ answer, section, comments }: { answer: Answer; section: Section; comments: Comment[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const hid = `section-${section.position}`;
  return (
    <article className="card" aria-labelledby={hid}>
      <h3 id={hid}>
        {section.position}. {section.heading}
      </h3>
      {answer.permissions.editDraft ? (
        <SectionForm answer={answer} section={section} hid={hid} />
      ) : (
        <div className="preview-body">
          {section.body ? (
            section.body.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>)
          ) : (
            <p className="muted">{t('consultations.draft.empty')}</p>
          )}
        </div>
      )}
      {section.updatedBy && (
        <p className="meta-line muted">
          {t('consultations.draft.updatedBy', { who: section.updatedBy, when: i18n.formatDateTime(section.updatedAt) })}
        </p>
      )}
      {(comments.length > 0 || answer.permissions.comment) && (
        <div aria-label={t('consultations.comments.for', { heading: section.heading })} role="group">
          <h4>{t('consultations.comments.heading')}</h4>
          <ul className="plain-list">
            {comments.map((c) => (
              <CommentView key={c.id} answer={answer} c={c} />
            ))}
          </ul>
          {answer.permissions.comment && <CommentForm answer={answer} section={section} hid={hid} />}
        </div>
      )}
    </article>
  );
}

function SectionForm({ answer, section, hid }: { answer: Answer; section: Section; hid: string }) {
  const t = useT();
  const toBody = (v: { body: string }) => ({ body: v.body, version: section.version });
  const form = useForm<{ body: string }>({
    resolver: schemaResolver(SectionBody, toBody),
    defaultValues: { body: section.body },
  });
  const save = $api.useMutation('put', '/consultation-answers/{id}/sections/{sectionId}', refetchAnswers);
  const submit = useFormSubmit(form, async (v) => {
    await save.mutateAsync({ params: { path: { id: answer.id, sectionId: section.id } }, body: toBody(v) });
  });
  return (
    <form className="form" onSubmit={submit}>
      <SubmitError error={save.error} />
      {save.isSuccess && (
        <Notice kind="success" live>
          {t('consultations.draft.saved')}
        </Notice>
      )}
      <FormTextAreaField
        control={form.control}
        name="body"
        id={`${hid}-body`}
        label={t('consultations.draft.text', { heading: section.heading })}
        rows={5}
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.draft.save', { heading: section.heading })}
      </button>
    </form>
  );
}

function CommentForm({ answer, section, hid }: { answer: Answer; section: Section; hid: string }) {
  const t = useT();
  const toBody = (v: { body: string }) => ({ sectionId: section.id, body: v.body });
  const form = useForm<{ body: string }>({ resolver: schemaResolver(CommentBody, toBody), defaultValues: { body: '' } });
  const post = $api.useMutation('post', '/consultation-answers/{id}/comments', refetchAnswers);
  const submit = useFormSubmit(form, async (v) => {
    await post.mutateAsync({ params: { path: { id: answer.id } }, body: toBody(v) });
    form.reset({ body: '' });
  });
  return (
    <form className="form" onSubmit={submit}>
      <SubmitError error={post.error} />
      <FormTextAreaField
        control={form.control}
        name="body"
        id={`${hid}-comment`}
        label={t('consultations.comments.new', { heading: section.heading })}
        rows={2}
        required
      />
      <button type="submit" className="button-secondary" disabled={form.formState.isSubmitting}>
        {t('consultations.comments.add')}
      </button>
    </form>
  );
}

function CommentView({ answer, c }: { answer: Answer; c: Comment }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <li className="panel">
      <p>
        <strong>{c.author}</strong> <span className="muted">{i18n.formatDateTime(c.createdAt)}</span>
      </p>
      <p>{c.body}</p>
      {c.response && (
        <p>
          <strong>{t('consultations.comments.response')}</strong> {c.response} <span className="muted">({c.respondedBy})</span>
        </p>
      )}
      {answer.permissions.respond && <ResponseForm answer={answer} c={c} />}
    </li>
  );
}

function ResponseForm({ answer, c }: { answer: Answer; c: Comment }) {
  const t = useT();
  const toBody = (v: { response: string }) => ({ response: v.response, version: c.version });
  const form = useForm<{ response: string }>({
    resolver: schemaResolver(ResponseBody, toBody),
    defaultValues: { response: c.response ?? '' },
  });
  const respond = $api.useMutation('put', '/consultation-answers/{id}/comments/{commentId}/response', refetchAnswers);
  const submit = useFormSubmit(form, async (v) => {
    await respond.mutateAsync({ params: { path: { id: answer.id, commentId: c.id } }, body: toBody(v) });
  });
  return (
    <form className="form" onSubmit={submit}>
      <SubmitError error={respond.error} />
      <FormTextField
        control={form.control}
        name="response"
        id={`response-${c.id}`}
        label={t('consultations.comments.respondLabel', { author: c.author })}
        required
      />
      <button type="submit" className="button-secondary button-small" disabled={form.formState.isSubmitting}>
        {t('consultations.comments.respond')}
      </button>
    </form>
  );
}
