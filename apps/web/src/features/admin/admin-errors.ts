// The form errors live in lib/form-errors.ts and components/form-error-summary.tsx; this keeps the
// admin's identity-provider page, which is being split into its own folder, importing while it moves.
export { noErrors, type FormErrors } from "../../lib/form-errors";
