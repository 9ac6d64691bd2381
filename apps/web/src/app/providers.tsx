import type { QueryClient } from "@tanstack/react-query";
import { QueryClientProvider } from "@tanstack/react-query";
import type { i18n as I18n } from "i18next";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";

import { TRPCProvider, type createTrpcClient } from "../lib/trpc";

export function Providers(props: {
  queryClient: QueryClient;
  trpcClient: ReturnType<typeof createTrpcClient>;
  i18n: I18n;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={props.i18n}>
      <QueryClientProvider client={props.queryClient}>
        <TRPCProvider trpcClient={props.trpcClient} queryClient={props.queryClient}>
          {props.children}
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
