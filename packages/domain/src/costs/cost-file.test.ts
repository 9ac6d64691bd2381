import { describe, expect, it } from "vitest";

import { toCsv } from "../files/csv";
import { encodeWindows1252 } from "../files/decode";
import { MAX_COST_FILE_BYTES, MAX_COST_FILE_ROWS, parseCostFile } from "./cost-file";
import { parseSheet, parseText, SYSTEMS, utf8 } from "./cost-file.test-helpers";

/** The same workbook as LibreOffice Calc (nb-NO) saved it from a semicolon CSV: shared strings, numeric amounts. */
const LIBREOFFICE_XLSX_BASE64 = [
  "UEsDBBQACAgIALx7fF0AAAAAAAAAAAAAAAALAAAAX3JlbHMvLnJlbHOtks9KAzEQh+99ipB7d7YVRGSzvYjQm0h9gJjM/mE3mTAZ",
  "dX17gwhaqaUHj0l+8803Q5rdEmb1ipxHikZvqlorjI78GHujnw736xu9a1fNI85WSiQPY8qq1MRs9CCSbgGyGzDYXFHCWF464mCl",
  "HLmHZN1ke4RtXV8D/2To9oip9t5o3vuNVof3hJewqetGh3fkXgJGOdHiV6KQLfcoRi8zvBFPz0RTVaAaTrtsL3f5e04IKNZbseCI",
  "cZ24VLOMmL91PLmHcp0/E+eErv5zObgIRo/+vJJN6cto1cDRJ2g/AFBLBwhmqoK34AAAADsCAABQSwMEFAAICAgAvHt8XQAAAAAA",
  "AAAAAAAAAA8AAAB4bC93b3JrYm9vay54bWyNU9tymzAQfe9XMHrHXOxQ22OccXE8yUxvE6fJs4DFqBYSI61jO53+exdh0nTahz4A",
  "2ovOnt09LK5PjfSewVihVcqiUcg8UIUuhdql7NvDxp8yzyJXJZdaQcrOYNn18t3iqM0+13rv0X1lU1YjtvMgsEUNDbcj3YKiSKVN",
  "w5FMswtsa4CXtgbARgZxGCZBw4ViPcLc/A+GripRwFoXhwYU9iAGJEdib2vRWrZcVELCY9+Qx9v2M2+IdsZlwYLlK+2vxst5sT+0",
  "G8pOWcWlBWq01scv+XcokDriUjKv5AjRLJwMKX9AaKRMKkPOzvEo4Gh/xzvTId5qI160Qi63hdFSpgzN4VKNiKIo/hXZdoN64Lkd",
  "nKcnoUp9TBmt6PzmfHTHJ1FiTQtMxtPJ4LsFsasxZdNoFjMPeX7fDSplSUjXKmEsuiIOhVMnz0D1OosaCt505HY2fD3lBiq1b03R",
  "USXfXUmVnU6QQs/CilwSYzMXFDB3ZewQBxhqt6D5CwRD+Zk+KKIQdZwMVJ90SRArQrvEX5dzsdcgkRPJURhGHSyc8KNF970oSWo6",
  "/6UmKXIDvX6clJh3MCJlP94ncZJNk9iPV9HYj6KbK//DeHLlb242Gxpcts5mm58kK4c6pyfr6Vs09I/cQ7U902pPvcRWjlJAWf3b",
  "MQsGRSx/AVBLBwjJzSl6+gEAAG4DAABQSwMEFAAICAgAvHt8XQAAAAAAAAAAAAAAAA0AAAB4bC9zdHlsZXMueG1s7VhNT9wwEL33",
  "V1iGY9lkl7BAmwRR6KJeKgSLVIlyMImTWPgjcryw4dfXjpNsskCRtocuUk72PM+beRmPFSf+yZJR8IhlQQQP4HjkQoB5JGLC0wDe",
  "zGd7RxAUCvEYUcFxAEtcwJPwk1+okuLrDGMFdAReBDBTKv/iOEWUYYaKkcgx1yuJkAwpbcrUKXKJUVwYEqPOxHWnDkOEw9DnCzZj",
  "qgCRWHAVwEkLATv8iLW2qQeBDXcmYi3lAnMsEYXOq84Hfefb3d09zz2+2/m8s+OOXPfr7dX387vfe+u4iebUckI/EXylyoMWCP3i",
  "GTwiqrNU7hwxbO1TSayeBDFCSwtOqpCWuAHd3Rp6NZiiEEp7W2WA0M+RUljymTZAPZ+XuS49141jw1R+73inEpXjyUGHUA06772Q",
  "sW7UJvMYNhCICUoFR/QmD2CCaIFhC52LJ96AoU9xonRgSdLMjErkjgmilGB60nBMahu5nej0Eab02nT9r2T19K4OukxedimvDH2Y",
  "jPZ6aiPVBspzWs6ECaLkAtfAt8qlB51SknKG1xwvpVA4UtWhreDQR40jyIQkzzq02cC0PiTmjCsSGcg+LwQKL9WVUMhG0ZqeJMrn",
  "GmyLSHhcJdZrRSYJf5iLGWmXdZnyVgagInrAcSMyI7GmdjydZbJWKXdVp/Gmdap1rheqC3cr1bTBxxEzGcS8IWbjszWIGcQMYgYx",
  "g5hNxHj72/Sm9MZbpcbbKjWTbVJz/J/FON3ru73Md+/xm17jl8lL5V09/yj9o93p68/uoWzvls2pO7DzXdl24xR2UGC+0AP40/zL",
  "oJ3K3S8IVYRby3lJOBOMocZ/fNAj7L9JALfuXUua9kjTV0kLKTGPypZz2ON4f+P0ch31eIev8S6xjPQetJTjHsX+MVgVUxurf1Th",
  "H1BLBwgPjKp7rQIAAOgSAABQSwMEFAAICAgAvHt8XQAAAAAAAAAAAAAAABgAAAB4bC93b3Jrc2hlZXRzL3NoZWV0MS54bWy9V01v",
  "2zgQve+vEHToaasvS3ac2i5SJ9kWSJMgSbfA3miJsohQpEpSdpJfv0Pq05J3ERRBfLDF4ejNzJsh8bz4/JRTa4eFJJwtbd/xbAuz",
  "mCeEbZf2j4fLjye2JRViCaKc4aX9jKX9efXHYs/Fo8wwVhYAMLm0M6WKU9eVcYZzJB1eYAY7KRc5UrAUW1cWAqPEvJRTN/C8qZsj",
  "wuwK4VS8BoOnKYnxOY/LHDNVgQhMkYL0ZUYK2aA9Ja/CSwTaQ6lNPr0Uz6udFs8PR3g5iQWXPFVOzPM6tXGVc3d+UOeTCH4PyY+g",
  "1B3RnQoasDx+TZU5Eo9l8RGwC2BqQyhRz6Zge7Uw+LfCSglVWHznCTQ5RVRi2CvQFt9j9aMw++qB34Kh2XZXC7d+ebVICPRDZ2YJ",
  "nC7tM//0ItQexuFvgvey92zJjO8vIb+SItnAGeNfgiRXhGGwKlHWxju+X3P6FbiAMe1v/IOBtMYgyDaDDK9wqlpIhTb3mOJY4aT/",
  "3k2pKAS5f843nLYACU5RSZVOAcJx0dh3kPHSZppOCpC80CHWmFJdpm3F2vcb4E9D23rhPL+PEQWSfM/rra/N60OrpvMKPfPS0AIQ",
  "sKkP1obzR23RsJ7ukSlCs1sgfQjrJGwLgXWHu2S6dfWqJX/V/ejapYH7z01nLs3AQKdrIoCEnyRRGSTtO9Ek8qNpELU0QVO+Yk05",
  "bAcOXBIv0IzGUtPPK56v8A5T8DcJ9W0QoarPPUhgtQBOpfnW7FJUSN2/GjQupeJ5nVnVoYwkCWZHw5qYOXqCLOGXMPMr1bPukCa7",
  "LnDqTAxDbxsyqEMGR0IGvhNO3z7kpA45OVZl4Mxnbx8yrEOGx0JGziR8+5BRHTI6FnLuTCMz7dUUVZc5Umi1EHxvCTMBVeBq4NpY",
  "3SwPkqi8/2e4TfxReVC1DqfPpTQe8LIE627lLdydTrD2+DL28A891mOP4NDjfOwxOfS4GHuErYcL3LQEBe9MUDBKLBoQNPaYDgjq",
  "e7CKwiDy4HO8xMk7lzgZFTAblDj2OBmUOBmVGIS6Qs8Z0HU+xpoPZmHs4f8HU+E7MxWOMxschi9HXAanYV25+D2uTryDaaiIOoI0",
  "GdDg9i6QQhCmbgojNq0MBAkIxE7AbDvxMrSAiGovOC7IC2cK0TUoWCx61yHIcEXi8YZbKbHvSGwJBKZG4njO7GQW1bqnW4I0MDI+",
  "CmbtB3q04QqacmwnM7qqA0g5V72126rAsgD1UWBxT17gwp0Dcz2hY9RhIxfqZasPbEtD3AgTJ+F79pBhdgPVwlwIAsUa+b60Cy6U",
  "QAR0zYai+PGMJT8zolrBaYFY74m7GFTOmuf6f4DU+oxhHVdIpVXVdZlvcHXXlxJfDs3DVpwXBO4EXUjTg84S84JgM0zARcXWpeHI",
  "SkiaQp+YMvhdmo35Jkkudt3JWC14klQydvUB5cWntfn+8Kvk6tMDCGhpXYM4vuM5Yn/e4S2oY1FtGj8/MD9nC7eD0YhVMr+HqDmx",
  "zPOtga2xFm6/Tli2//ZW/wJQSwcIftRxU3oEAAAxDgAAUEsDBBQACAgIALx7fF0AAAAAAAAAAAAAAAAaAAAAeGwvX3JlbHMvd29y",
  "a2Jvb2sueG1sLnJlbHOtkU1rwzAMhu/9FUb3xUkHY4w4vYxBr/34AcZR4tDENpLWtf9+LhtbCmXs0JPQ1/O+SPXqNI3qiMRDDAaq",
  "ogSFwcV2CL2B/e7t4RlWzaLe4Gglj7AfEqu8E9iAF0kvWrPzOFkuYsKQO12kyUpOqdfJuoPtUS/L8knTnAHNFVOtWwO0bitQu3PC",
  "/7Bj1w0OX6N7nzDIDQnNch6RM9FSj2LgKy8yB/Rt+eU95T8iHdgjyq+Dn1I2dwnVX2Ye73oLbwnbrVB+7Pwk8/K3mUWtr97dfAJQ",
  "SwcIT/D5etIAAAAlAgAAUEsDBBQACAgIALx7fF0AAAAAAAAAAAAAAAAUAAAAeGwvc2hhcmVkU3RyaW5ncy54bWyNU8tOwzAQvPMV",
  "lg8IDm0KQgiVJBWPVkLlSHu3km1qYq9T7yaif9Z7f4wtCLgh37z2zM6sx85nH96pASLZgIW+Gk+0AqxCbbEp9OptMbrTithgbVxA",
  "KPQeSM/Ks5yIlVCRCr1l7qZZRtUWvKFx6ADlZBOiNyxlbDLqIpiatgDsXXY9mdxm3ljUqgo9ssjeaNWj3fXw9LtR5mTL/EtkSp2p",
  "RFu6EMQBdPmyfBvxOyAQQ55xmWcn8D+EZSBGscD7Lo3wCO546NRFGy+T8AvT0F7c+EQ73gOyiWleYt9KQnw8cOK48wZBGSSTSniO",
  "dsMqNEpiG4xjlPzTlFoZOoraTxxpI60teaPmKPguWkoz+TCwcaA81Op81we+l2eg1iL6XSX1WPFgW5c63atYQ1mfbqaLoYnGDyYm",
  "ZuDglDH9gTP5NOUnUEsHCFMPLVpCAQAAcgMAAFBLAwQUAAgICAC8e3xdAAAAAAAAAAAAAAAAEQAAAGRvY1Byb3BzL2NvcmUueG1s",
  "bZHNTsMwEITvPEXke+IEJISiJJU4cKISUqnE1djb1MV/srdN+/Y4CTVF5LYz+3ls7zars1bZCXyQ1rSkKkqSgeFWSNO3ZPv+kj+R",
  "LCAzgilroCUXCGTV3TXc1dx6ePPWgUcJIYtBJtTctWSP6GpKA9+DZqGIhInNnfWaYZS+p47xL9YDvS/LR6oBmWDI6BiYu5RIfiIF",
  "T5Hu6NUUIDgFBRoMBloVFf1lEbwOiwemzg2pJV4cLKLXZqLPQSZwGIZieJjQ+P6KfqxfN9NXc2nGUXEgXSN4zT0wtL5r6K2ItYDA",
  "vXQYRz43/xhRK2b6Y5xPBybfbiYkWePkFQu4jjvaSRDPl5ix4EXLw0mOe+3KiUhyvCIcPw/Acb4/iVijRAWzfS3/7br7BlBLBwgt",
  "y4yUJwEAADcCAABQSwMEFAAICAgAvHt8XQAAAAAAAAAAAAAAABAAAABkb2NQcm9wcy9hcHAueG1snZBNb8IwDIbv+xVVxLVJqbqC",
  "UBq0adoJaTt0aLcqS13IlC8lKSr/fgE04IxP9mvrsf3S9aRVdgAfpDUNmuMCZWCE7aXZNeirfc+XKAuRm54ra6BBRwhozZ7op7cO",
  "fJQQskQwoUH7GN2KkCD2oHnAqW1SZ7Be85hKvyN2GKSANytGDSaSsihqAlME00OfuysQXYirQ3wU2ltxui9s26NLPEZb0E7xCIyS",
  "W9rayFUrNbAiydeCvjinpOAxOcI28sfDx3kFWeAKL3A520gzTt33su7qKrsb6NILvyAiqYrZ6yhVn5eU3MNO5O3FajZ/xkWK88C/",
  "RsnNVfYHUEsHCEXR25L5AAAAmgEAAFBLAwQUAAgICAC8e3xdAAAAAAAAAAAAAAAAEwAAAFtDb250ZW50X1R5cGVzXS54bWy9VDtP",
  "wzAQ3vsrIq8odsuAEEragccIlSgzMvElMY0fst3S/nvOKVRVCSmIiMmy776XT3Y226gmWYPz0uicTOiYJKALI6SucvK0uEsvyWw6",
  "yhZbCz7BXu1zUodgrxjzRQ2Ke2osaKyUxikecOsqZnmx5BWw8/H4ghVGB9AhDZGDTLMbKPmqCcntBo93uggnyfWuL0rlhFvbyIIH",
  "LLNYZZ04B43vAa61OHKXfjijiGx7fC2tP/tewerqSECqmCyedyNeLXRD2gJiHvC6nRSQzLkL91xhA3uOSRgdOE+X0qZhb8YtX4xZ",
  "0v5r71AzZSkLEKZYKYRQbx1w4WuAoBrarlRxqU/o+7BtwA+t3pL+IHkL8KxdJgOb2POf8LEb9+Ec/mn0vuYOxGNw+L4Hn8Ahd58P",
  "xM+dsR5/Bge/N/GZO6JTi0Tgguwf/V4Rqf+cGuJbFyC+ao8y1n6U03dQSwcIj/blNlkBAABXBQAAUEsBAhQAFAAICAgAvHt8XWaq",
  "grfgAAAAOwIAAAsAAAAAAAAAAAAAAAAAAAAAAF9yZWxzLy5yZWxzUEsBAhQAFAAICAgAvHt8XcnNKXr6AQAAbgMAAA8AAAAAAAAA",
  "AAAAAAAAGQEAAHhsL3dvcmtib29rLnhtbFBLAQIUABQACAgIALx7fF0PjKp7rQIAAOgSAAANAAAAAAAAAAAAAAAAAFADAAB4bC9z",
  "dHlsZXMueG1sUEsBAhQAFAAICAgAvHt8XX7UcVN6BAAAMQ4AABgAAAAAAAAAAAAAAAAAOAYAAHhsL3dvcmtzaGVldHMvc2hlZXQx",
  "LnhtbFBLAQIUABQACAgIALx7fF1P8Pl60gAAACUCAAAaAAAAAAAAAAAAAAAAAPgKAAB4bC9fcmVscy93b3JrYm9vay54bWwucmVs",
  "c1BLAQIUABQACAgIALx7fF1TDy1aQgEAAHIDAAAUAAAAAAAAAAAAAAAAABIMAAB4bC9zaGFyZWRTdHJpbmdzLnhtbFBLAQIUABQA",
  "CAgIALx7fF0ty4yUJwEAADcCAAARAAAAAAAAAAAAAAAAAJYNAABkb2NQcm9wcy9jb3JlLnhtbFBLAQIUABQACAgIALx7fF1F0duS",
  "+QAAAJoBAAAQAAAAAAAAAAAAAAAAAPwOAABkb2NQcm9wcy9hcHAueG1sUEsBAhQAFAAICAgAvHt8XY/25TZZAQAAVwUAABMAAAAA",
  "AAAAAAAAAAAAMxAAAFtDb250ZW50X1R5cGVzXS54bWxQSwUGAAAAAAkACQA/AgAAzREAAAAA",
].join("");

