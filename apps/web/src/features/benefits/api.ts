import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import type { AppErrorShape } from "@malestokk/domain";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";

import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { CSRF_HEADERS, useTRPC } from "../../lib/trpc";

/**
 * The benefit plans' calls. Every change refreshes the benefit views and the sector's portfolio,
 * which reads the same plans and measurements, before it resolves.
 */

type Procedure = keyof RouterInputs["benefits"];
type On<P extends Procedure> = MutationHandlers<RouterOutputs["benefits"][P], RouterInputs["benefits"][P]>;

function useRefreshBenefits(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.benefits.pathFilter()),
      queryClient.invalidateQueries(trpc.sector.portfolio.pathFilter()),
      queryClient.invalidateQueries(trpc.sector.projectsWithoutPlan.pathFilter()),
    ]);
}

export function usePortfolio(municipalityNumber: string) {
  const trpc = useTRPC();
  return useQuery(trpc.benefits.portfolio.queryOptions({ municipalityNumber }));
}

/** The sector's benefit portfolio and the projects still without an approved plan (the board's meeting pack). */
export function useSectorBenefits(enabled: boolean) {
  const trpc = useTRPC();
  return {
    portfolio: useQuery({ ...trpc.sector.portfolio.queryOptions(), enabled }),
    withoutPlan: useQuery({ ...trpc.sector.projectsWithoutPlan.queryOptions(), enabled }),
  };
}

/** Not retried: a project the user may not see answers NOT_FOUND at once. */
export function useProject(projectId: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.benefits.project.queryOptions({ projectId }), retry: false });
}

/** An approved version of the plan, fetched when `number` is set. */
export function usePlanVersion(projectId: number, number: number | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.benefits.planVersion.queryOptions({ projectId, number: number ?? 1 }), enabled: number !== null });
}

export function useFollowUp() {
  const trpc = useTRPC();
  return useQuery(trpc.benefits.followUp.queryOptions());
}

export function useCreateProject(on?: On<"createProject">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.createProject.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useSaveProject(on?: On<"saveProject">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.saveProject.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useDeleteProject(on?: On<"deleteProject">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.deleteProject.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useSaveMap(on?: On<"saveMap">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.saveMap.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useSaveBenefit(on?: On<"saveBenefit">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.saveBenefit.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useDeleteBenefit(on?: On<"deleteBenefit">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.deleteBenefit.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useAddMeasurement(on?: On<"addMeasurement">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.addMeasurement.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useDeleteMeasurement(on?: On<"deleteMeasurement">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.deleteMeasurement.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useApprovePlan(on?: On<"approvePlan">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.approvePlan.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useInviteParticipant(on?: On<"invite">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.invite.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useRemoveParticipant(on?: On<"removeParticipant">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.removeParticipant.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

export function useLeaveProject(on?: On<"leaveProject">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.leaveProject.mutationOptions(refreshing(useRefreshBenefits(), on)));
}

/** Answered or withdrawn meanwhile ("moved", "gone"): the invitations are brought up to date. */
export function useAnswerInvitation(on?: On<"answerInvitation">) {
  const trpc = useTRPC();
  return useMutation(trpc.benefits.answerInvitation.mutationOptions(refreshing(useRefreshBenefits(), on, ["moved", "gone"])));
}

/** A joint project's toolbox (issue 26): its links and documents, and whether the reader may keep it. */
export function useToolbox(projectId: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.toolbox.list.queryOptions({ projectId }), retry: false });
}

function useRefreshToolbox(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.toolbox.pathFilter());
}

type ToolboxOn<P extends keyof RouterInputs["toolbox"]> = MutationHandlers<RouterOutputs["toolbox"][P], RouterInputs["toolbox"][P]>;

export function useAddToolboxLink(on?: ToolboxOn<"addLink">) {
  const trpc = useTRPC();
  return useMutation(trpc.toolbox.addLink.mutationOptions(refreshing(useRefreshToolbox(), on)));
}

export function useRemoveToolboxEntry(on?: ToolboxOn<"remove">) {
  const trpc = useTRPC();
  return useMutation(trpc.toolbox.remove.mutationOptions(refreshing(useRefreshToolbox(), on)));
}

/** Where a toolbox document is downloaded from: the server sends it as an attachment (docs/toolbox.md). */
export function toolboxDocumentHref(projectId: number, entryId: number): string {
  return `/files/toolbox/${projectId}/${entryId}`;
}

export interface ToolboxUpload {
  readonly projectId: number;
  readonly title: string;
  readonly file: File;
  /** The share sent so far, 0 to 1. */
  readonly onProgress: (share: number) => void;
}

/** A refused upload, shaped as a refused tRPC call (`data.appError`) so that lib/errors reads it. */
class UploadRefused extends Error {
  readonly data: { readonly appError: AppErrorShape };
  constructor(appError: AppErrorShape) {
    super(`Upload refused: ${appError.code}`);
    this.data = { appError };
  }
}

/**
 * Sends a document as the request's body (not a tRPC call, whose JSON would carry it as base64 and show no
 * progress). A refusal rejects as a tRPC call does, with `data.appError`, so lib/errors reads it; no answer is NETWORK.
 */
function sendToolboxDocument(upload: ToolboxUpload): Promise<{ id: number }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ title: upload.title, fileName: upload.file.name });
    request.open("POST", `/files/toolbox/${upload.projectId}?${query.toString()}`);
    for (const [name, value] of Object.entries(CSRF_HEADERS)) request.setRequestHeader(name, value);
    request.setRequestHeader("content-type", "application/octet-stream");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) upload.onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { id?: number; error?: AppErrorShape } | null;
      if (request.status < 300 && typeof body?.id === "number") resolve({ id: body.id });
      else reject(new UploadRefused(body?.error ?? { code: "INTERNAL", params: {}, issues: [] }));
    };
    request.onerror = () => reject(new Error("The upload got no answer"));
    request.send(upload.file);
  });
}

