/**
 * The draft answer, section by section. Each section keeps its own version, so two people
 * writing different sections never collide; comments are anchored to a section and get the
 * compilers' response (the comment table of the XLSX export).
 */
import { useState, type FormEvent } from 'react';
import { call, client } from '../client';
import { TextAreaField, TextField } from '../components/Fields';
import { Notice } from '../components/Alerts';
import { useI18n, useT } from '../i18n';
import type { Answer, Comment, Section } from './model';
import { SubmitError, useSubmit } from './shared';

export function DraftPanel({ answer, onDone }: { answer: Answer; onDone: () => void }) {
  const t = useT();
  const [heading, setHeading] = useState('');
  const submit = useSubmit();
  async function add(e: FormEvent) {
    e.preventDefault();
    const request = () =>
      call(client.POST('/consultation-answers/{id}/sections', { params: { path: { id: answer.id } }, body: { heading } }));
    if (await submit.run(async () => void (await request()))) {
      setHeading('');
      onDone();
    }
  }
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
        <SectionView
          key={s.id}
          answer={answer}
          section={s}
          comments={answer.comments.filter((c) => c.sectionId === s.id)}
          onDone={onDone}
        />
      ))}
      {answer.permissions.editDraft && (
        <form className="form inline-form" onSubmit={(e) => void add(e)} aria-label={t('consultations.draft.addSection')}>
          <SubmitError error={submit.error} />
          <TextField
            id="new-section"
            label={t('consultations.draft.newSection')}
            value={heading}
            onChange={setHeading}
            required
          />
          <button type="submit" disabled={submit.busy}>
            {t('consultations.draft.addSection')}
          </button>
        </form>
      )}
    </section>
  );
}

function SectionView({
  answer,
  section,
  comments,
  onDone,
}: {
  answer: Answer;
  section: Section;
  comments: Comment[];
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [body, setBody] = useState(section.body);
  const [saved, setSaved] = useState(false);
  const [comment, setComment] = useState('');
  const save = useSubmit();
  const post = useSubmit();
  const hid = `section-${section.position}`;

  async function store(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const ok = await save.run(async () => {
      await call(
        client.PUT('/consultation-answers/{id}/sections/{sectionId}', {
          params: { path: { id: answer.id, sectionId: section.id } },
          body: { body, version: section.version },
        }),
      );
    });
    if (ok) {
      setSaved(true);
      onDone();
    }
  }
  async function addComment(e: FormEvent) {
    e.preventDefault();
    if (
      await post.run(
        async () =>
          void (await call(
            client.POST('/consultation-answers/{id}/comments', {
              params: { path: { id: answer.id } },
              body: { sectionId: section.id, body: comment },
            }),
          )),
      )
    ) {
      setComment('');
      onDone();
    }
  }

  return (
    <article className="card" aria-labelledby={hid}>
      <h3 id={hid}>
        {section.position}. {section.heading}
      </h3>
      {answer.permissions.editDraft ? (
        <form className="form" onSubmit={(e) => void store(e)}>
          <SubmitError error={save.error} />
          {saved && (
            <Notice kind="success" live>
              {t('consultations.draft.saved')}
            </Notice>
          )}
          <TextAreaField
            id={`${hid}-body`}
            label={t('consultations.draft.text', { heading: section.heading })}
            value={body}
            onChange={setBody}
            rows={5}
          />
          <button type="submit" disabled={save.busy}>
            {t('consultations.draft.save', { heading: section.heading })}
          </button>
        </form>
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
              <CommentView key={c.id} answer={answer} c={c} onDone={onDone} />
            ))}
          </ul>
          {answer.permissions.comment && (
            <form className="form" onSubmit={(e) => void addComment(e)}>
              <SubmitError error={post.error} />
              <TextAreaField
                id={`${hid}-comment`}
                label={t('consultations.comments.new', { heading: section.heading })}
                value={comment}
                onChange={setComment}
                rows={2}
                required
              />
              <button type="submit" className="button-secondary" disabled={post.busy}>
                {t('consultations.comments.add')}
              </button>
            </form>
          )}
        </div>
      )}
    </article>
  );
}

function CommentView({ answer, c, onDone }: { answer: Answer; c: Comment; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [response, setResponse] = useState(c.response ?? '');
  const submit = useSubmit();
  async function respond(e: FormEvent) {
    e.preventDefault();
    if (
      await submit.run(
        async () =>
          void (await call(
            client.PUT('/consultation-answers/{id}/comments/{commentId}/response', {
              params: { path: { id: answer.id, commentId: c.id } },
              body: { response, version: c.version },
            }),
          )),
      )
    )
      onDone();
  }
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
      {answer.permissions.respond && (
        <form className="form" onSubmit={(e) => void respond(e)}>
          <SubmitError error={submit.error} />
          <TextField
            id={`response-${c.id}`}
            label={t('consultations.comments.respondLabel', { author: c.author })}
            value={response}
            onChange={setResponse}
            required
          />
          <button type="submit" className="button-secondary button-small" disabled={submit.busy}>
            {t('consultations.comments.respond')}
          </button>
        </form>
      )}
    </li>
  );
}
