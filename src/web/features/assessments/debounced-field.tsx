import { useEffect, useRef, useState, type InputHTMLAttributes, type Ref, type TextareaHTMLAttributes } from 'react';

const DELAY_MS = 800;

interface Common {
  value: string;
  /** Called with the text a moment after typing stops, on blur, and on unmount when unsaved. */
  onCommit: (value: string) => void;
}

/**
 * Keeps what is being typed locally and commits it after a pause, so autosave sends a few requests
 * rather than one per key. Outside changes (a conflict resolved, another item) replace the text when
 * the field is not being edited.
 */
function useDebounced({ value, onCommit }: Common) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  const [editing, setEditing] = useState(false);
  if (!editing && value !== synced) {
    setSynced(value);
    setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ text, value, onCommit });
  useEffect(() => {
    latest.current = { text, value, onCommit };
  });
  useEffect(
    () => () => {
      if (timer.current === undefined) return;
      clearTimeout(timer.current);
      if (latest.current.text !== latest.current.value) latest.current.onCommit(latest.current.text);
    },
    [],
  );
  const commit = (next: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (next !== latest.current.value) onCommit(next);
  };
  return {
    value: text,
    onChange: (next: string) => {
      setText(next);
      setEditing(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => commit(next), DELAY_MS);
    },
    onBlur: () => {
      commit(text);
      setEditing(false);
      setSynced(text);
    },
  };
}

export function DebouncedTextArea({
  value,
  onCommit,
  ref,
  ...props
}: Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'onBlur'> & {
    ref?: Ref<HTMLTextAreaElement>;
  }) {
  const field = useDebounced({ value, onCommit });
  return (
    <textarea
      ref={ref}
      {...props}
      value={field.value}
      onChange={(event) => field.onChange(event.target.value)}
      onBlur={field.onBlur}
    />
  );
}

export function DebouncedInput({
  value,
  onCommit,
  ...props
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur'>) {
  const field = useDebounced({ value, onCommit });
  return (
    <input
      {...props}
      value={field.value}
      onChange={(event) => field.onChange(event.target.value)}
      onBlur={field.onBlur}
    />
  );
}
