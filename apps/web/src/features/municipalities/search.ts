// The search helpers moved to lib/ so that the compare page's picker searches the same way.
export { matchesMunicipality, normalizeForSearch } from "../../lib/municipality-search";
