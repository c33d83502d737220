/**
 * Steps instead of endless pages (issue 17): a page in parts, one part shown at a time, the
 * part named in the URL (`?flik=`), so reload, back/forward and links to a part work.
 *
 * A navigation of links (not the tabs widget): each part is an address of its own. The current
 * one carries aria-current ("step" where the parts follow a process, "page" otherwise) and is
 * marked visibly; in a process the steps already done say so, in words and with a check mark.
 * Keyboard: Tab reaches the links as any links; ← → (and Home/End) also move between them.
 */
import type { KeyboardEvent } from 'react';
import { navigate, useLocation } from '../app/router';
import { useT } from '../i18n';

export const STEP_PARAM = 'flik';

export interface StepItem<K extends string> {
  key: K;
  label: string;
  /** In a process: this stage is behind us. */
  done?: boolean | undefined;
  /** In a process: the stage the object is in now. */
  now?: boolean | undefined;
}

/** The part the URL names, or the first (or the given fallback) when it names none we know. */
export function useStep<K extends string>(keys: readonly K[], fallback?: K): K {
  const { search } = useLocation();
  const asked = search.get(STEP_PARAM);
  const known = keys.find((k) => k === asked);
  return known ?? fallback ?? (keys[0] as K);
}

/** The address of a part of the current page (other search parameters kept). */
export function stepHref(path: string, search: URLSearchParams, key: string): string {
  const next = new URLSearchParams(search);
  next.set(STEP_PARAM, key);
  return `${path}?${next.toString()}`;
}

function moveFocus(e: KeyboardEvent<HTMLElement>) {
  const links = Array.from(e.currentTarget.querySelectorAll<HTMLAnchorElement>('a'));
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  const to =
    e.key === 'ArrowRight'
      ? (at + 1) % links.length
      : e.key === 'ArrowLeft'
        ? (at - 1 + links.length) % links.length
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? links.length - 1
            : -1;
  if (to < 0) return;
  e.preventDefault();
  links[to]?.focus();
}

export function StepNav<K extends string>({
  label,
  steps,
  current,
  process = false,
}: {
  /** Names the navigation for assistive technology ("Remissvarets steg"). */
  label: string;
  steps: StepItem<K>[];
  current: K;
  /** The parts are the stages of a lifecycle: numbered, and the stages done are marked. */
  process?: boolean;
}) {
  const t = useT();
  const { path, search } = useLocation();
  return (
    <nav aria-label={label} className={process ? 'stepnav stepnav-process' : 'stepnav'} onKeyDown={moveFocus}>
      <ol>
        {steps.map((s, i) => {
          const isCurrent = s.key === current;
          const href = stepHref(path, search, s.key);
          const cls = [
            'stepnav-item',
            isCurrent ? 'is-current' : '',
            process && s.done ? 'is-done' : '',
            process && s.now ? 'is-now' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={s.key} className={cls}>
              <a
                href={href}
                aria-current={isCurrent ? (process ? 'step' : 'page') : undefined}
                onClick={(e) => {
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                  e.preventDefault();
                  if (!isCurrent) navigate(href, { keepFocus: true });
                }}
              >
                {process && (
                  <span className="stepnav-n" aria-hidden="true">
                    {s.done ? '✓' : i + 1}
                  </span>
                )}
                <span className="stepnav-label">{s.label}</span>
                {process && s.done && <span className="visually-hidden"> ({t('steps.done')})</span>}
                {process && s.now && <span className="stepnav-now">{t('steps.now')}</span>}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
