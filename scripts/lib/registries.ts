/**
 * The registries as the editor scripts read them: both, as the build reads them, or what stops
 * them listed as content problems (file, line, field, fix) and the script ended (exit 1), rather
 * than a stack trace.
 */
import { formatProblems } from '../../src/pipeline/problems.ts';
import { registrySource, type Registries } from '../../src/pipeline/registry.ts';

/** Both registries, or their problems said and the script ended. */
export function readRegistries(): Registries {
  const registries = registrySource();
  const read = registries.current();
  if (read && registries.problems().length === 0) return read;
  console.error(formatProblems(registries.problems()));
  process.exit(1);
}
