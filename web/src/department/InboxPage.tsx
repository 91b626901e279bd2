/**
 * 待办: the department's open steps, soonest deadline first, overdue, soon-due and not claimed in time (签收超时)
 * marked, a provisional deadline (暂定) with why. A table at desk widths, a list of cards on a phone (field staff).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert } from '../app/StatusPages';
import { useSession } from '../auth/session';
import { ClaimOverdueTag, ProvisionalMark } from '../common/DeadlineTags';
import { useRegionName } from '../common/directory';
import { stepTitleIn } from '../common/step-language';
import { formatInstant } from '../common/time';

export type InboxItem = Schemas['InboxItem'];
type InboxPage = Schemas['InboxPage'];

/** Less time left than this (on the deadline's own clock) counts as soon due. */
const SOON_MINUTES = 2 * 60;

function DueTags({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const claim = item.claimOverdue === true ? <ClaimOverdueTag /> : null;
  if (item.overdue)
    return (
      <>
        <Tag color="red">{t('inbox.overdue')}</Tag>
        {claim}
      </>
    );
  const left = minutesLeft(item);
  if (left !== undefined && left < SOON_MINUTES) {
    return (
      <>
        <Tag color="orange">{t('inbox.soonDue')}</Tag>
        {claim}
      </>
    );
  }
  return claim;
}

/** The deadline, and while the step is unclaimed its claim limit (签收时限) when the flow sets one. */
function DueAt({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const claimBy =
    item.status === 'active' && item.claimDueAt !== undefined
      ? `${t('deadline.claimDueAt')} ${formatInstant(item.claimDueAt)}`
      : undefined;
  if (item.dueAt === undefined) return <>{claimBy}</>;
  return (
    <>
      {formatInstant(item.dueAt)}
      {claimBy === undefined ? null : <div>{claimBy}</div>}
    </>
  );
}

/** The time left on the deadline's own clock; the working time left for steps recorded before the clock was kept. */
function minutesLeft(item: InboxItem): number | undefined {
  return item.remainingMinutes ?? item.remainingWorkingMinutes;
}

/** Minutes as the largest units that read well: days only for wall-clock time (a working day is not 24 h). */
function durationText(t: TFunction, minutes: number, wallClock: boolean): string {
  if (minutes < 60) return t('inbox.minutes', { count: minutes });
  if (wallClock && minutes >= 24 * 60) {
    return t('inbox.days', { days: Math.floor(minutes / (24 * 60)), hours: Math.floor(minutes / 60) % 24 });
  }
  return t('inbox.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * The time left on the deadline's clock (wall-clock time for an urgent calendar-clock step, else working time on the
 * case's calendar, as the API counts it), marked 暂定 when a working-time count may still move; nothing once overdue
 * or without a deadline.
 */
function Remaining({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const minutes = minutesLeft(item);
  if (minutes === undefined || minutes < 0) return null;
  const wallClock = item.dueClock === 'calendar';
  return (
    <span data-testid="inbox-remaining">
      {durationText(t, minutes, wallClock)}{' '}
      <Typography.Text type="secondary">
        {t(wallClock ? 'inbox.wallClock' : 'inbox.workingTime')}
      </Typography.Text>
      {wallClock ? null : (
        <>
          {' '}
          <ProvisionalMark reason={item.dueProvisional} />
        </>
      )}
    </span>
  );
}

export function InboxList() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const dept = me?.dept ?? '';
  const screens = Grid.useBreakpoint();
  const regionName = useRegionName();
  const inbox = useInfiniteQuery({
    queryKey: ['inbox', dept],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: InboxPage) => page.nextPageToken,
    queryFn: async ({ pageParam }): Promise<InboxPage> =>
      unwrap(
        await api.GET('/v1/departments/{dept}/tasks', {
          params: {
            path: { dept },
            query: { pageSize: 100, ...(pageParam === undefined ? {} : { pageToken: pageParam }) },
          },
        }),
      ),
  });
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const caseLink = (item: InboxItem) => (
    <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{item.caseId}</Link>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <h1 className="page-title">{`${t('inbox.title')} · ${me?.departmentName ?? dept}`}</h1>
        <Button onClick={() => void inbox.refetch()} loading={inbox.isFetching}>
          {t('common.refresh')}
        </Button>
      </Space>
      <ProblemAlert error={inbox.error} />
      {screens.md === false ? (
        <List<InboxItem>
          loading={inbox.isPending}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
          renderItem={(item) => (
            <List.Item>
              <Card
                size="small"
                style={{ width: '100%' }}
                title={caseLink(item)}
                extra={<DueTags item={item} />}
              >
                <div>
                  <Typography.Text strong>{stepTitleIn(item, i18n.language)}</Typography.Text> ·{' '}
                  {t(`stage.${item.stage}`)} · {t(`stepStatus.${item.status}`)}
                </div>
                <div>
                  {t('inbox.dueAt')}: <DueAt item={item} /> · {t('inbox.remaining')}:{' '}
                  <Remaining item={item} />
                </div>
                <div>{regionName(item.region)}</div>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<InboxItem>
          rowKey={(item) => `${item.caseId}/${item.stepId}`}
          loading={inbox.isPending}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
          columns={[
            { title: t('inbox.case'), render: (_: unknown, item) => caseLink(item) },
            {
              title: t('inbox.step'),
              render: (_: unknown, item) => stepTitleIn(item, i18n.language),
            },
            { title: t('inbox.stage'), dataIndex: 'stage', render: (stage: string) => t(`stage.${stage}`) },
            {
              title: t('inbox.status'),
              dataIndex: 'status',
              render: (status: string) => t(`stepStatus.${status}`),
            },
            {
              title: t('inbox.dueAt'),
              render: (_: unknown, item) => (
                <Space size={4}>
                  <div>
                    <DueAt item={item} />
                  </div>
                  <DueTags item={item} />
                </Space>
              ),
            },
            { title: t('inbox.remaining'), render: (_: unknown, item) => <Remaining item={item} /> },
            { title: t('case.region'), dataIndex: 'region', render: (code: string) => regionName(code) },
          ]}
        />
      )}
      {inbox.hasNextPage ? (
        <Button onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
          …
        </Button>
      ) : null}
    </Space>
  );
}
