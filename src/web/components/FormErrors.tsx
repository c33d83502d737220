import { useEffect, useRef } from 'react';

export interface FormErrorItem {
  /** The id of the field the error belongs to; the link moves focus there. */
  fieldId: string;
  label: string;
  message: string;
}

/**
 * The error summary at the top of a form: the overall message and one link per field error.
 * It takes focus when it appears (and again for every new attempt, via `n`), so keyboard and
 * screen-reader users land on it; each field also shows its own message next to it.
 */
export function FormErrorSummary({ text, items, n }: { text: string; items: FormErrorItem[]; n: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [n]);
  return (
    <div ref={ref} className="alert alert-error error-summary" role="alert" tabIndex={-1}>
      <p>{text}</p>
      {items.length > 0 && (
        <ul>
          {items.map((i) => (
            <li key={i.fieldId}>
              <a
                href={`#${i.fieldId}`}
                onClick={(e) => {
                  // move focus without changing the address
                  const target = document.getElementById(i.fieldId);
                  if (!target) return;
                  e.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {i.label}: {i.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
