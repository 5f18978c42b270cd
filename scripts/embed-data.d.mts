/** Returns the text src/core/data/embedded.ts should hold. */
export function embeddedSource(): string;
