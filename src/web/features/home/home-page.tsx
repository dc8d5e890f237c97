import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeOverview } from '../../../contracts/home.schema';
import { getJson } from '../../api/api-client';
import { useMe } from '../../api/auth-queries';
import { usePermissions } from '../../api/permissions';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { percent } from '../assessments/assessment-model';
import { AuditTargetText, AuditTime, useActionLabel } from '../organisation/audit-entry-parts';

/** The first page: an overview after sign-in, the first step (sign in, or first-run setup) before. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const me = useMe();
  const permissions = usePermissions();
  if (me.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!me.data?.authenticated) return <FirstStep />;
  if (permissions.can('questionnaires.respond') && !permissions.can('home.read'))
    return (
      <section data-testid="provider-home">
        <h1>{t('questionnaires.home.title')}</h1>
        <p>{t('questionnaires.home.none')}</p>
      </section>
    );
  if (!permissions.can('home.read'))
    return (
      <section>
        <h1>{t('home.title')}</h1>
        <p>{me.data.organisationId ? t('home.lead') : t('home.noOrganisation')}</p>
      </section>
    );
  return <Overview />;
}

function FirstStep() {
  const { t } = useTranslation();
  const setup = useQuery({
    queryKey: ['auth', 'setup'],
    queryFn: () => getJson<{ needed: boolean }>('/api/auth/setup'),
  });
  return (
    <section className="first-step" data-testid="first-step">
      <h1>{t('app.name')}</h1>
      <p>{t('home.lead')}</p>
      {setup.data?.needed ? (
        <>
          <p>{t('home.setupFirst')}</p>
          <Link to="/setup" className="button-link" data-testid="first-step-link">
            {t('home.setupLink')}
          </Link>
        </>
      ) : (
        setup.data && (
          <>
            <p>{t('home.signInFirst')}</p>
            <Link to="/login" className="button-link" data-testid="first-step-link">
              {t('home.signInLink')}
            </Link>
          </>
        )
      )}
      <p>
        <Link to="/checksheet">{t('home.browseChecksheet')}</Link>
      </p>
    </section>
  );
}

function Overview() {
  const { t } = useTranslation();
  const overview = useQuery({ queryKey: ['home'], queryFn: () => getJson<HomeOverview>('/api/home') });
  return (
    <div>
      <h1>{t('home.title')}</h1>
      <QueryState query={overview}>
        {(data) => (
          <div className="dashboard-grid home-grid">
            <SystemsCard systems={data.systems} />
            <MyItemsCard items={data.myItems} />
            <FindingsCard findings={data.openFindings} />
            <ActivityCard activity={data.activity} />
          </div>
        )}
      </QueryState>
    </div>
  );
}

function SystemsCard({ systems }: { systems: HomeOverview['systems'] }) {
  const { t } = useTranslation();
  return (
    <section className="card wide" aria-labelledby="home-systems" data-testid="home-systems">
      <h2 id="home-systems">{t('home.systems')}</h2>
      {systems.length === 0 ? (
        <p>
          {t('home.systemsEmpty')} <Link to="/assessments">{t('home.addSystem')}</Link>
        </p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('home.system')}</th>
              <th scope="col">{t('home.latest')}</th>
              <th scope="col">{t('assessment.columns.status')}</th>
              <th scope="col">{t('assessment.columns.score')}</th>
              <th scope="col">{t('assessment.columns.completion')}</th>
            </tr>
          </thead>
          <tbody>
            {systems.map((system) => (
              <tr key={system.id} data-testid="home-system-row">
                <td>
                  <Link to={`/systems/${system.id}`}>{system.name}</Link>
                </td>
                {system.latest ? (
                  <>
                    <td>
                      <Link to={`/assessments/${system.latest.id}`}>{system.latest.title}</Link>
                    </td>
                    <td className="nowrap">{t(`status.${system.latest.status}`)}</td>
                    <td className="number-cell" data-testid="home-system-score">
                      {system.latest.completion === 0 ? t('dashboard.notAnswered') : percent(system.latest.score)}
                    </td>
                    <td className="number-cell nowrap" data-testid="home-system-completion">
                      <meter min={0} max={1} value={system.latest.completion} aria-hidden="true" />{' '}
                      {percent(system.latest.completion)}
                    </td>
                  </>
                ) : (
                  <td colSpan={4} className="muted">
                    {t('home.notAssessed')}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Counts({ total, overdue, shown }: { total: number; overdue: number; shown: number }) {
  const { t } = useTranslation();
  return (
    <p className="muted" data-testid="home-counts">
      {t('home.counts', { total, overdue })}
      {shown < total && ` · ${t('home.shown', { count: shown })}`}
    </p>
  );
}

function MyItemsCard({ items }: { items: HomeOverview['myItems'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="home-my-items" data-testid="home-my-items">
      <h2 id="home-my-items">{t('home.myItems')}</h2>
      {items.total === 0 ? (
        <p>{t('home.myItemsEmpty')}</p>
      ) : (
        <>
          <Counts total={items.total} overdue={items.overdue} shown={items.items.length} />
          <ul className="home-list">
            {items.items.map((item) => (
              <li key={`${item.assessmentId}/${item.itemId}`} className={item.overdue ? 'overdue' : undefined}>
                <Link to={`/assessments/${item.assessmentId}?item=${encodeURIComponent(item.itemId)}`}>
                  {t('checksheet.itemNumber', { number: item.itemNumber })}
                </Link>
                <span>{t(`results.${item.result}`)}</span>
                <span className="muted">{item.assessmentTitle}</span>
                <Due dueDate={item.dueDate} overdue={item.overdue} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FindingsCard({ findings }: { findings: HomeOverview['openFindings'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="home-findings" data-testid="home-findings">
      <h2 id="home-findings">{t('home.openFindings')}</h2>
      {findings.total === 0 ? (
        <p>{t('home.openFindingsEmpty')}</p>
      ) : (
        <>
          <Counts total={findings.total} overdue={findings.overdue} shown={findings.items.length} />
          <ul className="home-list">
            {findings.items.map((finding) => (
              <li key={finding.id} className={finding.overdue ? 'overdue' : undefined}>
                <span className={`priority priority-${finding.priority}`}>
                  {t(`findings.priorities.${finding.priority}`)}
                </span>
                <Link to={`/assessments/${finding.assessmentId}`}>{finding.issue}</Link>
                <span className="muted">{finding.assessmentTitle}</span>
                <span className="muted">{t('checksheet.itemNumber', { number: finding.itemNumber })}</span>
                <Due dueDate={finding.dueDate} overdue={finding.overdue} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Due({ dueDate, overdue }: { dueDate: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (dueDate === null) return <span className="muted">{t('home.noDue')}</span>;
  return (
    <span className={overdue ? 'overdue-label' : 'muted'}>
      {overdue ? t('home.overdueOn', { date: dueDate }) : dueDate}
    </span>
  );
}

function ActivityCard({ activity }: { activity: HomeOverview['activity'] }) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const permissions = usePermissions();
  return (
    <section className="card wide" aria-labelledby="home-activity" data-testid="home-activity">
      <h2 id="home-activity">{activity.scope === 'organisation' ? t('home.activity') : t('home.activityMine')}</h2>
      {activity.entries.length === 0 ? (
        <p>{t('home.activityEmpty')}</p>
      ) : (
        <ul className="home-list activity-list">
          {activity.entries.map((entry) => (
            <li key={entry.id} data-testid="home-activity-row">
              <span className="muted nowrap">
                <AuditTime occurredAt={entry.occurredAt} />
              </span>
              {activity.scope === 'organisation' && <span>{entry.actorName ?? entry.actorLabel}</span>}
              <strong>{actionLabel(entry.action)}</strong>
              <AuditTargetText target={entry.target} />
            </li>
          ))}
        </ul>
      )}
      {permissions.can('audit.read') && (
        <p>
          <Link to="/audit">{t('home.allActivity')}</Link>
        </p>
      )}
    </section>
  );
}
