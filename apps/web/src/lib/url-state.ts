import { useCallback } from "react";
import { useSearchParams } from "react-router";

/**
 * The address the setters of one event have built so far. react-router hands every functional update
 * the address of the last render, so a second setter in the same event would drop the first one's
 * change; cleared once the event's synchronous work is over.
 */
let pending: URLSearchParams | null = null;

/**
 * A string filter kept in the URL (U-3: a copied URL reproduces the view). Setting the default
 * removes the parameter, and changes replace the history entry so Back leaves the page.
 */
export function useUrlState<T extends string>(
  key: string,
  fallback: T,
  parse: (raw: string) => T | null = (raw) => raw as T,
): [T, (value: T) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(key);
  const value = (raw === null ? null : parse(raw)) ?? fallback;
  const setValue = useCallback(
    (next: T) => {
      setParams(
        (current) => {
          const copy = new URLSearchParams(pending ?? current);
          if (next === fallback || next === "") copy.delete(key);
          else copy.set(key, next);
          if (pending === null) queueMicrotask(() => (pending = null));
          pending = copy;
          return copy;
        },
        { replace: true },
      );
    },
    [fallback, key, setParams],
  );
  return [value, setValue];
}
