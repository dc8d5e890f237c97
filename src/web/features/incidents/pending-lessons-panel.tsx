import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSystems } from '../../api/assessment-queries';
import { usePermissions } from '../../api/permissions';
import { usePendingLessons } from './incidents-api';
import './incidents.css';

/**
 * On a checksheet item: the lessons learned from incidents about this item that wait for their
 * system's next assessment (items 57, 59). Shown only to members who may read incidents.
 */
export function PendingLessonsPanel({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const allowed = can('incidents.read');
  const lessons = usePendingLessons(itemId, allowed);
  const systems = useSystems();
  const list = lessons.data?.lessons ?? [];
  if (!allowed || list.length === 0) return null;
  const systemName = (id: string) => systems.data?.systems.find((system) => system.id === id)?.name ?? id;
  return (
    <section className="panel pending-lessons" aria-labelledby="pending-lessons-heading" data-testid="pending-lessons">
      <h2 id="pending-lessons-heading">{t('incidents.lessons.itemTitle')}</h2>
      <p className="muted">{t('incidents.lessons.itemLead')}</p>
      <ul className="lesson-list">
        {list.map((lesson) => (
          <li key={lesson.id} data-testid="pending-lesson">
            <p>
              <Link to={`/incidents/${encodeURIComponent(lesson.incidentId)}`}>
                {t('incidents.lessons.from', { label: lesson.incidentReference, title: lesson.incidentTitle })}
              </Link>{' '}
              <span className="muted">{systemName(lesson.systemId)}</span>
            </p>
            <p>{lesson.lesson}</p>
            {lesson.recommendation && <p className="muted">{lesson.recommendation}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
