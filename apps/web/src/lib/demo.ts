import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "./trpc";

/**
 * Whether the server holds demo data: the banner on every page and the marking on every export.
 * The server marks the page too, so the answer is there from the first paint.
 */
export function useHasDemoData(): boolean {
  const trpc = useTRPC();
  const info = useQuery(trpc.system.info.queryOptions());
  return info.data?.hasDemoData ?? document.documentElement.dataset.demo === "on";
}
