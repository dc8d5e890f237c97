import { ApiError } from '../api/api-client';

/** The server's problem detail (or the error message) of a failed mutation, announced to screen readers. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError ? error.problem.detail : error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" className="form-error" data-testid="form-error">
      {message}
    </p>
  );
}
