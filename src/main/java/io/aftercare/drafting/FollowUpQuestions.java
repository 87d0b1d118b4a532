package io.aftercare.drafting;

import java.util.ArrayList;
import java.util.List;

import io.aftercare.assessment.FollowUpLevel;

/**
 * The specific questions a follow-up asks, chosen from what the resolution says was done.
 * Always the same questions for the same input, so a CSM can trust what the draft will
 * ask.
 */
final class FollowUpQuestions {

	static final String SINCE_THE_FIX = "Is everything working smoothly since the fix?";

	static final String WORKAROUND_HOLDING = "Is the workaround holding up, or do you need a date for the permanent fix?";

	static final String WORKING_NOW = "Is everything working the way you need it to now?";

	static final String KEPT_INFORMED = "Did our support team keep you well informed while we worked on it?";

	static final String ANYTHING_TO_FLAG = "Anything else I should flag to our team?";

	static final String ANSWERED = "Did that answer your question?";

	static final String LIMIT_ENOUGH = "Is the new limit enough for your busiest days?";

	private FollowUpQuestions() {
	}

	/**
	 * The questions for a follow-up at the given level: MAJOR asks two specific questions
	 * and ends with {@link #ANYTHING_TO_FLAG}, MODERATE asks two, MINOR one light one.
	 * @param level the follow-up level
	 * @param resolutionSummary how the ticket was resolved, may be {@code null}
	 * @return the questions in the order the email asks them
	 */
	static List<String> forResolution(FollowUpLevel level, String resolutionSummary) {
		Resolution resolution = Resolution.read(resolutionSummary);
		return switch (level) {
			case MINOR -> List.of(light(resolution));
			case MODERATE -> padded(specific(resolution), 2);
			case MAJOR -> {
				List<String> questions = new ArrayList<>(padded(specific(resolution), 1));
				questions.add(ANYTHING_TO_FLAG);
				yield List.copyOf(questions);
			}
		};
	}

	private static List<String> specific(Resolution resolution) {
		List<String> questions = new ArrayList<>();
		// A workaround often mentions the fix still to come; asking "since the fix" then
		// would be wrong.
		if (resolution.workaround()) {
			questions.add(WORKAROUND_HOLDING);
		}
		else if (resolution.fixed()) {
			questions.add(SINCE_THE_FIX);
		}
		if (resolution.guide() != null) {
			questions.add("Did the " + resolution.guide() + " help, or would a quick call be useful?");
		}
		if (resolution.limitRaised()) {
			questions.add(LIMIT_ENOUGH);
		}
		if (resolution.credit() != null) {
			questions.add("Has the " + resolution.credit() + " shown up on your account as expected?");
		}
		return questions;
	}

	private static List<String> padded(List<String> specific, int atLeast) {
		List<String> questions = new ArrayList<>(specific.subList(0, Math.min(specific.size(), 2)));
		boolean askedIfItWorks = questions.contains(SINCE_THE_FIX) || questions.contains(WORKAROUND_HOLDING);
		if (questions.size() < atLeast && !askedIfItWorks) {
			questions.add(WORKING_NOW);
		}
		if (questions.size() < atLeast) {
			questions.add(KEPT_INFORMED);
		}
		return questions;
	}

	private static String light(Resolution resolution) {
		if (resolution.guide() != null) {
			return "Did the " + resolution.guide() + " answer your question?";
		}
		if (resolution.workaround()) {
			return "Is the workaround doing the job for now?";
		}
		if (resolution.fixed()) {
			return "Is everything working as expected now?";
		}
		if (resolution.credit() != null) {
			return "Has the " + resolution.credit() + " shown up on your account?";
		}
		return ANSWERED;
	}

}
