/**
 * The labelled fields of components/Fields.tsx bound to a react-hook-form form: the value, the
 * field's error (from the API's schema through schemaResolver, or from the server) and the ref
 * the form focuses when a field is wrong.
 */
import type { ComponentProps } from 'react';
import { useController, type Control, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { Combobox } from './Combobox';
import { TextAreaField, TextField } from './Fields';

type Bound<V extends FieldValues> = { control: Control<V>; name: Path<V> };

export function FormTextField<V extends FieldValues>({
  control,
  name,
  ...rest
}: Bound<V> & Omit<ComponentProps<typeof TextField>, 'value' | 'onChange' | 'error' | 'ref'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
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

export function FormTextAreaField<V extends FieldValues>({
  control,
  name,
  ...rest
}: Bound<V> & Omit<ComponentProps<typeof TextAreaField>, 'value' | 'onChange' | 'error' | 'ref'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextAreaField
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

/** A searchable pick list (components/Combobox.tsx) bound to a form: the field holds the chosen option's id. */
export function FormCombobox<V extends FieldValues>({
  control,
  name,
  ...rest
}: Bound<V> &
  Omit<ComponentProps<typeof Combobox>, 'value' | 'onChange' | 'error' | 'ref'> & {
    onPick?: ComponentProps<typeof Combobox>['onChange'];
  }) {
  const { field, fieldState } = useController({ control, name });
  const { onPick, ...props } = rest;
  return (
    <Combobox
      {...props}
      value={String(field.value ?? '')}
      onChange={(value, option) => {
        field.onChange(value);
        field.onBlur();
        onPick?.(value, option);
      }}
      error={fieldState.error?.message}
      ref={field.ref}
    />
  );
}

/**
 * The form's own "fill in" messages for fields left empty, before the API schema's checks: a
 * person reads "Fyll i namn." rather than the schema's wording about lengths.
 */
export function requiredFirst<V extends FieldValues>(
  required: Partial<Record<Path<V>, string>>,
  resolver: Resolver<V>,
): Resolver<V> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const missing: Record<string, { type: string; message: string }> = {};
    for (const [name, message] of Object.entries(required) as [string, string][]) {
      const v: unknown = (values as Record<string, unknown>)[name];
      if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) missing[name] = { type: 'required', message };
    }
    if (Object.keys(missing).length === 0) return result;
    return { values: {}, errors: { ...result.errors, ...missing } as typeof result.errors };
  };
}
