/**
 * The busy flag and error text of a form's or a dialog's one action: `run(fn)` clears the
 * error, shows busy, awaits `fn`, and turns a refusal into the text the form shows (the
 * server's reason in the user's language). `onError` may take an error itself (return true),
 * e.g. one that asks for a confirmation rather than being shown as a failure.
 */
import { useCallback, useState } from 'react';
import { useI18n } from './i18n/i18n-context.tsx';

export type Action = {
  busy: boolean;
  error: string | null;
  setError: (error: string | null) => void;
  /** the value of `fn`, or undefined when it threw (the error is then in `error`) */
  run: <T>(fn: () => Promise<T>, onError?: (e: unknown) => boolean) => Promise<T | undefined>;
};

export function useAction(): Action {
  const { errorText } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T,>(fn: () => Promise<T>, onError?: (e: unknown) => boolean): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await fn();
      } catch (e) {
        if (!onError?.(e)) setError(errorText(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [errorText],
  );
  return { busy, error, setError, run };
}
