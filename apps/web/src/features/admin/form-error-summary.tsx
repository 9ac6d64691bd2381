// Moved to components/form-error-summary.tsx; kept for the identity-provider page until its split lands.
export { FormErrorSummary } from "../../components/form-error-summary";
