/**
 * Pick, never retype: a labelled, searchable list (the WAI-ARIA 1.2 combobox with a listbox
 * popup). The text field searches; the value is the chosen option's id, never the typed text.
 *
 * Keyboard: typing or ↓ opens the list, ↓/↑ move (Home/End in the list too), Enter chooses,
 * Escape closes (a second Escape restores the chosen option's name), Tab leaves with the choice
 * as it was. The focus stays in the field; the list's active option is announced through
 * aria-activedescendant, and the number of hits through a polite live region. Leaving the field
 * with text that is no option restores the chosen name; an emptied field clears the choice
 * (unless required).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useI18n } from '../i18n';

export interface ComboOption {
  value: string;
  label: string;
  /** A second line: the kind of organisation, the forum and date of a § … */
  description?: string | undefined;
}

export interface ComboboxProps {
  id: string;
  label: string;
  /** The chosen option's value ('' for none). */
  value: string;
  /** The chosen option's name as shown when the field is not being searched. */
  selectedLabel?: string | undefined;
  onChange: (value: string, option: ComboOption | null) => void;
  /** The options matching the text (the server searches and sorts; called after a short pause). */
  load: (q: string) => Promise<ComboOption[]>;
  /** Distinguishes the list's cached searches from another combobox's. */
  cacheKey: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  disabled?: boolean | undefined;
  ref?: Ref<HTMLInputElement>;
}

const DEBOUNCE_MS = 200;

export function Combobox({
  id,
  label,
  value,
  selectedLabel,
  onChange,
  load,
  cacheKey,
  error,
  hint,
  required,
  disabled,
  ref,
}: ComboboxProps) {
  const { t } = useI18n();
  const listId = `${id}-list`;
  const statusId = `${useId()}-status`;
  const [text, setText] = useState(selectedLabel ?? '');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const chosen = useRef<string>(selectedLabel ?? '');

  // A choice made elsewhere (the form reset, a § filling the forum) shows its name.
  useEffect(() => {
    chosen.current = selectedLabel ?? '';
    if (!open) setText(selectedLabel ?? '');
  }, [value, selectedLabel]);

  useEffect(() => {
    const h = setTimeout(() => setQuery(text.trim() === chosen.current ? '' : text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(h);
  }, [text]);

  const found = useQuery({
    queryKey: ['combobox', cacheKey, query],
    queryFn: () => load(query),
    enabled: open,
    staleTime: 30_000,
  });
  // Only the answer to what the field says now: a list for older text is never chosen from.
  const pending = text.trim() === chosen.current ? '' : text.trim();
  const options = query === pending ? (found.data ?? []) : [];
  const activeOption = active >= 0 ? options[active] : undefined;

  const choose = (o: ComboOption) => {
    chosen.current = o.label;
    setText(o.label);
    setOpen(false);
    setActive(-1);
    onChange(o.value, o);
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const leave = () => {
    close();
    if (!text.trim() && value && !required) {
      chosen.current = '';
      onChange('', null);
    } else if (text !== chosen.current) {
      setText(chosen.current);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        setActive((a) => (options.length ? Math.min(a + 1, options.length - 1) : -1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (open) setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Home':
      case 'End':
        if (open && active >= 0 && options.length) {
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : options.length - 1);
        }
        break;
      case 'Enter':
        if (open && activeOption) {
          e.preventDefault();
          choose(activeOption);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          close();
        } else if (text !== chosen.current) {
          e.preventDefault();
          setText(chosen.current);
        }
        break;
      case 'Tab':
        leave();
        break;
    }
  };

  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const expanded = open && !disabled;
  // The list is shown (and the field says so) once it has options.
  const shown = expanded && options.length > 0;
  return (
    <div className={`field combobox${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="combobox-wrap">
        <input
          id={id}
          ref={ref}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={shown && activeOption ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          aria-required={required || undefined}
          disabled={disabled}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={leave}
        />
        <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!shown}>
          {expanded &&
            options.map((o, i) => (
              <li
                key={o.value}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={`${i === active ? 'active' : ''}${o.value === value ? ' chosen' : ''}`}
                // mousedown, not click: the field must not lose focus (and blur) before the choice.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
              >
                <span>{o.label}</span>
                {o.description && <span className="combobox-description">{o.description}</span>}
              </li>
            ))}
        </ul>
      </div>
      <p id={statusId} className="visually-hidden" aria-live="polite">
        {expanded && found.data ? (options.length ? t('combobox.hits', { n: options.length }) : t('combobox.none')) : ''}
      </p>
    </div>
  );
}
