import { mkdirSync, realpathSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Links each of `packages` (as installed in `fromDir/node_modules`, links resolved) into
 * `dir/node_modules`, so a temp app uses the workspace's packages and pinned tools without an install.
 */
export function linkPackages(dir, fromDir, packages) {
  for (const pkg of packages) {
    const target = join(dir, "node_modules", pkg);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(realpathSync(join(fromDir, "node_modules", pkg)), target);
  }
}
