/**
 * The select and the checkbox group of components/Fields.tsx bound to a react-hook-form form,
 * like FormFields.tsx does for text: the value, the field's error and what the form focuses when
 * the field is wrong.
 */
import { useEffect, type ComponentProps } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { CheckboxGroup, SelectField } from './Fields';

type Bound<V extends FieldValues> = { control: Control<V>; name: Path<V> };

export function FormSelectField<V extends FieldValues>({
  control,
  name,
  ...rest
}: Bound<V> & Omit<ComponentProps<typeof SelectField>, 'value' | 'onChange' | 'error' | 'ref'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <SelectField
      {...rest}
      name={field.name}
      value={String(field.value ?? '')}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
      ref={field.ref}
    />
  );
}

export function FormCheckboxGroup<V extends FieldValues>({
  control,
  name,
  ...rest
}: Bound<V> & Omit<ComponentProps<typeof CheckboxGroup>, 'value' | 'onChange' | 'error'>) {
  const { field, fieldState } = useController({ control, name });
  const { ref } = field;
  const { id } = rest;
  // The group's fieldset (focusable, tabIndex -1) takes focus when the group is wrong.
  useEffect(() => ref({ focus: () => document.getElementById(id)?.focus() }), [ref, id]);
  return (
    <CheckboxGroup
      {...rest}
      value={(field.value as string[] | undefined) ?? []}
      onChange={field.onChange}
      error={fieldState.error?.message}
    />
  );
}
