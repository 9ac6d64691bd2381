import { MAX_TOOLBOX_DOCUMENT_BYTES, ToolboxDocumentInputSchema, ToolboxLinkInputSchema } from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../../context";
import { projectProcedure, router } from "../../trpc";
import { addToolboxDocument, addToolboxLink, getToolbox, getToolboxDownload, removeToolboxEntry } from "./toolbox.service";

const EntryId = z.object({ entryId: z.number().int().positive() });

/**
 * Base64 of a document a little over the limit still arrives, so that the service can say the file is too
 * large (a sentence the user reads) rather than the schema refusing a string.
 */
const MAX_BASE64_LENGTH = Math.ceil((MAX_TOOLBOX_DOCUMENT_BYTES + 1024) / 3) * 4;

/**
 * A joint project's toolbox (issue 26, docs/toolbox.md). Whoever sees the project reads it; the owning
 * municipality and the secretariat keep it (`benefits.toolbox`). Documents come in and go out through
 * the server's own upload and download routes (apps/server), which call `addDocument` and `document`.
 */
export const toolboxRouter = router({
  list: projectProcedure("benefits.read").query(({ ctx }) => getToolbox(ctx.db, ctx.project, ctx.session)),
  addLink: projectProcedure("benefits.toolbox")
    .input(ToolboxLinkInputSchema)
    .mutation(({ ctx, input }) => addToolboxLink(ctx.db, ctx.project, { title: input.title, url: input.url }, changeOptions(ctx))),
  addDocument: projectProcedure("benefits.toolbox")
    .input(ToolboxDocumentInputSchema.extend({ contentBase64: z.string().max(MAX_BASE64_LENGTH) }))
    .mutation(({ ctx, input }) =>
      addToolboxDocument(
        ctx.db,
        ctx.project,
        { title: input.title, fileName: input.fileName, content: Buffer.from(input.contentBase64, "base64") },
        changeOptions(ctx),
      ),
    ),
  remove: projectProcedure("benefits.toolbox")
    .input(EntryId)
    .mutation(({ ctx, input }) => removeToolboxEntry(ctx.db, ctx.project, input.entryId, changeOptions(ctx))),
  document: projectProcedure("benefits.read")
    .input(EntryId)
    .query(({ ctx, input }) => {
      const { content, ...document } = getToolboxDownload(ctx.db, ctx.project, input.entryId);
      return { ...document, contentBase64: content.toString("base64") };
    }),
});
