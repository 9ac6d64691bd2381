import { z } from "zod";

/** ASVS 5.0 §6.2: at least 12 characters, up to 128, any characters; no composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export const PasswordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const SignInInputSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

export const ChangePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: PasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

export const CompleteResetInputSchema = z.object({
  token: z.string().min(20).max(200),
  newPassword: PasswordSchema,
});
export type CompleteResetInput = z.infer<typeof CompleteResetInputSchema>;
