import { config } from "zod";

// zod probes `new Function` to speed up parsing; under our CSP (no 'unsafe-eval') the probe is
// reported as a violation. Forms parse fast enough without it. Import this module before any
// module that parses with zod in the browser; it lives in the lazy chunks that use zod anyway.
config({ jitless: true });
