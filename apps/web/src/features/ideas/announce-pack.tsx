import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { translateError } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { useAnnounceMeetingPack } from "./api";

type Announced = RouterOutputs["ideas"]["announceMeetingPack"];

/**
 * On the meeting pack, for the secretariat: tell the programme board by e-mail that the pack for a meeting
 * is ready (issue 25), once per meeting date. Says what happened: told, told before, no one to tell, mail off.
 */
export function AnnouncePack() {
  const { t } = useTranslation();
  const [date, setDate] = useState("");
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<{ announced: Announced; date: string } | null>(null);
  const announce = useAnnounceMeetingPack({ onSuccess: (announced, input) => setResult({ announced, date: input.meetingDate }) });
  const error = announce.error ? translateError(t, announce.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setMissing(date === "");
    if (date !== "") announce.mutate({ meetingDate: date });
  };
  const said = result && resultText(t, result.announced, formatDate(result.date));
  return (
    <section className="panel stack no-print" aria-labelledby="announce-heading" data-testid="announce-pack">
      <Heading level={2} data-size="xs" id="announce-heading">
        {t("ideas.pack.announce.heading")}
      </Heading>
      <Paragraph>{t("ideas.pack.announce.intro")}</Paragraph>
      <form className="stack" onSubmit={submit} noValidate>
        <Textfield
          id="announce-date"
          type="date"
          label={t("ideas.pack.announce.date")}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={missing ? t("ideas.pack.announce.dateMissing") : (error?.fields.meetingDate ?? undefined)}
        />
        <div>
          <Button type="submit" data-size="sm" disabled={announce.isPending}>
            {t("ideas.pack.announce.send")}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {said && <Alert data-color={result.announced.told > 0 ? "success" : "info"}>{said}</Alert>}
      </div>
      {error && !error.fields.meetingDate && <Alert data-color="danger">{error.message}</Alert>}
    </section>
  );
}

function resultText(t: ReturnType<typeof useTranslation>["t"], announced: Announced, date: string): string {
  if (!announced.mailOn) return t("ideas.pack.announce.mailOff");
  if (announced.told > 0) return t("ideas.pack.announce.told", { count: announced.told, date });
  if (announced.toldBefore > 0) return t("ideas.pack.announce.toldBefore", { date });
  return t("ideas.pack.announce.nobody");
}