export function useUploadToolboxDocument(on?: MutationHandlers<{ id: number }, ToolboxUpload>) {
  return useMutation({ mutationFn: sendToolboxDocument, ...refreshing(useRefreshToolbox(), on) });
}

// Joint solutions (issue 26): the template, adoption, local plans and the roll-up. A change refreshes them
// with the benefit views, which read the same projects.

type SolutionProcedure = keyof RouterInputs["solutions"];
type OnSolution<P extends SolutionProcedure> = MutationHandlers<RouterOutputs["solutions"][P], RouterInputs["solutions"][P]>;

function useRefreshSolutions(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const benefits = useRefreshBenefits();
  return () => Promise.all([queryClient.invalidateQueries(trpc.solutions.pathFilter()), benefits()]);
}

export function useTemplate(projectId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.solutions.template.queryOptions({ projectId }));
}

export function useRollUp(projectId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.solutions.rollUp.queryOptions({ projectId }));
}

/** The roll-ups of several joint solutions at once (the meeting pack's workbook). */
export function useRollUps(projectIds: readonly number[]) {
  const trpc = useTRPC();
  return useQueries({ queries: projectIds.map((projectId) => trpc.solutions.rollUp.queryOptions({ projectId })) });
}

export function useSolutions(municipalityNumber: string) {
  const trpc = useTRPC();
  return useQuery(trpc.solutions.list.queryOptions({ municipalityNumber }));
}

/** Every published joint solution with its sums, for the board (fetched when `enabled`). */
export function useSectorSolutions(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.solutions.sector.queryOptions(), enabled });
}

/** Not retried: a solution not published, or a plan not adopted, answers NOT_FOUND at once. */
export function useAdoptionDraft(municipalityNumber: string, projectId: number, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.solutions.adoptionDraft.queryOptions({ municipalityNumber, projectId }), enabled, retry: false });
}

export function useLocalPlan(municipalityNumber: string, projectId: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.solutions.localPlan.queryOptions({ municipalityNumber, projectId }), retry: false });
}

export function useSaveTemplate(on?: OnSolution<"saveTemplate">) {
  const trpc = useTRPC();
  return useMutation(trpc.solutions.saveTemplate.mutationOptions(refreshing(useRefreshSolutions(), on)));
}

export function usePublishTemplate(on?: OnSolution<"publishTemplate">) {
  const trpc = useTRPC();
  return useMutation(trpc.solutions.publishTemplate.mutationOptions(refreshing(useRefreshSolutions(), on)));
}

export function useAdopt(on?: OnSolution<"adopt">) {
  const trpc = useTRPC();
  return useMutation(trpc.solutions.adopt.mutationOptions(refreshing(useRefreshSolutions(), on)));
}

export function useSaveLocalPlan(on?: OnSolution<"saveLocalPlan">) {
  const trpc = useTRPC();
  return useMutation(trpc.solutions.saveLocalPlan.mutationOptions(refreshing(useRefreshSolutions(), on)));
}

export function useApproveLocalPlan(on?: OnSolution<"approveLocalPlan">) {
  const trpc = useTRPC();
  return useMutation(trpc.solutions.approveLocalPlan.mutationOptions(refreshing(useRefreshSolutions(), on)));
}

export function useAcceptTemplateVersion(on?: OnSolution<"acceptTemplateVersion">) {
  const trpc = useTRPC();
  return useMutation(trpc.solutions.acceptTemplateVersion.mutationOptions(refreshing(useRefreshSolutions(), on)));
}

export function useAddLocalMeasurement(on?: OnSolution<"addLocalMeasurement">) {
  const trpc = useTRPC();
  return useMutation(trpc.solutions.addLocalMeasurement.mutationOptions(refreshing(useRefreshSolutions(), on)));
}

export function useChangeLocalMeasurement(on?: OnSolution<"changeLocalMeasurement">) {
  const trpc = useTRPC();
  return useMutation(trpc.solutions.changeLocalMeasurement.mutationOptions(refreshing(useRefreshSolutions(), on)));
}

export function useDeleteLocalMeasurement(on?: OnSolution<"deleteLocalMeasurement">) {
  const trpc = useTRPC();
  return useMutation(trpc.solutions.deleteLocalMeasurement.mutationOptions(refreshing(useRefreshSolutions(), on)));
}
