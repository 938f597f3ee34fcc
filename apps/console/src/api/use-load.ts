import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../app-context';
import type { Answer, ApiClient } from './client';

export interface Loaded<T> {
  data: T | undefined;
  etag: string | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads once per change of `deps` (a key string); `reload` after a change. */
export function useLoad<T>(load: (api: ApiClient) => Promise<Answer<T>>, key: string): Loaded<T> {
  const { api } = useApp();
  const [state, setState] = useState<{ data?: T; etag?: string; error?: Error; loading: boolean }>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  // `key` names what `load` depends on: a new closure per render must not reload.
  const run = useCallback(load, [key]);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    run(api).then(
      (answer) => live && setState({ data: answer.body, etag: answer.etag, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [api, run, round]);
  return { ...state, reload: () => setRound((r) => r + 1) } as Loaded<T>;
}