describe("parseCostFile", () => {
  it("reads a Norwegian Excel CSV: Windows-1252, semicolons, CRLF, amounts as people write them", () => {
    const text =
      "IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar\r\n" +
      "Brukerstøtte;Egne ansatte;1 250 000;;\r\n" +
      'Drift og forvaltning;Eksterne tjenester;"2 400 000,50";Visma Enterprise;"Avtale med ""IKT Vest"""\r\n' +
      ";;;;\r\n" +
      "utvikling;LISENSER OG PROGRAMVARE;kr 800.000,-;elements; Lisens – årlig \r\n";
    const result = parseCostFile({
      bytes: encodeWindows1252(text) ?? new Uint8Array(),
      fileName: "kostnader.csv",
      systems: SYSTEMS,
    });
    expect(result).toEqual({
      ok: true,
      format: "csv",
      encoding: "windows-1252",
      delimiter: ";",
      lines: [
        { row: 2, service: "userSupport", costType: "ownStaff", amount: 1_250_000, systemId: null, comment: null },
        {
          row: 3,
          service: "operations",
          costType: "externalServices",
          amount: 2_400_001,
          systemId: 11,
          comment: 'Avtale med "IKT Vest"',
        },
        {
          row: 5,
          service: "development",
          costType: "licences",
          amount: 800_000,
          systemId: 12,
          comment: "Lisens – årlig",
        },
      ],
      warnings: [{ row: 3, column: "amount", code: "ROUNDED", value: "2 400 000,50", params: { amount: 2_400_001 } }],
      totals: {
        total: 4_450_001,
        byService: {
          userSupport: 1_250_000,
          operations: 2_400_001,
          development: 800_000,
          infrastructure: 0,
          management: 0,
        },
        byCostType: { ownStaff: 1_250_000, externalServices: 2_400_001, licences: 800_000, equipment: 0, other: 0 },
      },
    });
  });

  it("reads an XLSX file as LibreOffice writes it, whatever the file is called", () => {
    const bytes = Uint8Array.from(atob(LIBREOFFICE_XLSX_BASE64), (char) => char.charCodeAt(0));
    const result = parseCostFile({ bytes, fileName: "kostnader.csv", systems: SYSTEMS });
    expect(result).toMatchObject({
      ok: true,
      format: "xlsx",
      lines: [
        { row: 2, service: "userSupport", costType: "ownStaff", amount: 1_250_000, systemId: null, comment: null },
        {
          row: 3,
          service: "operations",
          costType: "externalServices",
          amount: 2_400_001,
          systemId: 11,
          comment: 'Avtale med "IKT Vest"',
        },
        { row: 4, service: "development", costType: "licences", amount: 800_000, systemId: 12, comment: null },
      ],
      warnings: [{ row: 3, column: "amount", code: "ROUNDED", value: "2400000.5", params: { amount: 2_400_001 } }],
    });
    expect(result).not.toHaveProperty("delimiter");
  });

  it("reads numeric XLSX amounts as numbers, so 100.125 kr is not read as 100 125", () => {
    const result = parseSheet([
      ["Tjeneste", "Kostnadstype", "Beløp"],
      ["Drift og forvaltning", "Annet", 100.125],
    ]);
    expect(result).toMatchObject({
      ok: true,
      lines: [{ row: 2, amount: 100 }],
      warnings: [{ code: "ROUNDED", value: "100.125" }],
    });
  });

  it("accepts English and code-style headers in any order, with case and punctuation ignored", () => {
    const text = "AMOUNT (NOK);comment;costType;Line-of-business system;IT Service\n5;;licences;GERICA;Development\n";
    expect(parseText(text)).toMatchObject({
      ok: true,
      delimiter: ";",
      lines: [{ row: 2, service: "development", costType: "licences", amount: 5, systemId: 13, comment: null }],
    });
    expect(parseText("Tjeneste,Kostnadstype *,Beløp (NOK)\nUtvikling,Annet,5\n")).toMatchObject({
      ok: true,
      delimiter: ",",
    });
  });

  it("names the first missing required column", () => {
    expect(parseText("IKT-tjeneste;Kostnadstype;Kommentar\nDrift og forvaltning;Annet;x\n")).toEqual({
      ok: false,
      format: "csv",
      fileError: { code: "MISSING_COLUMN", params: { column: "amount" }, missing: ["amount"], unknown: [] },
      issues: [],
      warnings: [],
    });
    expect(parseText("Beløp\n5\n")).toMatchObject({
      ok: false,
      fileError: { code: "MISSING_COLUMN", params: { column: "service" } },
    });
    // Below a title row, the row that looks most like a header is the one named.
    expect(parseText("IKT-kostnader 2024\nTjeneste;Beløp\nDrift og forvaltning;5\n")).toMatchObject({
      ok: false,
      fileError: { code: "MISSING_COLUMN", params: { column: "costType" } },
    });
  });

  it("refuses a column given twice", () => {
    expect(parseText("Tjeneste;Kostnadstype;Beløp;Amount\nUtvikling;Annet;5;6\n")).toMatchObject({
      ok: false,
      fileError: { code: "DUPLICATE_COLUMN", params: { column: "amount" } },
    });
  });

  it("warns about unknown columns and about values in columns without a header", () => {
    const text = "Avdeling;Tjeneste;Kostnadstype;Beløp;;Prosjekt\nIT;Utvikling;Annet;5;;P1\nIT;Drift og forvaltning;Annet;6;glemt\n";
    expect(parseText(text)).toMatchObject({
      ok: true,
      lines: [{ row: 2 }, { row: 3 }],
      warnings: [
        { row: 1, column: null, code: "UNKNOWN_COLUMN", value: "Avdeling", params: { columnNumber: 1 } },
        { row: 1, column: null, code: "UNKNOWN_COLUMN", value: "Prosjekt", params: { columnNumber: 6 } },
        { row: 3, column: null, code: "VALUE_WITHOUT_HEADER", value: "glemt", params: { columnNumber: 5 } },
      ],
    });
  });

  it("finds the header below title rows of an ERP export and numbers rows as Excel does", () => {
    const text = "Rapport IKT-kostnader;;\nPeriode: 2024;;\n\nTjeneste;Kostnadstype;Beløp\n\nUtvikling;Annet;5\n";
    expect(parseText(text)).toMatchObject({
      ok: true,
      lines: [{ row: 6, service: "development" }],
      warnings: [{ row: 4, column: null, code: "HEADER_NOT_FIRST", value: "", params: {} }],
    });
  });

  it("collects every problem in every row, with the row and column as the user sees them", () => {
    const long = "x".repeat(501);
    const text = [
      "IKT-tjeneste;Kostnadstype;Beløp;Fagsystem;Kommentar",
      "Kaffe;Egne ansatte;12x;;",
      ";;;Ukjent system;",
      "Utvikling;Annet;-5;;",
      "",
      "Utvikling;Annet;(1 234);;",
      "Utvikling;Reise;25 000 000 000;Gerica;" + long,
      "Drift og forvaltning;Utstyr;5;;",
      "drift og forvaltning;equipment;6;;",
    ].join("\n");
    const result = parseText(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { row: 2, column: "service", value: "Kaffe", code: "UNKNOWN_SERVICE", params: {} },
      { row: 2, column: "amount", value: "12x", code: "NOT_A_NUMBER", params: {} },
      { row: 3, column: "service", value: "", code: "EMPTY", params: {} },
      { row: 3, column: "costType", value: "", code: "EMPTY", params: {} },
      { row: 3, column: "amount", value: "", code: "EMPTY", params: {} },
      { row: 3, column: "system", value: "Ukjent system", code: "UNKNOWN_SYSTEM", params: {} },
      { row: 4, column: "amount", value: "-5", code: "NEGATIVE", params: {} },
      { row: 6, column: "amount", value: "(1 234)", code: "NEGATIVE", params: {} },
      { row: 6, column: "service", value: "Utvikling", code: "DUPLICATE_LINE", params: { firstRow: 4 } },
      { row: 7, column: "costType", value: "Reise", code: "UNKNOWN_COST_TYPE", params: {} },
      { row: 7, column: "amount", value: "25 000 000 000", code: "TOO_LARGE", params: {} },
      // Quoted to 60 characters, as messages quote it; the length says how long it is.
      { row: 7, column: "comment", value: `${"x".repeat(59)}…`, code: "COMMENT_TOO_LONG", params: { length: 501, max: 500 } },
      { row: 9, column: "service", value: "drift og forvaltning", code: "DUPLICATE_LINE", params: { firstRow: 8 } },
    ]);
  });

  it("tells the same fagsystem apart from no fagsystem in the duplicate check", () => {
    const text = "Tjeneste;Kostnadstype;Beløp;Fagsystem\nUtvikling;Annet;1;\nUtvikling;Annet;2;Gerica\nUtvikling;Annet;3;Elements\n";
    expect(parseText(text)).toMatchObject({
      ok: true,
      lines: [{ systemId: null }, { systemId: 13 }, { systemId: 12 }],
    });
  });

  it("takes off the apostrophe our exports put before formula characters", () => {
    const text = toCsv([
      ["Tjeneste", "Kostnadstype", "Beløp", "Kommentar"],
      ["Utvikling", "Annet", "5", "-ny avtale"],
    ]);
    expect(text).toContain("'-ny avtale");
    expect(parseText(text)).toMatchObject({ ok: true, lines: [{ comment: "-ny avtale" }] });
  });

  it("refuses empty files, files with only a header and files with too many rows", () => {
    expect(parseText("")).toMatchObject({ ok: false, fileError: { code: "EMPTY_FILE" } });
    expect(parseText("\n;;\n")).toMatchObject({ ok: false, fileError: { code: "EMPTY_FILE" } });
    expect(parseText("Tjeneste;Kostnadstype;Beløp\n\n")).toMatchObject({
      ok: false,
      fileError: { code: "NO_DATA_ROWS" },
    });
    const rows = Array.from({ length: MAX_COST_FILE_ROWS + 1 }, (_, i) => `Utvikling;Annet;${i}`);
    expect(parseText(`Tjeneste;Kostnadstype;Beløp\n${rows.join("\n")}`)).toMatchObject({
      ok: false,
      fileError: { code: "TOO_MANY_ROWS", params: { max: MAX_COST_FILE_ROWS } },
    });
  });

  it("reports file-level problems as codes", () => {
    expect(parseText('Tjeneste;Kostnadstype;Beløp\nUtvikling;Annet;"5\n')).toMatchObject({
      ok: false,
      fileError: { code: "UNTERMINATED_QUOTE", params: { line: 2 } },
    });
    const ole = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0);
    expect(parseCostFile({ bytes: ole, fileName: "kostnader.xls", systems: [] })).toMatchObject({
      ok: false,
      format: "csv",
      fileError: { code: "XLS_OR_ENCRYPTED" },
    });
    expect(parseCostFile({ bytes: Uint8Array.of(0x25, 0x50, 0x44, 0x46, 0, 1), fileName: "x.pdf", systems: [] })).toMatchObject({
      fileError: { code: "NOT_A_TEXT_FILE" },
    });
    expect(parseCostFile({ bytes: Uint8Array.of(0x50, 0x4b, 3, 4, 9, 9), fileName: "x.xlsx", systems: [] })).toMatchObject({
      ok: false,
      format: "xlsx",
      fileError: { code: "NOT_A_ZIP" },
    });
  });

  it("gives a refusal what its sentence names: the size and the limit, the missing columns and the headers found (issue 18)", () => {
    const big = new Uint8Array(MAX_COST_FILE_BYTES + 1);
    expect(parseCostFile({ bytes: big, fileName: "kostnader.csv", systems: [] })).toMatchObject({
      fileError: { code: "FILE_TOO_LARGE", params: { bytes: MAX_COST_FILE_BYTES + 1, maxBytes: MAX_COST_FILE_BYTES } },
    });
    // Named .xlsx, but text: not read as a CSV, whose missing columns would only puzzle.
    expect(
      parseCostFile({ bytes: utf8("IKT-tjeneste;Kostnadstype;Beløp\nUtvikling;Annet;5\n"), fileName: "Kostnader.XLSX", systems: [] }),
    ).toMatchObject({
      fileError: { code: "NOT_A_ZIP", params: { extension: "xlsx" } },
    });
    expect(parseCostFile({ bytes: utf8(""), fileName: "kostnader.xlsx", systems: [] })).toMatchObject({
      fileError: { code: "EMPTY_FILE" },
    });
    const headers = Array.from({ length: 12 }, (_, i) => `Kolonne ${i + 1}`);
    const many = parseText(`Beløp;${headers.join(";")};${"lang overskrift ".repeat(10)}\n5\n`);
    expect(!many.ok && many.fileError).toEqual({
      code: "MISSING_COLUMN",
      params: { column: "service", unknownCount: 13 },
      missing: ["service", "costType"],
      unknown: headers.slice(0, 10),
    });
    const cut = parseText(`${"lang overskrift ".repeat(10)};Beløp\n5\n`);
    expect(!cut.ok && cut.fileError?.unknown).toEqual([`${"lang overskrift ".repeat(4).slice(0, 59)}…`]);
  });
});
