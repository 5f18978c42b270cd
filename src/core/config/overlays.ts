// What the config loaders (files on disk, files through the editor) do to each file's overlay
// before merging it: the same for both, so the CLI and the editor read one config alike.
import type { ConfigOverlay } from './types';

/**
 * Keeps what is safe to take from a file of an untrusted workspace: rule severities and ignore
 * globs. `where` names the file in the note that says what was left out.
 */
export function untrustedPart(overlay: ConfigOverlay, where: string, notes: string[]): ConfigOverlay {
  const dropped = (['sources', 'categories', 'lexicon', 'baseline'] as const).filter((key) => overlay[key] !== undefined && !isEmpty(overlay[key]));
  if (dropped.length > 0) notes.push(`${where}: the workspace is not trusted, so its ${dropped.join(', ')} settings are ignored and the shipped ones apply`);
  return { rules: overlay.rules, ignore: overlay.ignore };
}

function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (value && typeof value === 'object') return Object.values(value).every(isEmpty);
  return value === undefined;
}

/**
 * Rewrites a file's `ignore` globs (relative to its own folder) to be relative to the base folder;
 * `prefix` is the file's folder relative to that base, with `/` separators.
 */
export function rebaseIgnore(overlay: ConfigOverlay, prefix: string): ConfigOverlay {
  if (!overlay.ignore || prefix === '') return overlay;
  const ignore = overlay.ignore.map((glob) => {
    const trimmed = glob.replace(/^\/+/, '');
    // A glob without a slash matches a name at any depth below its own folder.
    return glob.includes('/') ? `${prefix}/${trimmed}` : `${prefix}/**/${trimmed}`;
  });
  return { ...overlay, ignore };
}
