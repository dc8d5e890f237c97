import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AssessmentDetail } from '../../../contracts/assessment.schema';
import type { FrameworkTreeResponse } from '../../../contracts/catalog.schema';
import { useAssessment } from '../../api/assessment-queries';
import { usePermissions } from '../../api/permissions';
import { useFrameworkTree } from '../../api/catalog-queries';
import { QueryState } from '../../components/query-state';
import { useLocalized } from '../../i18n/use-localized';
import { flattenItems } from '../checksheet/checksheet-types';
import { FILTERS, matchesFilter, RESULT_KEYS, type Filter, type Result } from './assessment-model';
import { ItemDrawer, type FocusRequest } from './item-drawer';
import { ItemTable, type ItemRowData } from './item-table';
import { usePeople } from './people';
import { SaveIndicator } from './save-indicator';
import { StatusBar } from './status-bar';
import { useAnswerSaver } from './use-answer-saver';
import { usePageTitle } from '../../components/use-page-title';

/** One assessment: status, the 60 items to answer (mouse or keyboard), and the item drawer. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const detail = useAssessment(id);
  return <QueryState query={detail}>{(data) => <AssessmentLoaded detail={data} />}</QueryState>;
}

function AssessmentLoaded({ detail }: { detail: AssessmentDetail }) {
  const tree = useFrameworkTree(detail.assessment.frameworkId);
  return <QueryState query={tree}>{(data) => <AssessmentWorkspace detail={detail} tree={data} />}</QueryState>;
}

function AssessmentWorkspace({ detail, tree }: { detail: AssessmentDetail; tree: FrameworkTreeResponse }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { assessment, system } = detail;
  usePageTitle(assessment.title);
  const people = usePeople();
  const permissions = usePermissions();
  const saver = useAnswerSaver(assessment.id);
  const [filter, setFilter] = useState<Filter>('all');
  // ?item=jssec-v2:25 (from the dashboard's gaps) opens that item.
  const [searchParams] = useSearchParams();
  const [selected, setSelected] = useState<string | undefined>(() => searchParams.get('item') ?? undefined);
  const [drawerItem, setDrawerItem] = useState<string | undefined>(() => searchParams.get('item') ?? undefined);
  const [naIntent, setNaIntent] = useState<string>();
  const [focusRequest, setFocusRequest] = useState<FocusRequest>();
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  // The server refuses edits to done and archived assessments (reopen first).
  const editable = people.canWrite && assessment.status !== 'archived' && assessment.status !== 'done';

  const answersById = useMemo(() => new Map(detail.answers.map((answer) => [answer.itemId, answer])), [detail.answers]);
  const view = saver.view;
  const rows: ItemRowData[] = useMemo(
    () =>
      flattenItems(tree.functions).flatMap(({ fn, category, item }) => {
        const answer = answersById.get(item.id);
        return answer ? [{ fn, category, item, answer: view(answer) }] : [];
      }),
    [tree.functions, answersById, view],
  );
  const visible = useMemo(
    () => rows.filter((row) => matchesFilter(row.answer, filter, people.meId)),
    [rows, filter, people.meId],
  );
  const counts = useMemo(
    () =>
      Object.fromEntries(
        FILTERS.map((name) => [name, rows.filter((row) => matchesFilter(row.answer, name, people.meId)).length]),
      ) as Record<Filter, number>,
    [rows, people.meId],
  );
  const openWork = useMemo(
    () => ({
      unanswered: rows.filter((row) => row.answer.result === 'unanswered').length,
      returned: rows.filter((row) => row.answer.reviewState === 'returned').length,
    }),
    [rows],
  );
  const selectedId = selected && visible.some((row) => row.item.id === selected) ? selected : visible[0]?.item.id;
  const drawerRow = drawerItem ? rows.find((row) => row.item.id === drawerItem) : undefined;

  const focusRow = useCallback((itemId: string) => {
    const element = rowRefs.current.get(itemId);
    element?.focus();
    element?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  // Keyboard answering starts where the user looks: the selected (first) row has focus as soon as
  // the assessment opens, so "1" answers at once. Not when a drawer opens with the page (?item=),
  // which takes focus itself, nor when the user already focused something else.
  const focusedOnOpen = useRef(false);
  useEffect(() => {
    if (focusedOnOpen.current || !selectedId) return;
    focusedOnOpen.current = true;
    const active = document.activeElement;
    if (drawerItem || (active && active !== document.body)) return;
    rowRefs.current.get(selectedId)?.focus({ preventScroll: true });
  }, [selectedId, drawerItem]);

  const openDrawer = useCallback((itemId: string, focus: FocusRequest['target'] = 'heading') => {
    setSelected(itemId);
    setDrawerItem(itemId);
    setFocusRequest({ itemId, target: focus, nonce: Date.now() });
  }, []);

  const closeDrawer = useCallback(() => {
    const itemId = drawerItem;
    setDrawerItem(undefined);
    setNaIntent(undefined);
    if (itemId) requestAnimationFrame(() => focusRow(itemId));
  }, [drawerItem, focusRow]);

  const setResult = useCallback(
    (itemId: string, result: Result) => {
      if (!editable) return;
      if (result === 'not_applicable') {
        // N/A needs a reason: ask for it in the drawer; it is saved with the reason.
        setNaIntent(itemId);
        openDrawer(itemId, 'justification');
        return;
      }
      if (naIntent === itemId) setNaIntent(undefined);
      saver.change(itemId, { result });
    },
    [editable, naIntent, openDrawer, saver],
  );

  const move = useCallback(
    (delta: number) => {
      const index = visible.findIndex((row) => row.item.id === selectedId);
      const next = visible[Math.max(0, Math.min(visible.length - 1, index + delta))];
      if (!next) return;
      setSelected(next.item.id);
      if (drawerItem) setDrawerItem(next.item.id);
      focusRow(next.item.id);
    },
    [visible, selectedId, drawerItem, focusRow],
  );

  const onRowKey = useCallback(
    (itemId: string, key: string): boolean => {
      const result = RESULT_KEYS[key];
      if (result) {
        setResult(itemId, result);
        return true;
      }
      switch (key) {
        case 'n':
        case 'N':
          setResult(itemId, 'not_applicable');
          return true;
        case 'j':
        case 'ArrowDown':
          move(1);
          return true;
        case 'k':
        case 'ArrowUp':
          move(-1);
          return true;
        case 'Enter':
          openDrawer(itemId);
          return true;
        default:
          return false;
      }
    },
    [move, openDrawer, setResult],
  );

  return (
    <div className={`assessment-page${drawerRow ? ' drawer-open' : ''}`} data-testid="assessment-page">
      <div className="assessment-main">
        <nav aria-label={t('assessment.breadcrumb')} className="muted">
          <Link to="/assessments">{t('assessment.backToList')}</Link> · {system.name}
        </nav>
        <header className="page-header">
          <h1 data-testid="assessment-title">{assessment.title}</h1>
          <Link to={`/assessments/${assessment.id}/dashboard`} className="button-link" data-testid="dashboard-link">
            {t('dashboard.open')}
          </Link>
          <Link to={`/assessments/${assessment.id}/coverage`} className="button-link" data-testid="coverage-link">
            {t('coverage.open')}
          </Link>
          <Link to={`/assessments/${assessment.id}/reports`} className="button-link" data-testid="reports-link">
            {t('reports.action')}
          </Link>
          {permissions.can('questionnaires.manage') && (
            <Link
              to={`/assessments/${assessment.id}/questionnaires`}
              className="button-link"
              data-testid="questionnaires-link"
            >
              {t('questionnaires.open')}
            </Link>
          )}
        </header>
        <StatusBar assessment={assessment} canWrite={people.canWrite} openWork={openWork} />
        {people.canWrite && !editable && (
          <p className="notice">{t(`assessment.readOnly.${assessment.status === 'done' ? 'done' : 'archived'}`)}</p>
        )}
        {!people.canWrite && <p className="notice">{t('assessment.readOnly.viewer')}</p>}
        <div className="toolbar">
          <div role="group" aria-label={t('assessment.filterLabel')} className="filter-chips">
            {FILTERS.map((name) => (
              <button
                key={name}
                type="button"
                aria-pressed={filter === name}
                className="chip"
                onClick={() => setFilter(name)}
                data-testid={`filter-${name}`}
              >
                {t(`assessment.filters.${name}`)} <span className="chip-count">{counts[name]}</span>
              </button>
            ))}
          </div>
          <SaveIndicator state={saver.global} />
        </div>
        <p id="keyboard-help" className="muted keyboard-help">
          {t('assessment.keyboardHelp')}
        </p>
        {visible.length === 0 ? (
          <p className="notice">{t('assessment.filterEmpty')}</p>
        ) : (
          <ItemTable
            rows={visible}
            selectedId={selectedId}
            drawerId={drawerRow?.item.id}
            editable={editable}
            saver={saver}
            people={people}
            naIntent={naIntent}
            rowRefs={rowRefs}
            onSelect={setSelected}
            onOpen={openDrawer}
            onResult={setResult}
            onKey={onRowKey}
          />
        )}
        <p className="muted">
          {t('assessment.frameworkNote', {
            framework: localized(tree.framework.title),
            version: assessment.frameworkVersion,
          })}
        </p>
      </div>
      {drawerRow && (
        <ItemDrawer
          key={drawerRow.item.id}
          assessmentId={assessment.id}
          row={drawerRow}
          saver={saver}
          people={people}
          editable={editable}
          naIntent={naIntent === drawerRow.item.id}
          onNaDone={() => setNaIntent(undefined)}
          onNaIntent={() => setNaIntent(drawerRow.item.id)}
          focusRequest={focusRequest?.itemId === drawerRow.item.id ? focusRequest : undefined}
          onClose={closeDrawer}
        />
      )}
    </div>
  );
}
