import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "./trpc";

// The server marks the page when it holds demo data (<html data-demo="on">); a page it draws itself is
// marked here before the render (app/entry-server.tsx), where there is no document.
let markedDemo = typeof document !== "undefined" && document.documentElement.dataset.demo === "on";

/** What the page's marking says, for a render on the server (ADR 041). */
export function markDemoData(demo: boolean): void {
  markedDemo = demo;
}

/**
 * Whether the server holds demo data: the banner on every page and the marking on every export.
 * The server marks the page too, so the answer is there from the first paint.
 */
export function useHasDemoData(): boolean {
  const trpc = useTRPC();
  const info = useQuery(trpc.system.info.queryOptions());
  return info.data?.hasDemoData ?? markedDemo;
}
