package io.aftercare.followup;

import java.util.Optional;

/**
 * The two one-click links a follow-up email may carry ("All good", "Still having
 * trouble"). Whoever reads the answers makes and checks them and provides this; the
 * follow-up module only puts them in the email, so that it does not depend on the module
 * that reacts to it.
 */
public interface FollowUpAnswerLinks {

	/** The links for this follow-up's email, or none when links are not configured. */
	Optional<Links> of(FollowUp followUp);

	/** Absolute URLs of the two answers' pages. */
	record Links(String allGood, String stillTrouble) {
	}

}
