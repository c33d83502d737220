/**
 * What the decision log (signed in) and the public decisions (insyn) share: the search form,
 * which puts the words in the address (`?q=`), and the table's head.
 */
import { useState, type FormEvent } from 'react';
import { navigate } from '../app/router';
import { TextField } from '../components/Fields';
import { useT } from '../i18n';

export function DecisionSearch({
  id,
  path,
  q,
  onSearch,
}: {
  id: string;
  /** The page's own address, without a query. */
  path: string;
  q: string;
  onSearch?: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(q);
  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch?.();
    const text = draft.trim();
    navigate(text ? `${path}?q=${encodeURIComponent(text)}` : path, { replace: true });
  }
  return (
    <form className="inline-form" role="search" onSubmit={submit}>
      <TextField
        id={id}
        type="search"
        label={t('meetings.decisions.search')}
        hint={t('meetings.decisions.searchHint')}
        value={draft}
        onChange={setDraft}
      />
      <button type="submit">{t('meetings.decisions.submit')}</button>
    </form>
  );
}

/** The head of a table of decisions; the last column is the page's own (extract or protokoll). */
export function DecisionHead({ last }: { last: string }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{t('meetings.decisions.reference')}</th>
        <th scope="col">{t('meetings.decisions.subject')}</th>
        <th scope="col">{t('meetings.decisions.decision')}</th>
        <th scope="col">{t('meetings.decisions.case')}</th>
        <th scope="col">{last}</th>
      </tr>
    </thead>
  );
}
