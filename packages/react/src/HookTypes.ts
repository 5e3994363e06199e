import type { AnyQueryHandle, AppflareError, InferRouteInput, InferRouteOutput } from "@appflare/client";

/** `realtime` option: `true`, or callbacks run on each push / socket error (besides the cache write). */
export type RealtimeOption<O> =
  | boolean
  | { readonly onChange?: (data: O) => void; readonly onError?: (error: AppflareError) => void };

/** `(args?, options?)` when every arg is optional, else `(args, options?)`. */
export type ArgsThenOptions<R, Options> =
  {} extends InferRouteInput<R>
    ? [args?: InferRouteInput<R>, options?: Options]
    : [args: InferRouteInput<R>, options?: Options];

/** The data type of a query route. */
export type QueryData<R extends AnyQueryHandle> = InferRouteOutput<R>;
