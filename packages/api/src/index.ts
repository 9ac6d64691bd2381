export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from "./root";
export {
  auditBy,
  COMMAND_LINE_ACTOR,
  createContextInner,
  resolveSession,
  DEFAULT_AUTH_SETTINGS,
  type Actor,
  type AuthSettings,
  type ChangeOptions,
  type Context,
  type ContextOptions,
  type Session,
  type SessionCookies,
} from "./context";
export { hashPassword } from "./auth/password";
export { isCommonPassword, isGuessablePassword } from "./auth/common-passwords";
export { refuseBatchedSecretCalls } from "./auth/single-call";
export { totp } from "./auth/totp";
export { createUserWithPassword } from "./routers/admin/admin.service";
export { importCostFile, type CostImportReport } from "./routers/costs/costs.import";
export { FileReader, FILE_READER_LIMITS, type FileReaderLimits } from "./files/file-reader";
export { readLocalFile, type LocalFile } from "./files/local-file";
export type { Access, Meta } from "./trpc";
export { AppError } from "./errors";
export type { ErrorData } from "./trpc";
export {
  importJsonStat,
  importKostraGroups,
  importRegisterNames,
  importRegionChanges,
  type ImportReport,
  type KostraImportReport,
} from "./routers/imports/imports.service";
export { OIDC_CALLBACK_PATH, LOCAL_SIGN_IN, signInOptions } from "./routers/auth/identity.service";
export { beginOidcSignIn, completeOidcSignIn, OidcSignInError } from "./routers/auth/oidc-sign-in.service";
export { createSecretBox, resealStoredSecrets, sealStoredSecrets, SecretKeyError, type SecretBox } from "./auth/secret-box";
export { describeSession, listDemoSignIns, type Me } from "./routers/auth/auth.service";
export { answerCacheScope, type AnswerCacheScope } from "./routers/benchmarks/benchmarks.service";
export { downloadToolboxDocument, uploadToolboxDocument, type ToolboxHttpAnswer } from "./routers/toolbox/toolbox.http";
export {
  authenticateApiToken,
  API_TOKEN_USE_AUDIT_MS,
  type ApiTokenItem,
  type ApiTokenRefusal,
  type ApiTokenViewer,
} from "./tokens/api-tokens.service";
export { apiTokenMiddleware, type ApiTokenRequest, type ApiTokenResponse } from "./tokens/api-token-middleware";
export { MailWorker, createSmtpTransport, type MailTransport, type OutgoingMail, type MailWorkerOptions } from "./mail/worker";
export { MAIL_OFF, queueNotice, type MailSettings } from "./mail/notify";
export { unsubscribeKeyOf, unsubscribeToken, UNSUBSCRIBE_PATH } from "./mail/unsubscribe";
export { unsubscribe as unsubscribeByToken } from "./routers/mail/mail.service";
export { queueDueReminders, reminderSchedule } from "./mail/reminders";
export * from "./open-data/index";
