import { AppError, unsubscribeByToken, type Context } from "@malestokk/api";
import type { Request, RequestHandler, Response } from "express";

/**
 * The one-click unsubscribe of RFC 8058: a mail client POSTs `List-Unsubscribe=One-Click` to the
 * address in the List-Unsubscribe header, without cookies. The signed token in the address is the
 * whole authority (one kind, one user), so the cross-site check does not apply; a GET only shows the
 * page that asks first (link checkers follow GETs).
 */
export function oneClickUnsubscribe(context: (req: Request, res: Response) => Context): RequestHandler {
  return (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    const token = typeof req.query.token === "string" ? req.query.token : "";
    const body = req.body as Record<string, unknown> | undefined;
    if (body?.["List-Unsubscribe"] !== "One-Click" || token.length === 0 || token.length > 200) {
      res.status(400).type("text").send("Bad request: expected List-Unsubscribe=One-Click and a token");
      return;
    }
    try {
      unsubscribeByToken(context(req, res), { token });
      res.status(200).type("text").send("Unsubscribed");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.status(400).type("text").send("This unsubscribe link is not valid");
    }
  };
}
