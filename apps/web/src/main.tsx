import "@fontsource/inter/400.css";
import "@fontsource/inter/600.css";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";

import { Providers } from "./app/providers";
import { createRouter } from "./app/router";
import { createI18n } from "./lib/i18n";
import { createQueryClient, createTrpcClient } from "./lib/trpc";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={createQueryClient()} trpcClient={createTrpcClient()} i18n={createI18n()}>
      <RouterProvider router={createRouter()} />
    </Providers>
  </StrictMode>,
);
