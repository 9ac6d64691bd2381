import { useCallback } from "react";
import { useSearchParams } from "react-router";

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
          const copy = new URLSearchParams(current);
          if (next === fallback || next === "") copy.delete(key);
          else copy.set(key, next);
          return copy;
        },
        { replace: true },
      );
    },
    [fallback, key, setParams],
  );
  return [value, setValue];
}
