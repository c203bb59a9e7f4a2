/** Tamga's version, from package.json, as recorded in custody events and bundles. */
import packageJson from '../../../package.json' with { type: 'json' };

export const TAMGA_VERSION: string = packageJson.version;

/** The default custody actor: which program did it. Callers may add an operator name. */
export function defaultActor(program: 'cli' | 'app' | 'engine' = 'engine'): string {
  return `tamga-${program} ${TAMGA_VERSION}`;
}
