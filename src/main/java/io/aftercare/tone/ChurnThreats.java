package io.aftercare.tone;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words by which a customer threatens to leave: cancelling the contract, moving to a
 * competitor, bringing in lawyers. No sentiment lexicon sees them ("we are considering
 * other vendors" reads neutral), yet they are the angriest thing a customer writes.
 * "Please cancel the duplicate ticket" is no threat: only cancelling the relationship is.
 */
public final class ChurnThreats {

	private static final Pattern THREAT = Pattern.compile("\\b(?:"
			+ "(cancel\\w*|terminat\\w*|end|ending|not renew\\w*|leav\\w*) (our|my|the) (subscription|contract|account"
			+ "|plan|licen[cs]e|partnership|relationship)" + "|not (going to |gonna )?renew"
			+ "|(switch|mov|migrat|go)\\w* (over )?to (a |another |one of your )?(competitor|vendor|provider|tool)"
			+ "|competitors?" + "|(other|alternative) (vendors|providers|tools|solutions)" + "|lawyers?|attorneys?"
			+ "|legal (action|team|department|steps))", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private ChurnThreats() {
	}

	/**
	 * The first threat to leave in the text.
	 * @param text any text; {@code null} holds none
	 * @return the words of the threat, empty when there is none
	 */
	public static Optional<String> in(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher threat = matcher(text);
		return threat.find() ? Optional.of(threat.group()) : Optional.empty();
	}

	static Matcher matcher(String text) {
		return THREAT.matcher(text);
	}

}
