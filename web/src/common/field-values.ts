/**
 * Values of case data and step results as people read them: 是/否 (Yes/No) for booleans, an enum's value by its
 * title (`valueTitles`), a list's items joined, numbers and text as they are, anything else as JSON. Labels are the
 * field's title in the user's language, else its name.
 */
import type { TFunction } from 'i18next';
import { localized, valueTitle, type FieldMap, type FieldSpec } from './flows';

export function formatFieldValue(value: unknown, t: TFunction, spec?: FieldSpec, language = 'zh'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') return spec?.type === 'enum' ? valueTitle(spec, value, language) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.join('、');
  return JSON.stringify(value);
}

/** Each field of `values` with its label from `fields` and its value in words, in the order of `values`. */
export function labelledValues(
  values: Readonly<Record<string, unknown>>,
  fields: FieldMap | undefined,
  language: string,
  t: TFunction,
): { name: string; label: string; text: string }[] {
  return Object.entries(values).map(([name, value]) => ({
    name,
    label: localized(fields?.[name]?.title, language, name),
    text: formatFieldValue(value, t, fields?.[name], language),
  }));
}
