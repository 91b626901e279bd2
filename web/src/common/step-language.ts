/**
 * A step's words in the UI's language. The API's step `title` is Chinese first; `titleEn` is the flow's English
 * title where it has one. A deadline's explanation comes in English (`dueExplanation`) and, for deadlines set since
 * the engine keeps their facts, in Chinese (`dueExplanationZh`); older ones show the English in both UIs.
 */

/** The step's title: its English title in the English UI where the flow gives one, else the view's title. */
export function stepTitleIn(
  step: { readonly title: string; readonly titleEn?: string },
  language: string,
): string {
  return language === 'en' ? (step.titleEn ?? step.title) : step.title;
}

/** A deadline's explanation: the Chinese one in the Chinese UI when known, else the English one. */
export function explanationIn(
  english: string | undefined,
  chinese: string | undefined,
  language: string,
): string | undefined {
  return language === 'en' ? english : (chinese ?? english);
}
