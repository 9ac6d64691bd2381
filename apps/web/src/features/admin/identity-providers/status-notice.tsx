import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";

export type Notice = { readonly kind: "success" | "warning" | "danger"; readonly text: string };

/** A live region that is always there, so a screen reader hears the notice put into it. */
export function StatusNotice({ notice, testId }: { notice: Notice | null; testId: string }) {
  return (
    <div role="status" data-testid={testId}>
      {notice && <Alert data-color={notice.kind}>{notice.text}</Alert>}
    </div>
  );
}

/** A setting on the server that needs the administrator's attention: what is wrong, then what to do. */
export function TitledAlert(props: { color: "warning" | "danger"; level: 2 | 3; title: string; body: string; testId: string }) {
  return (
    <Alert data-color={props.color} data-testid={props.testId}>
      <Heading level={props.level} data-size="xs">
        {props.title}
      </Heading>
      <Paragraph>{props.body}</Paragraph>
    </Alert>
  );
}
