import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Answer, AssessmentDetail } from '../../../contracts/assessment.schema';
import {
  assessmentApi,
  assessmentKeys,
  conflictCurrent,
  invalidateDerived,
  patchCachedAnswer,
} from '../../api/assessment-queries';
import type { AnswerPatch } from './assessment-model';

export type SaveState = 'saving' | 'saved' | 'error' | 'conflict';
export type GlobalSaveState = SaveState | 'idle';
export interface Conflict {
  /** The changes that were refused, merged with anything typed since. */
  readonly mine: AnswerPatch;
  /** The stored answer from the 409 body. */
  readonly current: Answer;
}

/**
 * Autosave of answers: every change is shown at once (as a draft over the server's answer) and
 * sent with the answer's version, one request per item at a time; changes made meanwhile are
 * merged and sent next. A 409 keeps both sides until the user chooses: keep mine (resend on top of
 * the current version) or take theirs.
 */
export function useAnswerSaver(assessmentId: string) {
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Readonly<Record<string, AnswerPatch>>>({});
  const [states, setStates] = useState<Readonly<Record<string, SaveState>>>({});
  const [conflicts, setConflicts] = useState<Readonly<Record<string, Conflict>>>({});
  const [errors, setErrors] = useState<Readonly<Record<string, unknown>>>({});
  const pending = useRef(new Map<string, AnswerPatch>());
  const inflight = useRef(new Set<string>());
  const versions = useRef(new Map<string, number>());
  const conflicted = useRef(new Set<string>());

  const setState = useCallback(
    (itemId: string, state: SaveState) => setStates((previous) => ({ ...previous, [itemId]: state })),
    [],
  );

  /** The newest version known for an item: the cache may briefly hold an older refetch. */
  const versionOf = useCallback(
    (itemId: string): number => {
      const cached =
        queryClient
          .getQueryData<AssessmentDetail>(assessmentKeys.detail(assessmentId))
          ?.answers.find((answer) => answer.itemId === itemId)?.version ?? 0;
      return Math.max(cached, versions.current.get(itemId) ?? 0);
    },
    [assessmentId, queryClient],
  );

  const remember = useCallback(
    (answer: Answer) => {
      versions.current.set(answer.itemId, Math.max(answer.version, versions.current.get(answer.itemId) ?? 0));
      patchCachedAnswer(queryClient, assessmentId, answer);
    },
    [assessmentId, queryClient],
  );

  const flush = useCallback(
    async (itemId: string): Promise<void> => {
      if (inflight.current.has(itemId) || conflicted.current.has(itemId)) return;
      const patch = pending.current.get(itemId);
      if (!patch) return;
      pending.current.delete(itemId);
      inflight.current.add(itemId);
      setState(itemId, 'saving');
      try {
        const saved = await assessmentApi.saveAnswer(assessmentId, itemId, { ...patch, version: versionOf(itemId) });
        inflight.current.delete(itemId);
        remember(saved);
        const rest = pending.current.get(itemId);
        setDrafts((previous) => {
          const next = { ...previous };
          if (rest) next[itemId] = rest;
          else delete next[itemId];
          return next;
        });
        setErrors((previous) => {
          const next = { ...previous };
          delete next[itemId];
          return next;
        });
        void invalidateDerived(queryClient, assessmentId);
        if (rest) await flush(itemId);
        else setState(itemId, 'saved');
      } catch (error) {
        inflight.current.delete(itemId);
        const current = conflictCurrent(error);
        const mine = { ...patch, ...pending.current.get(itemId) };
        if (current) {
          pending.current.delete(itemId);
          conflicted.current.add(itemId);
          versions.current.set(itemId, current.version);
          setConflicts((previous) => ({ ...previous, [itemId]: { mine, current } }));
          setState(itemId, 'conflict');
        } else {
          pending.current.set(itemId, mine);
          setErrors((previous) => ({ ...previous, [itemId]: error }));
          setState(itemId, 'error');
        }
      }
    },
    [assessmentId, queryClient, remember, setState, versionOf],
  );

  /** Shows a change at once and saves it in the background. */
  const change = useCallback(
    (itemId: string, patch: AnswerPatch) => {
      if (conflicted.current.has(itemId)) {
        // Typing on while a conflict waits: the edit becomes part of "mine".
        setConflicts((previous) => {
          const existing = previous[itemId];
          return existing ? { ...previous, [itemId]: { ...existing, mine: { ...existing.mine, ...patch } } } : previous;
        });
      } else {
        pending.current.set(itemId, { ...pending.current.get(itemId), ...patch });
        setState(itemId, 'saving');
      }
      setDrafts((previous) => ({ ...previous, [itemId]: { ...previous[itemId], ...patch } }));
      void flush(itemId);
    },
    [flush, setState],
  );

  const retry = useCallback((itemId: string) => void flush(itemId), [flush]);

  const resolve = useCallback(
    (itemId: string, choice: 'mine' | 'theirs') => {
      const conflict = conflicts[itemId];
      if (!conflict) return;
      conflicted.current.delete(itemId);
      setConflicts((previous) => {
        const next = { ...previous };
        delete next[itemId];
        return next;
      });
      remember(conflict.current);
      if (choice === 'mine') {
        pending.current.set(itemId, { ...conflict.mine, ...pending.current.get(itemId) });
        setDrafts((previous) => ({ ...previous, [itemId]: conflict.mine }));
        void flush(itemId);
      } else {
        pending.current.delete(itemId);
        setDrafts((previous) => {
          const next = { ...previous };
          delete next[itemId];
          return next;
        });
        setState(itemId, 'saved');
        void invalidateDerived(queryClient, assessmentId);
      }
    },
    [assessmentId, conflicts, flush, queryClient, remember, setState],
  );

  /** The answer as the user sees it: the server's, with unsaved changes on top. */
  const view = useCallback(
    (answer: Answer): Answer => {
      const draft = drafts[answer.itemId];
      return draft ? ({ ...answer, ...draft } as Answer) : answer;
    },
    [drafts],
  );

  const busy = useCallback(
    (itemId: string) => states[itemId] === 'saving' || states[itemId] === 'conflict' || pending.current.has(itemId),
    [states],
  );

  const global: GlobalSaveState = useMemo(() => {
    const values = Object.values(states);
    if (values.some((state) => state === 'error' || state === 'conflict')) return 'error';
    if (values.includes('saving')) return 'saving';
    if (values.includes('saved')) return 'saved';
    return 'idle';
  }, [states]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (global !== 'saving' && global !== 'error') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [global]);

  return { change, retry, resolve, view, versionOf, remember, busy, states, conflicts, errors, global };
}

export type AnswerSaver = ReturnType<typeof useAnswerSaver>;
