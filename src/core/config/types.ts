// Shapes of one configuration file before it is merged onto the shipped defaults.
import type { CategoryPolicy, RuleId, RuleSeverity, SourcePattern, SourceTypeInfo } from '../types';

/** A problem in a config file. Line and column are 1-based, column in UTF-16 code units. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A rule entry of a config file: the string form sets only the severity. */
export interface RuleOverlay {
  severity?: RuleSeverity;
  options?: Record<string, unknown>;
}

export interface LexiconOverlay {
  subjects?: string[];
  lookalikes?: string[];
  projects?: string[];
  hedges?: string[];
  categories?: Record<string, string[]>;
}

/** The partial configuration one `.alliance-cite.yaml` contributes. */
export interface ConfigOverlay {
  /** Relative paths of the files this one builds on, in the order written. */
  extends?: string[];
  rules?: Partial<Record<RuleId, RuleOverlay>>;
  sources?: {
    types?: Record<string, Partial<SourceTypeInfo>>;
    /** Checked before the patterns of the files below this one and the defaults. */
    patterns?: SourcePattern[];
    relative?: string;
    template?: string;
  };
  categories?: Record<string, Partial<CategoryPolicy>>;
  lexicon?: LexiconOverlay;
  ignore?: string[];
  /** Baseline file of known findings, relative to this config file's folder (read by the callers, not the core). */
  baseline?: string;
}

/** Where something was written in a config file (1-based). */
export interface ConfigLocation {
  line: number;
  column: number;
}

/** A source type named in a file (a category's `approved` entry or a pattern's `type`). */
export interface SourceTypeReference extends ConfigLocation {
  name: string;
  /** Path of the key for messages, e.g. `categories.membership.approved[1]`. */
  where: string;
}

export interface ParsedConfig {
  /** The valid parts of the file; invalid entries are left out. */
  overlay: ConfigOverlay;
  errors: ConfigProblem[];
  /** Each `extends` entry with its position, so a missing file or a cycle can point at it. */
  extendsEntries: Array<ConfigLocation & { path: string }>;
  /** Source types the file refers to, checked once the types of its base files are known. */
  sourceTypeReferences: SourceTypeReference[];
}
