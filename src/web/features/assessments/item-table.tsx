import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../contracts/assessment.schema';
import type { TreeFunction } from '../../../contracts/catalog.schema';
import { useLocalized } from '../../i18n/use-localized';
import { itemLabel, type TreeCategory, type TreeItem } from '../checksheet/checksheet-types';
import { isOverdue, RESULT_OPTIONS, type Result } from './assessment-model';
import { ConflictPanel } from './conflict-panel';
import type { People } from './people';
import { RowSaveState } from './save-indicator';
import type { AnswerSaver } from './use-answer-saver';

export interface ItemRowData {
  readonly fn: TreeFunction;
  readonly category: TreeCategory;
  readonly item: TreeItem;
  readonly answer: Answer;
}

const COLUMNS = 8;
const KEY_HINT: Partial<Record<Result, string>> = {
  implemented: '1',
  partial: '2',
  not_implemented: '3',
  not_applicable: 'N',
  unanswered: '4',
};

interface ItemTableProps {
  rows: readonly ItemRowData[];
  selectedId: string | undefined;
  drawerId: string | undefined;
  editable: boolean;
  saver: AnswerSaver;
  people: People;
  naIntent: string | undefined;
  rowRefs: RefObject<Map<string, HTMLTableRowElement>>;
  onSelect: (itemId: string) => void;
  onOpen: (itemId: string) => void;
  onResult: (itemId: string, result: Result) => void;
  /** A key pressed while a row itself has focus; true when handled. */
  onKey: (itemId: string, key: string) => boolean;
}

/**
 * The items grouped function → category. Rows take focus (one tab stop, roving); with a row focused
 * 1–4 and N answer, j/k move and Enter opens the drawer. Controls inside rows keep their own keys.
 */
