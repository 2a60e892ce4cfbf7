import { localizeExampleDescription } from '../example/example-milestone-texts';
import type { Goal, Locale } from '../schema';

/**
 * A goal's description ("what") in the UI's language: the translation Pacer wrote beside it (a
 * cascade's milestones), an example goal's own translation, or the text as the user typed it.
 */
export function goalDescription(
  goal: Pick<Goal, 'description' | 'descriptionTranslations' | 'example'>,
  locale: Locale,
): string | undefined {
  return goal.descriptionTranslations?.[locale]?.trim() || localizeExampleDescription(goal, locale);
}
