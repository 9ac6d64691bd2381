import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { toCsv, type CsvDelimiter } from "../files/csv";
import { encodeWindows1252 } from "../files/decode";
import { writeXlsx, type XlsxWriteCell } from "../files/xlsx";
import { cleanText } from "../text/clean";
import { COST_TYPE_NAMES, COST_TYPES, IT_SERVICE_NAMES, IT_SERVICES } from "./catalogue";
import {
  MAX_COST_FILE_BYTES,
  MAX_COST_FILE_ROWS,
  parseCostFile,
  type CostFileColumn,
  type CostFileLine,
} from "./cost-file";
import { MAX_IT_COST_NOK } from "./limits";

const SYSTEMS = [
  { id: 11, name: "Visma Enterprise" },
  { id: 12, name: "Elements" },
  { id: 13, name: "Gerica" },
  { id: 14, name: "Søknadssenteret" },
  { id: 15, name: "Økonomi/lønn (Agresso)" },
] as const;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function parseText(
  text: string,
  systems: readonly { id: number; name: string }[] = SYSTEMS,
): ReturnType<typeof parseCostFile> {
  return parseCostFile({ bytes: utf8(text), fileName: "kostnader.csv", systems });
}

function parseSheet(rows: readonly (readonly XlsxWriteCell[])[]): ReturnType<typeof parseCostFile> {
  return parseCostFile({
    bytes: writeXlsx([{ name: "Kostnader", rows }]),
    fileName: "kostnader.csv",
    systems: SYSTEMS,
  });
}

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
    const text =
      "Avdeling;Tjeneste;Kostnadstype;Beløp;;Prosjekt\nIT;Utvikling;Annet;5;;P1\nIT;Drift og forvaltning;Annet;6;glemt\n";
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
    const text =
      "Tjeneste;Kostnadstype;Beløp;Fagsystem\nUtvikling;Annet;1;\nUtvikling;Annet;2;Gerica\nUtvikling;Annet;3;Elements\n";
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
    expect(
      parseCostFile({ bytes: Uint8Array.of(0x25, 0x50, 0x44, 0x46, 0, 1), fileName: "x.pdf", systems: [] }),
    ).toMatchObject({
      fileError: { code: "NOT_A_TEXT_FILE" },
    });
    expect(
      parseCostFile({ bytes: Uint8Array.of(0x50, 0x4b, 3, 4, 9, 9), fileName: "x.xlsx", systems: [] }),
    ).toMatchObject({
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
    expect(parseCostFile({ bytes: utf8("IKT-tjeneste;Kostnadstype;Beløp\nUtvikling;Annet;5\n"), fileName: "Kostnader.XLSX", systems: [] })).toMatchObject({
      fileError: { code: "NOT_A_ZIP", params: { extension: "xlsx" } },
    });
    expect(parseCostFile({ bytes: utf8(""), fileName: "kostnader.xlsx", systems: [] })).toMatchObject({ fileError: { code: "EMPTY_FILE" } });
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

describe("parseCostFile on files in more than one encoding (issue 18)", () => {
  const windows1252 = (text: string): Uint8Array => encodeWindows1252(text) ?? new Uint8Array(0);
  const join = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));
  const read = (bytes: Uint8Array) => parseCostFile({ bytes, fileName: "kostnader.csv", systems: SYSTEMS });

  it("refuses Windows-1252 rows with a UTF-8 row among them, naming the line instead of storing «blÃ¥bÃ¦r»", () => {
    const bytes = join(
      windows1252("IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar\r\n"),
      windows1252("Brukerstøtte;Egne ansatte;1 250 000;;Servicetorget på rådhuset\r\n"),
      utf8("Utvikling;Eksterne tjenester;300 000;;Innkjøp av blåbær-appen\r\n"),
      windows1252("IKT-ledelse og administrasjon;Egne ansatte;600 000;;Økonomisjefen\r\n"),
    );
    expect(read(bytes)).toEqual({
      ok: false,
      format: "csv",
      fileError: { code: "MIXED_ENCODING", params: { line: 3, sample: "Utvikling;Eksterne tjenester;300 000;;Innkjøp av blåbær-app…" } },
      issues: [],
      warnings: [],
    });
  });

  it("says the encoding is the problem when only the header is UTF-8, not that a column is missing", () => {
    const bytes = join(utf8("IKT-tjeneste;Kostnadstype;Beløp (kr)\n"), windows1252("Brukerstøtte;Egne ansatte;1 250 000\n"));
    expect(read(bytes)).toMatchObject({ ok: false, fileError: { code: "MIXED_ENCODING", params: { line: 2, sample: "Brukerstøtte;Egne ansatte;1 250 000" } } });
  });

  it("says the encoding is the problem when the header cannot be read in any encoding we know (an old DOS export)", () => {
    // Code page 865, as Norwegian DOS and some old ERP systems write it: ø is 0x9B, read here as "›".
    const header = Uint8Array.from([..."IKT-tjeneste;Kostnadstype;Bel"].map((c) => c.charCodeAt(0)).concat([0x9b], [..."p (kr)\n"].map((c) => c.charCodeAt(0))));
    expect(read(join(header, utf8("Drift og forvaltning;Annet;5\n")))).toMatchObject({
      ok: false,
      fileError: { code: "HEADER_ENCODING", params: { row: 1, sample: "Bel›p (kr)" } },
    });
    // UTF-8 read twice over ("BelÃ¸p"), as a file converted once too often has it.
    expect(read(utf8("Tjeneste;Kostnadstype;BelÃ¸p\nDrift;Annet;5\n"))).toMatchObject({
      ok: false,
      fileError: { code: "HEADER_ENCODING", params: { row: 1, sample: "BelÃ¸p" } },
    });
    // A header that is simply something else is still a missing column.
    expect(read(utf8("Tjeneste;Kostnadstype;Sum\nDrift;Annet;5\n"))).toMatchObject({ fileError: { code: "MISSING_COLUMN", params: { column: "amount" } } });
  });

  it("reads a UTF-16 file without byte order mark instead of calling it binary", () => {
    const text = "IKT-tjeneste\tKostnadstype\tBeløp (kr)\r\nBrukerstøtte\tEgne ansatte\t1 250 000\r\n";
    const bytes = Uint8Array.from([...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8]));
    expect(read(bytes)).toMatchObject({ ok: true, encoding: "utf-16le", delimiter: "\t", lines: [{ service: "userSupport", amount: 1_250_000 }] });
  });
});

