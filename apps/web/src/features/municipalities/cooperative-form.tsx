import { Alert, Button, Heading, Textfield } from "@digdir/designsystemet-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isValidOrganisationNumber } from "@malestokk/domain";

import { readAppError, translateError } from "../../lib/errors";
import { useSaveCooperative } from "./api";

type Field = "organisationNumber" | "name" | "memberNumbers";

/** Admins register an IT cooperative and the municipalities it serves. */
export function CooperativeForm() {
  const { t } = useTranslation();
  const [orgNumber, setOrgNumber] = useState("");
  const [name, setName] = useState("");
  const [members, setMembers] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const save = useSaveCooperative({
    onSuccess: (saved) => {
      setErrors({});
      setMessage(t("cooperatives.saved", { name: saved.name, count: saved.members.length }));
    },
    onError: (error) => {
      setMessage(null);
      const issue = readAppError(error)?.issues[0];
      if (issue?.path[0] === "memberNumbers") {
        setErrors({
          memberNumbers: t("cooperatives.unknownMember", { municipalityNumber: String(issue.params.municipalityNumber ?? "") }),
        });
      } else if (issue?.code === "NUMBER_TAKEN") setErrors({ organisationNumber: t("cooperatives.numberTaken") });
      else if (issue?.path[0] === "organisationNumber")
        setErrors({ organisationNumber: translateError(t, error).fields.organisationNumber ?? "" });
      else setErrors({ name: translateError(t, error).message });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const numbers = members.split(/[\s,;]+/).filter((n) => n !== "");
    const next: Partial<Record<Field, string>> = {};
    const digits = orgNumber.replace(/\s/g, "");
    if (!/^\d{9}$/.test(digits)) next.organisationNumber = t("cooperatives.badOrgNumber");
    else if (!isValidOrganisationNumber(digits)) next.organisationNumber = t("cooperatives.badOrgNumberCheckDigit");
    if (name.trim() === "") next.name = t("cooperatives.badName");
    if (numbers.length < 2 || numbers.some((n) => !/^\d{4}$/.test(n))) next.memberNumbers = t("cooperatives.badMembers");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    save.mutate({ organisationNumber: digits, name: name.trim(), memberNumbers: numbers });
  };

  return (
    <section className="panel" aria-labelledby="cooperative-form-heading">
      <Heading level={3} data-size="xs" id="cooperative-form-heading">
        {t("cooperatives.formTitle")}
      </Heading>
      <form onSubmit={submit} className="stack" noValidate>
        <Textfield
          id="cooperative-org-number"
          label={t("cooperatives.orgNumberLabel")}
          description={t("cooperatives.orgNumberDescription")}
          inputMode="numeric"
          value={orgNumber}
          onChange={(e) => setOrgNumber(e.target.value)}
          error={errors.organisationNumber}
        />
        <Textfield
          id="cooperative-name"
          label={t("cooperatives.nameLabel")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <Textfield
          id="cooperative-members"
          label={t("cooperatives.membersLabel")}
          description={t("cooperatives.membersDescription")}
          value={members}
          onChange={(e) => setMembers(e.target.value)}
          error={errors.memberNumbers}
        />
        <div>
          <Button type="submit" disabled={save.isPending}>
            {t("cooperatives.save")}
          </Button>
        </div>
      </form>
      <div role="status">{message && <Alert data-color="success">{message}</Alert>}</div>
    </section>
  );
}
