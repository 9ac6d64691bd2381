import { Heading } from "@digdir/designsystemet-react";

// Placeholder while the page is being built in this change.
export default function Route() {
  return <Heading level={1}>…</Heading>;
}