describe("parseCostFile reads no further than it must (issue 18)", () => {
  const header = "IKT-tjeneste;Kostnadstype;Beløp (kr)\n";
  const rows = (count: number) => Array.from({ length: count }, (_, i) => `Drift og forvaltning;Annet;${i}\n`).join("");

  it("stops at the row limit: a binary tail, another encoding or an open quote after it is never read", () => {
    const tail = Uint8Array.of(0x00, 0xff, 0x00, 0x22, 0x0a, 0xe5, 0x0a);
    const bytes = Uint8Array.from([...utf8(header + rows(MAX_COST_FILE_ROWS + 1)), ...tail]);
    expect(parseCostFile({ bytes, fileName: "stor.csv", systems: [] })).toMatchObject({
      ok: false,
      fileError: { code: "TOO_MANY_ROWS", params: { max: MAX_COST_FILE_ROWS } },
    });
  });

  it("stops reading a workbook's sheet once it holds more rows than a report can, so damage after them is never read", () => {
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const cells = (i: number) => `<row><c t="inlineStr"><is><t>Drift og forvaltning</t></is></c><c t="inlineStr"><is><t>Annet</t></is></c><c><v>${i}</v></c></row>`;
    const sheetData = `<row><c t="inlineStr"><is><t>Tjeneste</t></is></c><c t="inlineStr"><is><t>Kostnadstype</t></is></c><c t="inlineStr"><is><t>Beløp</t></is></c></row>${Array.from({ length: MAX_COST_FILE_ROWS + 20 }, (_, i) => cells(i)).join("")}<row><c><v>`;
    const bytes = zipSync({
      "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="Ark1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`),
    });
    expect(parseCostFile({ bytes, fileName: "stor.xlsx", systems: [] })).toMatchObject({
      ok: false,
      format: "xlsx",
      fileError: { code: "TOO_MANY_ROWS", params: { max: MAX_COST_FILE_ROWS } },
    });
  });

  it("refuses a file over the size limit from its size, with the size and the limit", () => {
    expect(parseCostFile({ bytes: new Uint8Array(0), size: MAX_COST_FILE_BYTES + 1, fileName: "stor.csv", systems: [] })).toMatchObject({
      ok: false,
      fileError: { code: "FILE_TOO_LARGE", params: { bytes: MAX_COST_FILE_BYTES + 1, maxBytes: MAX_COST_FILE_BYTES } },
    });
  });

  it("quotes at most 60 characters of a cell in a problem, so a 5 MB comment is not carried back whole", () => {
    const comment = "blåbær ".repeat(1_000);
    const result = parseCostFile({ bytes: utf8(`Tjeneste;Kostnadstype;Beløp;Kommentar\nUtvikling;Annet;5;${comment}\n`), fileName: "x.csv", systems: [] });
    expect(result).toMatchObject({ ok: false, issues: [{ row: 2, column: "comment", code: "COMMENT_TOO_LONG", params: { length: comment.trim().length, max: 500 } }] });
    const value = result.ok ? "" : (result.issues[0]?.value ?? "");
    expect([...value]).toHaveLength(60);
    expect(value).toBe(`${comment.slice(0, 59)}…`);
  });

  it("reads a binary file as one, even when text comes first", () => {
    const bytes = Uint8Array.from([...utf8(header + rows(3)), 0x00, 0x01, 0x02, 0x0a]);
    expect(parseCostFile({ bytes, fileName: "x.csv", systems: [] })).toMatchObject({ ok: false, fileError: { code: "NOT_A_TEXT_FILE" } });
  });
});


const HEADER_NAMES: Readonly<Record<CostFileColumn | "extra", readonly string[]>> = {
  service: ["IKT-tjeneste", "Tjeneste", "IT service", "service"],
  costType: ["Kostnadstype", "Cost type", "costType"],
  amount: ["Beløp", "Beløp (kr)", "Beløp (NOK)", "Amount", "Amount (NOK)"],
  system: ["Fagsystem", "Line-of-business system", "system"],
  comment: ["Kommentar", "Comment"],
  extra: ["Avdeling", "Ansvar"],
};

type Casing = "same" | "upper" | "lower";
const casingArb = fc.constantFrom<Casing>("same", "upper", "lower");
const recase = (text: string, casing: Casing): string =>
  casing === "upper" ? text.toLocaleUpperCase("nb") : casing === "lower" ? text.toLocaleLowerCase("nb") : text;

/**
 * Text a user might write in a comment: letters a Norwegian keyboard has, quotes, delimiters,
 * newlines, formula starts; as stored, so clean (no spaces at the end of a line).
 */
const commentArb = fc
  .string({
    unit: fc.constantFrom(..."abcdefgxyzABCXYZ0123456789 .,;:\"'=+-@()/&<>\næøåÆØÅé".split("")),
    minLength: 1,
    maxLength: 30,
  })
  .filter((text) => cleanText(text) === text && text !== "" && !text.startsWith("'"));

const amountFormatArb = fc.record({
  separator: fc.constantFrom("", " ", "\u00a0", "\u202f", "\u2009", "."),
  prefix: fc.constantFrom("", "kr ", "NOK "),
  suffix: fc.constantFrom("", ",00", ",-", " kr"),
  asNumber: fc.boolean(),
});

const lineSpecArb = fc.record({
  service: fc.constantFrom(...IT_SERVICES),
  costType: fc.constantFrom(...COST_TYPES),
  systemId: fc.option(fc.constantFrom(...SYSTEMS.map((system) => system.id)), { nil: null }),
  amount: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: MAX_IT_COST_NOK })),
  comment: fc.option(commentArb, { nil: null }),
  serviceLabel: fc.constantFrom("code", "nb", "en"),
  costTypeLabel: fc.constantFrom("code", "nb", "en"),
  casing: casingArb,
  padding: fc.constantFrom("", " ", "  "),
  amountFormat: amountFormatArb,
  blankRowBefore: fc.boolean(),
  extra: fc.constantFrom("", "IT-avdelingen", "4100"),
});
type LineSpec = typeof lineSpecArb extends fc.Arbitrary<infer T> ? T : never;

const linesArb = fc.uniqueArray(lineSpecArb, {
  minLength: 1,
  maxLength: 20,
  selector: (line) => `${line.service}|${line.costType}|${line.systemId}`,
});

const layoutArb = fc.record({
  order: fc.shuffledSubarray(["service", "costType", "amount", "system", "comment", "extra"] as const, {
    minLength: 6,
    maxLength: 6,
  }),
  headers: fc.record({
    service: fc.constantFrom(...HEADER_NAMES.service),
    costType: fc.constantFrom(...HEADER_NAMES.costType),
    amount: fc.constantFrom(...HEADER_NAMES.amount),
    system: fc.constantFrom(...HEADER_NAMES.system),
    comment: fc.constantFrom(...HEADER_NAMES.comment),
    extra: fc.constantFrom(...HEADER_NAMES.extra),
  }),
  withSystem: fc.boolean(),
  withComment: fc.boolean(),
  withExtra: fc.boolean(),
  blankRowsOnTop: fc.nat(2),
});
type Layout = typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;

function label(kind: "code" | "nb" | "en", code: string, names: { nb: string; en: string }): string {
  return kind === "code" ? code : names[kind];
}

function formatAmount(amount: number, format: LineSpec["amountFormat"], asText: boolean): string | number {
  if (format.asNumber && !asText) return amount;
  return `${format.prefix}${String(amount).replace(/\B(?=(\d{3})+$)/g, format.separator)}${format.suffix}`;
}

/** Lays the lines out as a sheet; returns the rows and the line each data row should come back as. */
function buildSheet(
  specs: readonly LineSpec[],
  layout: Layout,
  asText: boolean,
): { rows: XlsxWriteCell[][]; lines: CostFileLine[] } {
  const columns = layout.order.filter(
    (column) =>
      (column !== "system" || layout.withSystem || specs.some((spec) => spec.systemId !== null)) &&
      (column !== "comment" || layout.withComment || specs.some((spec) => spec.comment !== null)) &&
      (column !== "extra" || layout.withExtra),
  );
  const rows: XlsxWriteCell[][] = Array.from({ length: layout.blankRowsOnTop }, () => []);
  rows.push(columns.map((column) => layout.headers[column]));
  const lines: CostFileLine[] = [];
  for (const spec of specs) {
    if (spec.blankRowBefore) rows.push(columns.map(() => null));
    const cells: Record<(typeof columns)[number], XlsxWriteCell> = {
      service:
        spec.padding + recase(label(spec.serviceLabel, spec.service, IT_SERVICE_NAMES[spec.service]), spec.casing),
      costType:
        recase(label(spec.costTypeLabel, spec.costType, COST_TYPE_NAMES[spec.costType]), spec.casing) + spec.padding,
      amount: formatAmount(spec.amount, spec.amountFormat, asText),
      system: recase(SYSTEMS.find((system) => system.id === spec.systemId)?.name ?? "", spec.casing),
      comment: spec.comment,
      extra: spec.extra,
    };
    rows.push(columns.map((column) => cells[column]));
    const { service, costType, amount, systemId, comment } = spec;
    lines.push({ row: rows.length, service, costType, amount, systemId, comment });
  }
  return { rows, lines };
}

const csvFormatArb = fc.record({
  delimiter: fc.constantFrom<CsvDelimiter>(";", ","),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  windows1252: fc.boolean(),
});

function csvBytes(
  rows: readonly XlsxWriteCell[][],
  format: typeof csvFormatArb extends fc.Arbitrary<infer T> ? T : never,
): { bytes: Uint8Array; encoding: string } {
  const text = toCsv(rows, format.delimiter, { bom: format.bom && !format.windows1252 });
  const lineEnds = format.crlf ? text : text.replace(/\r\n/g, "\n");
  const latin = format.windows1252 ? encodeWindows1252(lineEnds) : null;
  // Pure ASCII is the same bytes in both, and is reported as UTF-8.
  if (latin !== null && /[^\x20-\x7e\r\n\t]/.test(lineEnds)) return { bytes: latin, encoding: "windows-1252" };
  return { bytes: utf8(lineEnds), encoding: "utf-8" };
}

describe("parseCostFile properties", () => {
  it("reads back exactly the lines written as CSV, in any delimiter, encoding, BOM and line end", () => {
    fc.assert(
      fc.property(linesArb, layoutArb, csvFormatArb, (specs, layout, format) => {
        const { rows, lines } = buildSheet(specs, layout, true);
        const { bytes, encoding } = csvBytes(rows, format);
        const result = parseCostFile({ bytes, fileName: "kostnader.csv", systems: SYSTEMS });
        expect(result).toMatchObject({ ok: true, format: "csv", delimiter: format.delimiter, encoding });
        expect(result.ok && result.lines).toEqual(lines);
        expect(result.ok && result.warnings.map((warning) => warning.code)).toEqual(
          rows.some((row) => row.includes(layout.headers.extra)) ? ["UNKNOWN_COLUMN"] : [],
        );
      }),
      { numRuns: 150 },
    );
  });

  it("reads back exactly the lines written as XLSX, amounts as numbers or as text", () => {
    fc.assert(
      fc.property(linesArb, layoutArb, (specs, layout) => {
        const { rows, lines } = buildSheet(specs, layout, false);
        const result = parseSheet(rows);
        expect(result).toMatchObject({ ok: true, format: "xlsx" });
        expect(result.ok && result.lines).toEqual(lines);
      }),
      { numRuns: 100 },
    );
  });

  const corruptionArb = fc.oneof(
    fc.record({
      kind: fc.constant("amount" as const),
      text: fc.constantFrom("12x3", "abc", "1e5", "-500", "(1 234)", "25 000 000 000", ""),
    }),
    fc.record({ kind: fc.constant("service" as const), text: fc.constantFrom("Kaffe", "IT", "Brukerstøtte og drift") }),
    fc.record({ kind: fc.constant("duplicate" as const), text: fc.constant("") }),
  );
  const AMOUNT_CODES: Readonly<Record<string, string>> = {
    "": "EMPTY",
    "-500": "NEGATIVE",
    "(1 234)": "NEGATIVE",
    "25 000 000 000": "TOO_LARGE",
  };

  it("names exactly the row and column of a corrupted amount, an unknown service or a duplicate line", () => {
    fc.assert(
      fc.property(
        linesArb,
        layoutArb,
        corruptionArb,
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (specs, layout, corruption, at, from, xlsx) => {
          fc.pre(corruption.kind !== "duplicate" || specs.length >= 2);
          const { rows, lines } = buildSheet(specs, layout, true);
          const header = rows[layout.blankRowsOnTop] ?? [];
          const columnOf = (column: CostFileColumn): number => header.indexOf(layout.headers[column]);
          const target = corruption.kind === "duplicate" ? 1 + (at % (lines.length - 1)) : at % lines.length;
          const targetRow = lines[target]?.row ?? 0;
          const cells = rows[targetRow - 1] ?? [];
          let expected: [number, CostFileColumn, string, unknown];
          if (corruption.kind === "amount") {
            cells[columnOf("amount")] = corruption.text;
            expected = [targetRow, "amount", AMOUNT_CODES[corruption.text] ?? "NOT_A_NUMBER", {}];
          } else if (corruption.kind === "service") {
            cells[columnOf("service")] = corruption.text;
            expected = [targetRow, "service", "UNKNOWN_SERVICE", {}];
          } else {
            const source = lines[from % target];
            const sourceCells = rows[(source?.row ?? 0) - 1] ?? [];
            for (const column of ["service", "costType", "system"] as const) {
              if (columnOf(column) >= 0) cells[columnOf(column)] = sourceCells[columnOf(column)] ?? null;
            }
            expected = [targetRow, "service", "DUPLICATE_LINE", { firstRow: source?.row }];
          }
          const result = xlsx
            ? parseSheet(rows)
            : parseCostFile({ bytes: utf8(toCsv(rows)), fileName: "kostnader.csv", systems: SYSTEMS });
          expect(result.ok).toBe(false);
          expect(
            !result.ok && result.issues.map((issue) => [issue.row, issue.column, issue.code, issue.params]),
          ).toEqual([expected]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