export function ItemTable({
  rows,
  selectedId,
  drawerId,
  editable,
  saver,
  people,
  naIntent,
  rowRefs,
  onSelect,
  onOpen,
  onResult,
  onKey,
}: ItemTableProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const groups: { fn: TreeFunction; categories: { category: TreeCategory; rows: ItemRowData[] }[] }[] = [];
  for (const row of rows) {
    let fnGroup = groups.at(-1);
    if (fnGroup?.fn.id !== row.fn.id) groups.push((fnGroup = { fn: row.fn, categories: [] }));
    let categoryGroup = fnGroup.categories.at(-1);
    if (categoryGroup?.category.id !== row.category.id)
      fnGroup.categories.push((categoryGroup = { category: row.category, rows: [] }));
    categoryGroup.rows.push(row);
  }

  const keyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    const itemId = target.dataset['itemId'];
    if (!itemId || target.tagName !== 'TR' || event.altKey || event.ctrlKey || event.metaKey) return;
    if (onKey(itemId, event.key)) event.preventDefault();
  };

  return (
    <table className="answer-table" aria-describedby="keyboard-help" onKeyDown={keyDown} data-testid="answer-table">
      <thead>
        <tr>
          <th scope="col" className="col-number">
            {t('assessment.columns.number')}
          </th>
          <th scope="col">{t('assessment.columns.item')}</th>
          <th scope="col">{t('assessment.columns.result')}</th>
          <th scope="col" className="col-detail">
            {t('assessment.columns.assignee')}
          </th>
          <th scope="col" className="col-detail">
            {t('assessment.columns.due')}
          </th>
          <th scope="col" className="col-detail">
            {t('assessment.columns.evidence')}
          </th>
          <th scope="col" className="col-detail">
            {t('assessment.columns.review')}
          </th>
          <th scope="col" className="col-save">
            {t('assessment.columns.saved')}
          </th>
        </tr>
      </thead>
      {groups.map(({ fn, categories }) => (
        <tbody key={fn.id}>
          <tr className="function-row">
            <th scope="rowgroup" colSpan={COLUMNS} id={`group-${fn.code}`}>
              {localized(fn.title)} <span className="code">({fn.code})</span>
            </th>
          </tr>
          {categories.map(({ category, rows: categoryRows }) => [
            <tr key={category.id} className="category-row">
              <th scope="colgroup" colSpan={COLUMNS}>
                {localized(category.title)} <span className="code">({category.code})</span>
              </th>
            </tr>,
            ...categoryRows.flatMap(({ item, answer }) => {
              const selected = item.id === selectedId;
              const conflict = saver.conflicts[item.id];
              const overdue = isOverdue(answer);
              const number = itemLabel(item.code);
              const rowElement = (
                <tr
                  key={item.id}
                  ref={(element) => {
                    if (element) rowRefs.current.set(item.id, element);
                    else rowRefs.current.delete(item.id);
                  }}
                  tabIndex={selected ? 0 : -1}
                  data-item-id={item.id}
                  data-testid={`answer-row-${item.code}`}
                  data-result={answer.result}
                  aria-label={`${t('checksheet.itemNumber', { number })} ${localized(item.title)}: ${t(`results.${answer.result}`)}`}
                  className={`answer-row${selected ? ' selected' : ''}${item.id === drawerId ? ' open' : ''}${overdue ? ' overdue' : ''}`}
                  onFocus={(event) => event.target === event.currentTarget && onSelect(item.id)}
                  onClick={() => onSelect(item.id)}
                >
                  <td className="col-number">
                    <span className="item-number">{number}</span>
                  </td>
                  <td className="col-title">
                    <button
                      type="button"
                      className="link-button"
                      tabIndex={-1}
                      onClick={() => onOpen(item.id)}
                      data-testid={`open-item-${item.code}`}
                    >
                      {localized(item.title)}
                    </button>
                    {naIntent === item.id && <span className="badge pending">{t('assessment.naNeedsReason')}</span>}
                  </td>
                  <td>
                    <ResultControl
                      itemId={item.id}
                      number={number}
                      value={answer.result}
                      disabled={!editable}
                      onChange={(result) => onResult(item.id, result)}
                    />
                  </td>
                  <td className="col-detail">
                    {answer.assigneeUserId ? people.nameOf(answer.assigneeUserId) : <span className="muted">—</span>}
                  </td>
                  <td className={`col-detail${overdue ? ' overdue-text' : ''}`}>
                    {answer.dueDate ?? <span className="muted">—</span>}
                    {overdue && <span className="visually-hidden"> {t('assessment.overdue')}</span>}
                  </td>
                  <td className="col-detail number-cell" data-testid={`evidence-count-${item.code}`}>
                    {answer.evidenceCount}
                  </td>
                  <td className="col-detail">
                    <span className={`review review-${answer.reviewState}`} data-testid={`review-state-${item.code}`}>
                      {t(`review.states.${answer.reviewState}`)}
                    </span>
                  </td>
                  <td className="col-save">
                    <RowSaveState
                      state={saver.states[item.id]}
                      onRetry={() => saver.retry(item.id)}
                      testId={`save-state-${item.code}`}
                    />
                  </td>
                </tr>
              );
              return conflict
                ? [
                    rowElement,
                    <tr key={`${item.id}-conflict`} className="conflict-row">
                      <td colSpan={COLUMNS}>
                        <ConflictPanel
                          conflict={conflict}
                          nameOf={people.nameOf}
                          onResolve={(choice) => saver.resolve(item.id, choice)}
                        />
                      </td>
                    </tr>,
                  ]
                : [rowElement];
            }),
          ])}
        </tbody>
      ))}
    </table>
  );
}

/** The result as a segmented control of native radios (arrow keys move between them). */
export function ResultControl({
  itemId,
  number,
  value,
  disabled,
  onChange,
}: {
  itemId: string;
  number: string;
  value: Result;
  disabled: boolean;
  onChange: (result: Result) => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      role="radiogroup"
      aria-label={t('assessment.resultFor', { number })}
      className="segmented"
      data-testid={`result-${itemId}`}
    >
      {RESULT_OPTIONS.map((option) => (
        <label
          key={option}
          className={`segment result-${option}${value === option ? ' checked' : ''}`}
          title={`${t(`results.${option}`)} (${KEY_HINT[option] ?? ''})`}
        >
          <input
            type="radio"
            name={`result-${itemId}`}
            value={option}
            checked={value === option}
            disabled={disabled}
            onChange={() => onChange(option)}
          />
          <span>{t(`results.${option}`)}</span>
        </label>
      ))}
    </div>
  );
}
