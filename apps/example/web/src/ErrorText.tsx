import type { AppflareError } from "@appflare/client";

/** A failed call's message, as the server worded it (it names the field and the fix). */
export function ErrorText({ error }: { readonly error: AppflareError | Error | null | undefined }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error.message}
    </p>
  );
}
