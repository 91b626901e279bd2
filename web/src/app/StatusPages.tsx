/** Small pages and states shared by every area: loading, not allowed, not found, an error from the API. */
import { Alert, Button, Result, Spin } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemError, type Problem } from '../api/client';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status">
      <Spin /> <span>{t('common.loading')}</span>
    </div>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={<h1 className="page-title">{t('forbidden.title')}</h1>}
      subTitle={t('forbidden.detail')}
      extra={
        <Link to="/">
          <Button type="primary">{t('forbidden.home')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title={<h1 className="page-title">{t('notFound.title')}</h1>} />;
}

/** The problem's slug: the last segment of its type URI (`…/problems/case-closed` → `case-closed`). */
function slugOf(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/**
 * What the problem is called in the user's language: by its slug (`problemTitles.<slug>`), else by its status
 * (`problemStatus.<status>`), else the API's own title.
 */
function problemTitle(problem: Problem, t: TFunction, exists: (key: string) => boolean): string {
  const bySlug = `problemTitles.${slugOf(problem.type)}`;
  if (exists(bySlug)) return t(bySlug);
  const byStatus = `problemStatus.${problem.status}`;
  return exists(byStatus) ? t(byStatus) : problem.title;
}

/**
 * An API error as an alert: the problem's status and what it is called in the user's language, what it means for
 * the user when the app knows the problem (`problems.<slug>`), the API's detail, and each field error.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (error === null || error === undefined) return null;
  const problem = error instanceof ProblemError ? error.problem : undefined;
  const hint = problem === undefined ? undefined : `problems.${slugOf(problem.type)}`;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={
        problem
          ? `${problem.status} ${problemTitle(problem, t, (key) => i18n.exists(key))}`
          : t('common.error')
      }
      description={
        problem ? (
          <>
            {hint !== undefined && i18n.exists(hint) ? <div>{t(hint)}</div> : null}
            <div>{problem.detail}</div>
            {problem.errors?.map((issue) => (
              <div key={`${issue.path}:${issue.message}`}>
                {issue.path === '' ? '' : `${issue.path}: `}
                {issue.message}
              </div>
            ))}
          </>
        ) : error instanceof Error ? (
          error.message
        ) : (
          t('common.error')
        )
      }
    />
  );
}
