import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFrameworkTree } from '../../api/catalog-queries';
import { useLocalized } from '../../i18n/use-localized';
import { CHECKSHEET_ID, flattenItems, itemLabel } from '../checksheet/checksheet-types';
import type { IncidentLesson } from './incident-types';

/** The lessons recorded at closing, each with its item and whether it already became a finding. */
export function LessonsSection({ lessons }: { lessons: readonly IncidentLesson[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const tree = useFrameworkTree(CHECKSHEET_ID);
  if (lessons.length === 0) return null;
  const items = tree.data ? flattenItems(tree.data.functions).map(({ item }) => item) : [];
  const itemOf = (id: string) => items.find((item) => item.id === id);
  return (
    <section className="card" aria-labelledby="lessons-heading">
      <h2 id="lessons-heading">{t('incidents.lessons.title')}</h2>
      <ul className="lesson-list" data-testid="incident-lessons">
        {lessons.map((lesson) => {
          const item = itemOf(lesson.itemId);
          return (
            <li key={lesson.id}>
              <p>
                {item ? (
                  <Link to={`/checksheet/items/${item.code}`}>
                    {itemLabel(item.code)} {localized(item.title)}
                  </Link>
                ) : (
                  lesson.itemId
                )}
              </p>
              <p>{lesson.lesson}</p>
              <p className="muted">{lesson.recommendation}</p>
              <p>
                {lesson.carriedToAssessmentId ? (
                  <>
                    <span className="badge">{t('incidents.lessons.carried')}</span>{' '}
                    <Link to={`/assessments/${encodeURIComponent(lesson.carriedToAssessmentId)}`}>
                      {t('incidents.lessons.openAssessment')}
                    </Link>
                  </>
                ) : (
                  <span className="badge">{t('incidents.lessons.pending')}</span>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
