/**
 * Tone: how a customer's own words feel, read without any network.
 * <p>
 * {@link io.aftercare.tone.SentimentAnalyzer} scores a text the way VADER does (Hutto
 * &amp; Gilbert, 2014): a lexicon of rated words, adjusted by rules for negation,
 * intensifiers, "but", capitals and punctuation, normalised to a compound score between
 * -1 and +1, plus a small overlay of support vocabulary ("outage", "workaround", "still
 * broken"). {@link io.aftercare.tone.ReplyReader} reads a customer's reply to a follow-up
 * as a {@link io.aftercare.tone.ReplyKind} with a one-sentence reason for the CSM.
 * <p>
 * Pure logic: the lexicon is loaded from the classpath once, nothing is stored, and the
 * module depends on no other module, so any module may use it.
 */
package io.aftercare.tone;
