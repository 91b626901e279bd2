/**
 * One case: its facts, the six stages, its steps (with the department's and the supervisor's actions, a pending
 * rework decision, the intake seat's follow-up visit) and its timeline. Every time is shown as the case's calendar writes it.
 */
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading, ProblemAlert } from '../app/StatusPages';
import { useSession } from '../auth/session';
import { AwaitingDecisionTag, ProvisionalMark } from '../common/DeadlineTags';
import { useRegionName } from '../common/directory';
import { localized, useFlowDefinition } from '../common/flows';
import { formatInstant } from '../common/time';
import { useCaseView, useTimeline, type FromRecord } from './case-queries';
import { CaseTimeline } from './CaseTimeline';
import { caseOffset } from './DepartmentStepActions';
import { FeedbackForm } from './FeedbackForm';
import { ReworkDecision } from './ReworkDecision';
import { StageProgress } from './StageProgress';
import { labelledValues } from '../common/field-values';
import { StepsTable } from './StepsTable';
import { SupervisorActions } from './SupervisorActions';

/**
 * Says that the page shows the ledger's record, not the live case, and when it was written; while the case is open,
 * that its actions wait for the service (the page asks again by itself).
 */
function FromRecordBanner({ fromRecord, waiting }: { fromRecord: FromRecord; waiting: boolean }) {
  const { t } = useTranslation();
  const at = formatInstant(fromRecord.writtenAt);
  return (
    <Alert
      data-testid="case-from-record"
      type="warning"
      showIcon
      message={t('case.fromRecord')}
      description={waiting ? t('case.fromRecordWaiting', { at }) : t('case.fromRecordKept', { at })}
    />
  );
}

export default function CasePage() {
  const { t, i18n } = useTranslation();
  const { caseId = '' } = useParams();
  const { me } = useSession();
  const view = useCaseView(caseId);
  const timeline = useTimeline(caseId);
  const definition = useFlowDefinition(view.data?.view.flowId, view.data?.view.flowVersion);
  const regionName = useRegionName();
  if (view.isPending || me === undefined) return <Loading />;
  if (view.isError) return <ProblemAlert error={view.error} />;
  const { view: data, fromRecord } = view.data;
  const offset = caseOffset(data);
  // An open case shown from the ledger's record: no worker answered, so no action could be applied now.
  const waiting = fromRecord !== undefined && (data.status === 'open' || data.status === 'suspended');
  const supervises = !waiting && (me.role === 'supervisor' || me.role === 'admin');
  const intake = !waiting && (me.role === 'intake' || me.role === 'admin');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <h1 className="page-title" style={{ margin: 0 }}>
          {t('case.title', { caseId: data.caseId })}
        </h1>
        <Tag color={data.status === 'open' ? 'blue' : data.status === 'suspended' ? 'gold' : 'default'}>
          {t(`caseStatus.${data.status}`)}
        </Tag>
        {data.overdue ? <Tag color="red">{t('case.overdue')}</Tag> : null}
        {data.steps.some((step) => step.reworkDecision !== undefined) ? <AwaitingDecisionTag /> : null}
        {data.unresolved === true ? <Tag color="default">{t('case.unresolved')}</Tag> : null}
        {data.emergencyLevel > 0 ? (
          <Tag color="red">{`${t('case.emergency')} ${data.emergencyLevel}`}</Tag>
        ) : null}
      </Space>
      {fromRecord === undefined ? null : <FromRecordBanner fromRecord={fromRecord} waiting={waiting} />}
      <Card size="small">
        <StageProgress view={data} />
      </Card>
      {supervises ? (
        <Card size="small" title={<h2 className="section-title">{t('role.supervisor')}</h2>}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {data.steps
              .filter((step) => step.reworkDecision !== undefined)
              .map((step) => (
                <ReworkDecision key={step.id} view={data} step={step} definition={definition.data} />
              ))}
            <SupervisorActions view={data} dataFields={definition.data?.data} offset={offset} />
          </Space>
        </Card>
      ) : null}
      {intake && data.review?.status === 'open' ? (
        <Card size="small">
          <FeedbackForm caseId={data.caseId} />
        </Card>
      ) : null}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('case.flow')}>
            {localized(definition.data?.title, i18n.language, data.flowId)} (v{data.flowVersion})
          </Descriptions.Item>
          <Descriptions.Item label={t('case.region')}>{regionName(data.region)}</Descriptions.Item>
          <Descriptions.Item label={t('case.priority')}>
            {data.priority === 'urgent' ? t('case.priorityUrgent') : t('case.priorityNormal')}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.createdAt')}>{formatInstant(data.createdAt)}</Descriptions.Item>
          {data.dueAt === undefined ? null : (
            <Descriptions.Item label={t('case.dueAt')}>
              {formatInstant(data.dueAt)} <ProvisionalMark reason={data.dueProvisional} />
            </Descriptions.Item>
          )}
          {data.title === undefined ? null : (
            <Descriptions.Item label={t('intake.caseTitle')}>{data.title}</Descriptions.Item>
          )}
          {labelledValues(data.data, definition.data?.data, i18n.language, t).map(({ name, label, text }) => (
            <Descriptions.Item key={name} label={label}>
              {text}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card size="small" title={<h2 className="section-title">{t('case.steps')}</h2>}>
        <StepsTable view={data} me={me} definition={definition.data} offset={offset} actionsWait={waiting} />
      </Card>
      <Card size="small" title={<h2 className="section-title">{t('case.timeline')}</h2>}>
        {timeline.isError ? (
          <ProblemAlert error={timeline.error} />
        ) : (
          <CaseTimeline items={timeline.data ?? []} steps={data.steps} />
        )}
        <Typography.Text type="secondary">{t('case.timesIn', { offset })}</Typography.Text>
      </Card>
    </Space>
  );
}
