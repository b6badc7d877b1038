// Loads a console answer for a page and reloads it when its inputs change or on demand.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { RegionApiError } from './api.ts';

export interface Loaded<T> {
  data: T | null;
  error: string;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, inputs: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError('');
    load().then(
      (d) => live && setData(d),
      (err: unknown) => live && setError(err instanceof RegionApiError ? err.message : '加载失败，请稍后再试'),
    );
    return () => {
      live = false;
    };
    // The caller names the inputs the load depends on.
  }, [...inputs, tick]);
  return { data, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}
