import { parse } from 'yaml';
import { readRepoFile } from './repo';

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  env_file?: (string | { path: string; required?: boolean })[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  ports?: string[];
  restart?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** docker-compose.yml with its anchors and `<<` merge keys resolved, as Compose reads it. */
export function loadCompose(): ComposeFile {
  return parse(readRepoFile('docker-compose.yml'), { merge: true, maxAliasCount: -1 }) as ComposeFile;
}

/**
 * A Compose value as a string the way Compose interpolates it, as far as it is known here:
 * `${VAR:-default}` gives its default, `${VAR:?message}` and `${VAR}` stand for a value the
 * operator must supply (returned as null: provided, but not known in advance).
 */
export function interpolate(value: string | number | boolean | null): string | null {
  const text = String(value ?? '');
  const whole = text.match(/^\$\{(\w+)(?::?([-?])(.*))?\}$/);
  if (whole) return whole[2] === '-' ? (whole[3] ?? '') : null;
  return text.replace(/\$\{(\w+):-([^}]*)\}/g, (_match, _name: string, fallback: string) => fallback);
}
