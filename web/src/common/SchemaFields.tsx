/**
 * Form fields generated from a flow's field map (a task's `form`, the flow's `data`): one input per field by
 * type, the required mark and enumerations from the map. Checking values is the server's job (it answers 422 with
 * `errors: [{ path, message }]`); `showServerErrors` puts each message at its field, so the rules live in one place.
 */
import { Form, Input, Radio, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import { localized, valueTitle, type FieldMap, type FieldSpec } from './flows';

/** Form.Item hands its child `value` and `onChange` (and `id`); they go on to the input itself. */
interface FieldInputProps {
  readonly spec: FieldSpec;
  readonly label: string;
  readonly [injected: string]: unknown;
}

function FieldInput({ spec, label, ...injected }: FieldInputProps) {
  const { t, i18n } = useTranslation();
  switch (spec.type) {
    case 'text':
      return <Input.TextArea {...injected} rows={3} aria-label={label} />;
    case 'number':
    case 'integer':
      return (
        <Input {...injected} inputMode={spec.type === 'integer' ? 'numeric' : 'decimal'} aria-label={label} />
      );
    case 'boolean':
      return (
        <Radio.Group {...injected} aria-label={label}>
          <Radio value={true}>{t('common.yes')}</Radio>
          <Radio value={false}>{t('common.no')}</Radio>
        </Radio.Group>
      );
    case 'date':
      return <Input {...injected} type="date" aria-label={label} />;
    case 'datetime':
      return <Input {...injected} type="datetime-local" aria-label={label} />;
    case 'enum':
      return (
        <Select
          {...injected}
          aria-label={label}
          allowClear
          options={(spec.values ?? []).map((value) => ({
            value,
            label: valueTitle(spec, value, i18n.language),
          }))}
        />
      );
    case 'list':
      return <Select {...injected} mode="tags" aria-label={label} />;
    case 'string':
      return <Input {...injected} aria-label={label} />;
  }
}

/** The inputs of a field map, named `[prefix, field]` so they sit apart from the rest of the form. */
export function SchemaFields({ fields, prefix }: { fields: FieldMap; prefix: string }) {
  const { i18n } = useTranslation();
  return (
    <>
      {Object.entries(fields).map(([name, spec]) => {
        const label = localized(spec.title, i18n.language, name);
        return (
          <Form.Item key={name} name={[prefix, name]} label={label} required={spec.required === true}>
            <FieldInput spec={spec} label={label} />
          </Form.Item>
        );
      })}
    </>
  );
}

/** The values of a field map as the API takes them; numbers that do not parse are sent as typed (the server says why). */
export function fieldValues(
  fields: FieldMap,
  values: Record<string, unknown> | undefined,
  offset: string,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const value = values?.[name];
    if (value === undefined || value === null || value === '') continue;
    result[name] = convert(spec, value, offset);
  }
  return result;
}

function convert(spec: FieldSpec, value: unknown, offset: string): unknown {
  if ((spec.type === 'number' || spec.type === 'integer') && typeof value === 'string') {
    const number = Number(value.trim());
    return value.trim() !== '' && Number.isFinite(number) ? number : value;
  }
  if (
    spec.type === 'datetime' &&
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
  ) {
    return `${value}:00${offset}`;
  }
  return value;
}

/**
 * Shows a 422's field errors at their fields (`result.done` → the `done` input under `result`); true when every
 * error found its field, so the caller need not show them again.
 */
export function showServerErrors(
  form: FormInstance,
  error: unknown,
  prefix: string,
  fields: FieldMap,
): boolean {
  if (!(error instanceof ProblemError) || error.problem.errors === undefined) return false;
  let placed = 0;
  const byField = new Map<string, string[]>();
  for (const issue of error.problem.errors) {
    const name = issue.path.startsWith(`${prefix}.`) ? issue.path.slice(prefix.length + 1) : undefined;
    if (name === undefined || fields[name] === undefined) continue;
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    placed += 1;
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: [prefix, name], errors })));
  return placed === error.problem.errors.length;
}
