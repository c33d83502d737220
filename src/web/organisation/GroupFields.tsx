/**
 * The editable fields of a group, shared by the "Ny grupp" form and the edit form on the
 * group page, and the mapping of server field errors to those fields.
 */
import type { ApiError, Group } from '../api';
import { Checkbox, CheckboxGroup, fieldErrors, SelectField, TextField } from '../components/Fields';
import type { FormErrorItem } from '../components/FormErrors';
import { useI18n, type I18n } from '../i18n';
import { bySwedishName, capitalize, isGroupActive, KINDS, kindPlural, RELATIONS, relationLabel, type Geo } from './groups';

export interface GroupFieldValues {
  name: string;
  shortName: string;
  programAreaIds: string[];
  parentGroupId: string;
  parentRelation: string;
  isSubGroup: boolean;
  contactEmail: string;
  hostDescription: string;
  startDate: string;
}

export const EMPTY_FIELDS: GroupFieldValues = {
  name: '',
  shortName: '',
  programAreaIds: [],
  parentGroupId: '',
  parentRelation: 'reports-to',
  isSubGroup: false,
  contactEmail: '',
  hostDescription: '',
  startDate: '',
};

export function fieldsOf(g: Group): GroupFieldValues {
  return {
    name: g.name,
    shortName: g.shortName ?? '',
    programAreaIds: g.programAreaIds,
    parentGroupId: g.parentGroupId ?? '',
    parentRelation: g.parentRelation ?? 'reports-to',
    isSubGroup: g.isSubGroup,
    contactEmail: g.contactEmail ?? '',
    hostDescription: g.hostDescription ?? '',
    startDate: g.startDate ?? '',
  };
}

/** The body fields for the API: empty text is "not set" (null). */
export function toBody(v: GroupFieldValues) {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    name: v.name.trim(),
    shortName: orNull(v.shortName),
    programAreaIds: v.programAreaIds,
    parentGroupId: v.parentGroupId || null,
    parentRelation: v.parentGroupId ? v.parentRelation : null,
    isSubGroup: v.isSubGroup,
    contactEmail: orNull(v.contactEmail),
    hostDescription: orNull(v.hostDescription),
    startDate: v.startDate || null,
  };
}

export function fieldLabel(i18n: Pick<I18n, 'tMaybe'>, field: string): string {
  return i18n.tMaybe(`group.field.${field}`) ?? field;
}

/** Server errors per field, and the items of the error summary linking to them. */
export function errorsFor(
  i18n: Pick<I18n, 'tMaybe'>,
  prefix: string,
  error: ApiError,
  labelKeys = 'group.field',
): { byField: Record<string, string>; items: FormErrorItem[] } {
  const byField = fieldErrors(error.errors);
  const items = Object.entries(byField).map(([field, message]) => ({
    fieldId: `${prefix}-${field}`,
    label: i18n.tMaybe(`${labelKeys}.${field}`) ?? field,
    message,
  }));
  return { byField, items };
}

/** The parent choices: the owner's active groups, by kind, without the group itself. */
export function ParentOptions({ groups, selfId }: { groups: Group[]; selfId?: string }) {
  const i18n = useI18n();
  const candidates = groups.filter((g) => isGroupActive(g.status) && g.id !== selfId);
  const kinds = [...KINDS, ...new Set(candidates.map((g) => g.kind).filter((k) => !(KINDS as readonly string[]).includes(k)))];
  return (
    <>
      {kinds.map((kind) => {
        const list = candidates.filter((g) => g.kind === kind).sort(bySwedishName);
        if (list.length === 0) return null;
        return (
          <optgroup key={kind} label={kindPlural(i18n, kind)}>
            {list.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}

export function GroupFields({
  prefix,
  values,
  onChange,
  errors,
  geo,
  ownerGroups,
  selfId,
  kind,
}: {
  prefix: string;
  values: GroupFieldValues;
  onChange: (patch: Partial<GroupFieldValues>) => void;
  errors: Record<string, string>;
  geo: Geo;
  /** The owner's groups, for the parent select; undefined while they load. */
  ownerGroups: Group[] | undefined;
  selfId?: string;
  kind: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = (field: string) => `${prefix}-${field}`;
  return (
    <>
      <TextField
        id={id('name')}
        label={t('group.field.name')}
        value={values.name}
        onChange={(name) => onChange({ name })}
        error={errors.name}
        autoComplete="off"
      />
      <TextField
        id={id('shortName')}
        label={t('group.field.shortName')}
        hint={t('group.hint.shortName')}
        value={values.shortName}
        onChange={(shortName) => onChange({ shortName })}
        error={errors.shortName}
        autoComplete="off"
      />
      <CheckboxGroup
        id={id('programAreaIds')}
        legend={t('group.field.programAreaIds')}
        hint={kind === 'program-area' ? t('group.hint.programAreasRequired') : t('group.hint.programAreas')}
        options={geo.areas.map((a) => ({ value: a.id, label: a.name }))}
        value={values.programAreaIds}
        onChange={(programAreaIds) => onChange({ programAreaIds })}
        error={errors.programAreaIds}
      />
      <SelectField
        id={id('parentGroupId')}
        label={t('group.field.parentGroupId')}
        hint={t('group.hint.parent')}
        value={values.parentGroupId}
        onChange={(parentGroupId) => onChange({ parentGroupId })}
        error={errors.parentGroupId}
        disabled={!ownerGroups}
      >
        <option value="">{ownerGroups ? t('group.noParent') : t('common.loading')}</option>
        {ownerGroups && <ParentOptions groups={ownerGroups} {...(selfId ? { selfId } : {})} />}
      </SelectField>
      <SelectField
        id={id('parentRelation')}
        label={t('group.field.parentRelation')}
        hint={t('group.hint.relation')}
        value={values.parentRelation}
        onChange={(parentRelation) => onChange({ parentRelation })}
        error={errors.parentRelation}
        disabled={!values.parentGroupId}
      >
        {RELATIONS.map((r) => (
          <option key={r} value={r}>
            {capitalize(relationLabel(i18n, r))}
          </option>
        ))}
      </SelectField>
      <Checkbox
        id={id('isSubGroup')}
        label={t('group.field.isSubGroupLong')}
        checked={values.isSubGroup}
        onChange={(isSubGroup) => onChange({ isSubGroup })}
      />
      {errors.isSubGroup && <p className="field-error">{errors.isSubGroup}</p>}
      <TextField
        id={id('contactEmail')}
        label={t('group.field.contactEmail')}
        type="email"
        value={values.contactEmail}
        onChange={(contactEmail) => onChange({ contactEmail })}
        error={errors.contactEmail}
        autoComplete="off"
      />
      <TextField
        id={id('hostDescription')}
        label={t('group.field.hostDescription')}
        hint={t('group.hint.host')}
        value={values.hostDescription}
        onChange={(hostDescription) => onChange({ hostDescription })}
        error={errors.hostDescription}
        autoComplete="off"
      />
      <TextField
        id={id('startDate')}
        label={t('group.field.startDate')}
        type="date"
        value={values.startDate}
        onChange={(startDate) => onChange({ startDate })}
        error={errors.startDate}
      />
    </>
  );
}
