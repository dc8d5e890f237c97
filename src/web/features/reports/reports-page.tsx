import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAssessmentList } from '../../api/assessment-queries';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';

/** /reports: which assessment to report on; each leads to that assessment's Reports page. */
export function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.title'));
  const assessments = useAssessmentList();
  return (
    <div className="reports-index">
      <h1>{t('reports.title')}</h1>
      <p className="muted">{t('reports.chooseAssessment')}</p>
      <QueryState query={assessments}>
        {({ assessments: list }) =>
          list.length === 0 ? (
            <p className="muted">{t('reports.noAssessments')}</p>
          ) : (
            <ul>
              {list.map((assessment) => (
                <li key={assessment.id}>
                  <Link to={`/assessments/${assessment.id}/reports`}>{assessment.title}</Link>{' '}
                  <span className="muted">{assessment.systemName}</span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
