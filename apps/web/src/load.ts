// The page's entry: its stylesheet, and the app once the page has painted (ADR 041).
// Latin and Latin Extended only: Norwegian and the Sámi letters (á č đ ŋ š ŧ ž); the page needs no
// Cyrillic, Greek or Vietnamese faces. Each face downloads only for the characters it covers (fonts.css).
import "./fonts.css";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles.css";

/** The page's own chunks and texts the server named (`<meta name="malestokk-preload">`), to fetch beside the app's. */
function preloadPageFiles(): void {
  const named = document.querySelector<HTMLMetaElement>('meta[name="malestokk-preload"]')?.content ?? "";
  for (const file of named.split(" ").filter(Boolean)) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = file;
    link.crossOrigin = "";
    document.head.append(link);
  }
}

function start(): void {
  preloadPageFiles();
  void import("./main");
}

// What the page shows first is in its HTML (the shell, the sign-in form, or a main page the server drew):
// the scripts start once it has painted, so they take no bandwidth or main-thread time from the first
// paint. A page opened in the background never paints until shown, so it starts at once.
if (document.visibilityState === "hidden") start();
else requestAnimationFrame(() => setTimeout(start, 0));
