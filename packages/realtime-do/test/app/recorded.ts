import type { AppflarePlugin } from "@appflare/server";
import type { RealtimeEvent } from "../../src/index";

/** What the tests' recording hooks saw (module state: the tests and the Worker share one isolate). */
export const recorded = {
  /** Every `onMutationEvents` call's events and D1 bookmark. */
  published: [] as { events: RealtimeEvent[]; bookmark: string | undefined }[],
  /** The bookmark each re-run of the `RecordingRealtime` object was given. */
  reruns: [] as (string | undefined)[],
};

/** A plugin that records what `createWorker` publishes after each write. */
export function recordingPlugin(): AppflarePlugin<Cloudflare.Env> {
  return {
    name: "recorder",
    setup: () => ({
      onMutationEvents: (events, info) => {
        recorded.published.push({
          events: events.map(({ kind, table, before, after }) => ({ kind, table, before, after })),
          bookmark: info.bookmark,
        });
      },
    }),
  };
}
