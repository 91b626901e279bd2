/**
 * What the supervisor's lists share: the keyset-paged query (`pageToken` in, `nextPageToken` out, a "more" button
 * for the next page) and the filter fields for stage, region, department and overdue.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Cascader, Checkbox, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { useDepartments, useRegions } from '../common/directory';
import { regionOptions } from '../intake/region-tree';

/** The stages of an open case, in order. */
export const OPEN_STAGES = [
  'assessment',
  'mobilization',
  'action',
  'supervision',
  'emergency',
  'review',
] as const;

interface Paged<T> {
  readonly items: T[];
  readonly nextPageToken?: string;
}

/** Every page read so far of a list (`fetchPage` reads one, after `pageToken`), and its items in order. */
export function usePagedList<T>(
  key: readonly unknown[],
  fetchPage: (pageToken: string | undefined) => Promise<Paged<T>>,
) {
  const query = useInfiniteQuery({
    queryKey: key,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (page: Paged<T>) => page.nextPageToken,
  });
  return { query, items: query.data?.pages.flatMap((page) => page.items) ?? [] };
}

/** The button that reads the next page, while there is one. */
export function MoreButton({
  list,
  label,
}: {
  list: ReturnType<typeof usePagedList>['query'];
  label: string;
}) {
  return list.hasNextPage ? (
    <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
      {label}
    </Button>
  ) : null;
}

/** `{ pageToken }` when there is one (for a query's spread). */
export function pageTokenOf(pageToken: string | undefined): { pageToken?: string } {
  return pageToken === undefined ? {} : { pageToken };
}

/** The region filter: the directory's tree below the signed-in supervisor's region (all of it for an admin). */
export function RegionFilter({ label }: { label: string }) {
  const { me } = useSession();
  const regions = useRegions().data ?? [];
  return (
    <Form.Item name="region" label={label}>
      <Cascader
        changeOnSelect
        style={{ minWidth: 200 }}
        options={regionOptions(regions, me?.role === 'admin' ? undefined : me?.region)}
      />
    </Form.Item>
  );
}

/** The department filter, searchable by name. */
export function DepartmentFilter({ label }: { label: string }) {
  const departments = useDepartments().data ?? [];
  return (
    <Form.Item name="department" label={label}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ minWidth: 200 }}
        options={departments.map((department) => ({ value: department.id, label: department.name }))}
      />
    </Form.Item>
  );
}

/** The stage filter over `stages`. */
export function StageFilter({ stages }: { stages: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="stage" label={t('supervision.stage')}>
      <Select
        allowClear
        style={{ minWidth: 120 }}
        options={stages.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
      />
    </Form.Item>
  );
}

/** The "overdue only" box. */
export function OverdueFilter() {
  const { t } = useTranslation();
  return (
    <Form.Item name="overdue" valuePropName="checked">
      <Checkbox>{t('supervision.overdue')}</Checkbox>
    </Form.Item>
  );
}

/** The last region picked in the cascader, if any. */
export function pickedRegion(path: readonly string[] | undefined): { region?: string } {
  const region = path?.at(-1);
  return region === undefined ? {} : { region };
}
