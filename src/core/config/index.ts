// Configuration as data: parse and validate config text, merge it onto the shipped defaults, and
// describe it as a JSON Schema. Pure: finding and reading files is the caller's job (src/node/).
export type { ConfigOverlay, ConfigProblem, ParsedConfig, RuleOverlay, LexiconOverlay, SourceTypeReference, ConfigLocation } from './types';
export { parseConfigText, parseConfigFile, checkSourceTypeReferences, MAX_CONFIG_LENGTH, type ParseOptions } from './validate';
export { mergeConfig, resolveConfig, applyOverrides, type ConfigOverrides } from './merge';
export { rebaseIgnore, untrustedPart } from './overlays';
export { configJsonSchema, SEVERITIES, SCHEMA_ID, type JsonSchema } from './schema';
export { STARTER_CONFIG, starterConfigText } from './starter';
export { closestMatch, didYouMean, editDistance } from './suggest';
export { checkHostPattern, checkPathGlob, compileHostPattern, compilePathGlob } from '../evidence/patterns';
export { checkPhrase, escapeRegExp, literalPhraseRegExp } from '../language/phrases';
