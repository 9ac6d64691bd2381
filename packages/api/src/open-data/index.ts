export {
  answerOpenData,
  OPEN_DATA_ENDPOINTS,
  strongEtag,
  type OpenDataAnswer,
  type OpenDataEndpoint,
  type OpenDataRequest,
} from "./answer";
export { OpenDataAnswerCache } from "./answer-cache";
export { DEFAULT_LICENCE_SETTING, getOpenDataLicence, type OpenDataLicence } from "./licence";
export type { OpenDataViewer } from "./open-data.service";
export { OPEN_DATA_FORMATS, type OpenDataFormat } from "./params";
export { OPEN_DATA_OPENAPI } from "./openapi";
