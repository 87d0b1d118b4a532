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

	private static final Wording ENGLISH = Wording.of(Language.ENGLISH);

	static final String SINCE_THE_FIX = ENGLISH.sinceTheFix();

	static final String WORKAROUND_HOLDING = ENGLISH.workaroundHolding();

	static final String WORKING_NOW = ENGLISH.workingNow();

	static final String KEPT_INFORMED = ENGLISH.keptInformed();

	static final String ANYTHING_TO_FLAG = ENGLISH.anythingToFlag();

	static final String ANSWERED = ENGLISH.answered();

	static final String LIMIT_ENOUGH = ENGLISH.limitEnough();

	private FollowUpQuestions() {
	}

	/** The questions in English, when no offer speaks of a call. */
	static List<String> forResolution(FollowUpLevel level, String resolutionSummary) {
		return forResolution(level, resolutionSummary, ENGLISH, false);
	}

	/**
	 * The questions for a follow-up at the given level: MAJOR asks two specific questions
	 * and ends with {@link #ANYTHING_TO_FLAG}, MODERATE asks two, MINOR one light one.
	 * @param level the follow-up level
	 * @param resolutionSummary how the ticket was resolved, may be {@code null}
	 * @param wording the language's phrases
	 * @param callOffered whether the email offers a call already: then no question offers
	 * one again
	 * @return the questions in the order the email asks them
	 */
	static List<String> forResolution(FollowUpLevel level, String resolutionSummary, Wording wording,
			boolean callOffered) {
		Resolution resolution = Resolution.read(resolutionSummary);
		return switch (level) {
			case MINOR -> List.of(light(resolution, wording));
			case MODERATE -> padded(specific(resolution, wording, callOffered), 2, wording);
			case MAJOR -> {
				List<String> questions = new ArrayList<>(
						padded(specific(resolution, wording, callOffered), 1, wording));
				questions.add(wording.anythingToFlag());
				yield List.copyOf(questions);
			}
		};
	}

	private static List<String> specific(Resolution resolution, Wording wording, boolean callOffered) {
		List<String> questions = new ArrayList<>();
		// A workaround often mentions the fix still to come; asking "since the fix" then
		// would be wrong. The PRD's example asks about the fix first, then the guide; a
		// raised limit's own question comes when there is room.
		if (resolution.workaround()) {
			questions.add(wording.workaroundHolding());
		}
		else if (resolution.fixed()) {
			questions.add(wording.sinceTheFix());
		}
		if (resolution.guide() != null) {
			questions.add(wording.guideQuestion(callOffered ? wording.guideHelped() : wording.guideHelpedOrCall(),
					resolution.guide()));
		}
		if (resolution.limitRaised()) {
			questions.add(wording.limitEnough());
		}
		if (resolution.credit() != null) {
			questions.add(wording.creditQuestion(resolution.credit()));
		}
		return questions;
	}

	private static List<String> padded(List<String> specific, int atLeast, Wording wording) {
		List<String> questions = new ArrayList<>(specific.subList(0, Math.min(specific.size(), 2)));
		boolean askedIfItWorks = questions.contains(wording.sinceTheFix())
				|| questions.contains(wording.workaroundHolding());
		if (questions.size() < atLeast && !askedIfItWorks) {
			questions.add(wording.workingNow());
		}
		if (questions.size() < atLeast) {
			questions.add(wording.keptInformed());
		}
		return questions;
	}

	private static String light(Resolution resolution, Wording wording) {
		if (resolution.guide() != null) {
			return wording.guideQuestion(wording.guideAnswered(), resolution.guide());
		}
		if (resolution.workaround()) {
			return wording.workaroundForNow();
		}
		if (resolution.limitRaised()) {
			return wording.limitEnough();
		}
		if (resolution.fixed()) {
			return wording.workingAsExpected();
		}
		if (resolution.credit() != null) {
			return wording.creditQuestion(resolution.credit());
		}
		return wording.answered();
	}

}
