import os from "node:os";

/** The machine a result was measured on, as every result JSON records it. */
export function machine() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    platform: `${os.platform()} ${os.arch()}`,
  };
}
