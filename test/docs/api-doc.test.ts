import { parse } from 'yaml';
import { buildOpenApiDocument } from '../../api/openapi/build-openapi-document';
import { CaseViewSchema, MigrationPlanSchema, ProblemSchema } from '../../api/schemas';
import { WorkingCalendarSchema } from '../../config/calendars/calendar-schema';
import { checkDirectory } from '../../config/directory/check-directory';
import { DirectorySchema } from '../../config/directory/directory-schema';
import { anchorOf, links, readDoc, type MarkdownDoc } from './markdown';

const api = readDoc('api.md');
const flowLanguage = readDoc('flow-language.md');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `get /v1/cases/{caseId}` for every operation of the generated OpenAPI document. */
const operations = Object.entries(buildOpenApiDocument().paths ?? {}).flatMap(([path, item]) =>
  METHODS.filter((method) => (item as Record<string, unknown>)[method] !== undefined).map(
    (method) => `${method} ${path}`,
  ),
);
const templates = [...new Set(operations.map((operation) => operation.split(' ')[1] ?? ''))];

/** The OpenAPI path templates a concrete or templated path may stand for (a templated one: only itself). */
function templatesOf(path: string): string[] {
  if (path.includes('{')) return templates.filter((template) => template === path);
  return templates.filter((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`).test(path),
  );
}

/** Every `/v1/…` path a document names, in prose or examples, without its query string. */
function namedPaths(doc: MarkdownDoc): string[] {
  const found = [...doc.text.matchAll(/\/v1\/[A-Za-z0-9_.{}/:-]*/g)].map((match) =>
    match[0].replace(/[.:/]+$/, ''),
  );
  return [...new Set(found)];
}

/** `METHOD /path` pairs of a document. */
function namedOperations(doc: MarkdownDoc): string[] {
  return [...doc.text.matchAll(/\b(GET|POST|PUT|PATCH|DELETE) (\/[A-Za-z0-9_.{}/-]*)/g)].map(
    (match) => `${(match[1] ?? '').toLowerCase()} ${(match[2] ?? '').replace(/[.:/]+$/, '')}`,
  );
}

const jsonBlocks = api.blocks.filter((block) => block.lang === 'json').map((block) => ({ ...block }));

describe('docs/api.md', () => {
  it('has a heading for every endpoint of the OpenAPI document (document new endpoints there)', () => {
    const headed = new Set(
      api.headings.flatMap((heading) => {
        const match = /^`(GET|POST|PUT|PATCH|DELETE) (\S+)`/.exec(heading);
        return match ? [`${(match[1] ?? '').toLowerCase()} ${match[2]}`] : [];
      }),
    );
    expect(operations.filter((operation) => !headed.has(operation))).toEqual([]);
  });

  it.each([api, flowLanguage])('$name names only /v1 paths and operations the API has', (doc) => {
    expect(namedPaths(doc).length).toBeGreaterThan(0);
    expect(namedPaths(doc).filter((path) => templatesOf(path).length === 0)).toEqual([]);
    const unknown = namedOperations(doc).filter((pair) => {
      const [method, path = ''] = pair.split(' ');
      // `POST /operations/{operation}` is the departmental systems' side, not this API's.
      if (path.startsWith('/operations/')) return false;
      const candidates = path.startsWith('/v1/') ? templatesOf(path) : [path];
      return !candidates.some((template) => operations.includes(`${method} ${template}`));
    });
    expect(unknown).toEqual([]);
  });

  it.each([api, flowLanguage])('$name links only to headings that exist', (doc) => {
    const anchorsOf = (name: string) => readDoc(name).headings.map(anchorOf);
    const broken = links(doc).filter(({ file, anchor }) => {
      if (anchor === undefined || file.startsWith('http')) return false;
      const target = file === '' ? doc.name : file;
      return !anchorsOf(target).includes(anchor);
    });
    expect(broken).toEqual([]);
  });

  it('has JSON examples that parse; case views, migration plans and problems match the schemas the API answers with', () => {
    expect(jsonBlocks.length).toBeGreaterThan(10);
    const values = jsonBlocks.map((block) => ({
      line: block.line,
      value: JSON.parse(block.text) as unknown,
    }));
    const record = (value: unknown) => (typeof value === 'object' && value !== null ? value : {});
    const withSteps = values.filter(({ value }) => 'caseId' in record(value) && 'steps' in record(value));
    const plans = withSteps.filter(({ value }) => 'toVersion' in record(value));
    const views = withSteps.filter(({ value }) => !('toVersion' in record(value)));
    const problems = values.filter(({ value }) => 'type' in record(value) && 'status' in record(value));
    expect(views.length).toBeGreaterThan(0);
    expect(plans.length).toBeGreaterThan(0);
    expect(problems.length).toBeGreaterThan(0);
    const mismatches = [
      ...views.map(({ line, value }) => [line, CaseViewSchema.safeParse(value).error?.issues ?? []] as const),
      ...plans.map(
        ({ line, value }) => [line, MigrationPlanSchema.safeParse(value).error?.issues ?? []] as const,
      ),
      ...problems.map(
        ({ line, value }) => [line, ProblemSchema.safeParse(value).error?.issues ?? []] as const,
      ),
    ].filter(([, issues]) => issues.length > 0);
    expect(mismatches).toEqual([]);
  });

  it('shows a directory and a calendar that their loaders accept', () => {
    const yaml = api.blocks
      .filter((block) => block.lang === 'yaml')
      .map((block) => parse(block.text) as object);
    const directory = DirectorySchema.parse(yaml.find((value) => 'regions' in value));
    expect(checkDirectory(directory)).toEqual([]);
    expect(
      WorkingCalendarSchema.safeParse(yaml.find((value) => 'workingHours' in value)).error,
    ).toBeUndefined();
  });
});
