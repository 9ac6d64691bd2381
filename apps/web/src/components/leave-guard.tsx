import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useId, useState, type ReactNode } from "react";
import { useBlocker } from "react-router";

// The dialog (Designsystemet's Dialog) stays out of the first load (P-4).
const LeaveDialog = lazy(() => import("./leave-dialog"));

type SetDirty = (id: string, dirty: boolean) => void;

const LeaveGuardContext = createContext<SetDirty | null>(null);

/**
 * Asks before leaving while any form on the page has unsaved changes: in the app with the
 * confirm dialog, and on closing or reloading the tab with the browser's own prompt. React Router
 * keeps one blocker per router, so the layout holds the one blocker and the forms report to it.
 */
export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const set = useCallback<SetDirty>(
    (id, isDirty) =>
      setDirty((current) => {
        if (current.has(id) === isDirty) return current;
        const next = new Set(current);
        if (isDirty) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  return (
    <LeaveGuardContext.Provider value={set}>
      {children}
      {/* Mounted only while something is unsaved: no blocker and no unload handler otherwise. */}
      {dirty.size > 0 && <LeaveGuard />}
    </LeaveGuardContext.Provider>
  );
}

function LeaveGuard() {
  // Another page is leaving; the same page with other query parameters (a filter) keeps the form.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Browsers before the standard (Chrome < 119, Safari) ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, []);
  return (
    <Suspense fallback={null}>
      <LeaveDialog open={blocker.state === "blocked"} onLeave={() => blocker.proceed?.()} onStay={() => blocker.reset?.()} />
    </Suspense>
  );
}

/** Marks the calling form as holding unsaved changes while `isDirty` (say false once saved). */
export function useLeaveGuard(isDirty: boolean): void {
  const set = useContext(LeaveGuardContext);
  if (!set) throw new Error("useLeaveGuard needs the LeaveGuardProvider of the layout");
  const id = useId();
  useEffect(() => set(id, isDirty), [set, id, isDirty]);
  useEffect(() => () => set(id, false), [set, id]);
}
