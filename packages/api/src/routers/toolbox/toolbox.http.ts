import { attachmentDisposition, type AppErrorShape } from "@malestokk/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";

import type { Context } from "../../context";
import { AppError, toFieldIssues } from "../../errors";
import { createCaller } from "../../root";

/**
 * The toolbox's documents travel as bytes, not as JSON: the server's upload and download routes answer
 * through these, which call the router's procedures (so its base procedures authorize every request).
 */
export type ToolboxHttpAnswer =
  | { readonly status: number; readonly json: { readonly id: number } | { readonly error: AppErrorShape } }
  | { readonly status: 200; readonly headers: Record<string, string>; readonly body: Buffer };

/** A refusal as the client reads a tRPC one (`error.data.appError`); anything else is the server's own error. */
function refusal(error: unknown): ToolboxHttpAnswer {
  if (error instanceof AppError) {
    return {
      status: getHTTPStatusCodeFromError(error),
      json: { error: { code: error.appCode, params: error.params, issues: error.issues } },
    };
  }
  if (error instanceof TRPCError && error.cause instanceof ZodError) {
    return { status: 400, json: { error: { code: "VALIDATION_FAILED", params: {}, issues: toFieldIssues(error.cause.issues) } } };
  }
  throw error;
}

export async function uploadToolboxDocument(
  ctx: Context,
  input: { projectId: number; title: string; fileName: string; content: Buffer },
): Promise<ToolboxHttpAnswer> {
  try {
    const { id } = await createCaller(ctx).toolbox.addDocument({
      projectId: input.projectId,
      title: input.title,
      fileName: input.fileName,
      contentBase64: input.content.toString("base64"),
    });
    return { status: 201, json: { id } };
  } catch (error) {
    return refusal(error);
  }
}

/**
 * A document as an attachment with its checked type's content type, never shown in the page: a name by
 * RFC 6266/5987, no sniffing, and a sandbox should a browser open it all the same.
 */
export async function downloadToolboxDocument(ctx: Context, input: { projectId: number; entryId: number }): Promise<ToolboxHttpAnswer> {
  try {
    const document = await createCaller(ctx).toolbox.document(input);
    const body = Buffer.from(document.contentBase64, "base64");
    return {
      status: 200,
      headers: {
        "Content-Type": document.mediaType,
        "Content-Disposition": attachmentDisposition(document.fileName),
        "Content-Length": String(body.length),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
      body,
    };
  } catch (error) {
    return refusal(error);
  }
}
