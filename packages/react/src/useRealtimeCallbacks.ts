import type { AppflareError } from "@appflare/client";
import { useEffect, useRef } from "react";
import type { RealtimeOption } from "./HookTypes";
import type { RealtimeBinder } from "./RealtimeBinder";

/**
 * Registers a hook's `realtime: { onChange, onError }` with the binder for as long as the hook is
 * mounted; the latest callbacks are called (a ref, so inline functions do not resubscribe).
 *
 * @example
 * useRealtimeCallbacks(binder, queryHash, options.realtime);
 */
export function useRealtimeCallbacks<O>(
  binder: RealtimeBinder,
  hash: string,
  realtime: RealtimeOption<O> | undefined,
) {
  const latest = useRef(realtime);
  latest.current = realtime;
  const wanted = typeof realtime === "object";
  useEffect(() => {
    if (!wanted) return;
    return binder.listen(hash, {
      onChange: (data) => {
        const current = latest.current;
        if (typeof current === "object") current.onChange?.(data as O);
      },
      onError: (error: AppflareError) => {
        const current = latest.current;
        if (typeof current === "object") current.onError?.(error);
      },
    });
  }, [binder, hash, wanted]);
}
