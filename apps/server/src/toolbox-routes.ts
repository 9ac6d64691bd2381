import { downloadToolboxDocument, uploadToolboxDocument, type Context, type ToolboxHttpAnswer } from "@malestokk/api";
import { MAX_TOOLBOX_DOCUMENT_BYTES } from "@malestokk/domain";
import express, { Router, type Request, type Response } from "express";

import { refuseCrossSite } from "./security";

/** Where a joint project's toolbox documents go in and come out (docs/toolbox.md). */
export const TOOLBOX_FILES_PATH = "/files/toolbox";

/** A body a little over the limit is still read, so the service can say the file is too large. */
const UPLOAD_BODY_LIMIT = MAX_TOOLBOX_DOCUMENT_BYTES + 64 * 1024;

export interface ToolboxRouteOptions {
  readonly context: (req: Request, res: Response) => Context;
  readonly publicOrigin?: string | undefined;
}

function answer(res: Response, reply: ToolboxHttpAnswer) {
  res.setHeader("Cache-Control", "no-store");
  if ("json" in reply) {
    res.status(reply.status).json(reply.json);
    return;
  }
  res.status(reply.status).set(reply.headers).end(reply.body);
}

const tooLarge = {
  error: {
    code: "VALIDATION_FAILED",
    params: {},
    issues: [{ path: ["file"], code: "FILE_TOO_LARGE", params: { maxMb: MAX_TOOLBOX_DOCUMENT_BYTES / (1024 * 1024) } }],
  },
};

/**
 * Toolbox documents travel as bytes, not JSON in a tRPC call: an upload is the file itself as the body
 * (POST /files/toolbox/<project>?title=…&fileName=…, with the same cross-site check as /trpc), and a
 * download is the file as an attachment (GET /files/toolbox/<project>/<entry>). Both go through the
 * router's procedures, which authorize them as every other call.
 */
export function toolboxRoutes(options: ToolboxRouteOptions): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: UPLOAD_BODY_LIMIT });
  router.post(
    `${TOOLBOX_FILES_PATH}/:projectId`,
    refuseCrossSite({ publicOrigin: options.publicOrigin }),
    (req, res, next) =>
      raw(req, res, (error?: unknown) => {
        if ((error as { type?: string } | undefined)?.type === "entity.too.large") res.status(413).json(tooLarge);
        else next(error);
      }),
    async (req, res, next) => {
      try {
        const query = (name: string) => (typeof req.query[name] === "string" ? req.query[name] : "");
        const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        answer(
          res,
          await uploadToolboxDocument(options.context(req, res), {
            projectId: Number(req.params.projectId),
            title: query("title"),
            fileName: query("fileName"),
            content,
          }),
        );
      } catch (error) {
        next(error);
      }
    },
  );
  router.get(`${TOOLBOX_FILES_PATH}/:projectId/:entryId`, async (req, res, next) => {
    try {
      answer(
        res,
        await downloadToolboxDocument(options.context(req, res), {
          projectId: Number(req.params.projectId),
          entryId: Number(req.params.entryId),
        }),
      );
    } catch (error) {
      next(error);
    }
  });
  return router;
}
