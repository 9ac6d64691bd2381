import { useState } from "react";
import { useTranslation } from "react-i18next";

import { formatIndicatorValue } from "../../components/indicator-format";
import { QueryView } from "../../components/query-view";
import { formatDateShort } from "../../lib/format";
import { useOpenValueHistory } from "./api";
import { revisedText } from "./open-notes";

/**
 * "revidert 12.05.2026" as a disclosure (docs/open-data.md#revisions): opened, it lists the values the
 * corrections replaced, newest first, each with the day it was replaced. A native <details>, so it opens
 * by keyboard and says to a screen reader whether it is open; the history is read only when it is.
 */
export function RevisedValue(props: { indicatorCode: string; municipalityNumber: string; year: number; revisedOn: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { indicatorCode, municipalityNumber, year } = props;
  const history = useOpenValueHistory({ indicatorCode, municipalityNumber, year }, open);
  return (
    <details className="open-revision" data-testid="open-revision" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {revisedText(t, props.revisedOn)}
        <span className="visually-hidden">{` – ${t("open.revision.show")}`}</span>
      </summary>
      {open && (
        <QueryView query={history} testId="open-revision">
          {(earlier) =>
            earlier.length === 0 ? (
              <p>{t("open.revision.none")}</p>
            ) : (
              <>
                <p>{t("open.revision.title")}</p>
                <ul>
                  {earlier.map((r, i) => (
                    <li key={`${r.revisedOn}-${i}`}>
                      {t("open.revision.until", {
                        value: r.value === null ? "–" : formatIndicatorValue(indicatorCode, r.value),
                        date: formatDateShort(r.revisedOn),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        </QueryView>
      )}
    </details>
  );
}
