import { useTranslation } from 'react-i18next';
import type { GlobalSaveState, SaveState } from './use-answer-saver';

/** The page's save state: 保存中… / 保存しました / 保存に失敗, announced politely. */
export function SaveIndicator({ state }: { state: GlobalSaveState }) {
  const { t } = useTranslation();
  return (
    <p
      role="status"
      aria-live="polite"
      className={`save-indicator save-${state}`}
      data-testid="save-indicator"
      data-state={state}
    >
      {state === 'idle' ? t('assessment.save.idle') : t(`assessment.save.${state === 'conflict' ? 'error' : state}`)}
    </p>
  );
}

/** One row's save state; a failed save offers to try again. */
export function RowSaveState({
  state,
  onRetry,
  testId,
}: {
  state: SaveState | undefined;
  onRetry: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (!state) return <span data-testid={testId} data-state="idle" />;
  return (
    <span className={`row-save save-${state}`} data-testid={testId} data-state={state}>
      {state === 'saving' && t('assessment.save.saving')}
      {state === 'saved' && <>✓ {t('assessment.save.savedShort')}</>}
      {state === 'conflict' && t('assessment.save.conflict')}
      {state === 'error' && (
        <>
          {t('assessment.save.error')}{' '}
          <button type="button" className="small" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </>
      )}
    </span>
  );
}
