/**
 * The sender of a remiss, case or knowledge support, picked from the register of organisations
 * (issue 17: pick, never retype). The body takes the sender's name, so the option's value is the
 * name; a sender missing from the register is added there (admin), not typed here.
 */
import { useI18n } from '../i18n';
import { Combobox } from './Combobox';
import { loadSenderNames } from './pickLists';

export function SenderField({
  id,
  label,
  value,
  onChange,
  error,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (name: string) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const i18n = useI18n();
  return (
    <Combobox
      id={id}
      label={label}
      value={value}
      selectedLabel={value}
      cacheKey="senders"
      load={loadSenderNames((k) => i18n.tMaybe(`sender.kind.${k}`) ?? k)}
      hint={i18n.t('sender.pickHint')}
      error={error}
      required={required}
      onChange={(name) => onChange(name)}
    />
  );
}
