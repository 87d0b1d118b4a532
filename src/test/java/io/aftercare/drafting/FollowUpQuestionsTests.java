package io.aftercare.drafting;

import org.junit.jupiter.api.Test;

import io.aftercare.assessment.FollowUpLevel;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpQuestionsTests {

	@Test
	void majorAsksAboutTheFixAndTheGuideThenWhatElseToFlag() {
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MAJOR,
				"Rate limits increased 3x, optimization guide provided"))
			.containsExactly("Is everything working smoothly since the fix?",
					"Did the optimization guide help, or would a quick call be useful?",
					"Anything else I should flag to our team?");
	}

	@Test
	void namesTheGuideAsTheResolutionDoes() {
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, "Sent the KB article on SSO"))
			.startsWith("Did the KB article help, or would a quick call be useful?");
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, "Provided walkthrough of exports"))
			.startsWith("Did the walkthrough help, or would a quick call be useful?");
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, "Setup guide shared"))
			.startsWith("Did the setup guide help, or would a quick call be useful?");
	}

	@Test
	void asksWhetherTheWorkaroundHoldsInsteadOfAssumingAFix() {
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE,
				"Workaround provided; permanent fix scheduled for next release"))
			.first()
			.isEqualTo("Is the workaround holding up, or do you need a date for the permanent fix?");
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, "Work-around in place"))
			.doesNotContain("Is everything working smoothly since the fix?");
	}

	@Test
	void asksWhetherTheCreditArrivedAfterABillingResolution() {
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, "Billing error corrected, credit issued"))
			.first()
			.isEqualTo("Has the credit shown up on your account as expected?");
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MAJOR, "Refund of the duplicate charge issued"))
			.first()
			.isEqualTo("Has the refund shown up on your account as expected?");
	}

	@Test
	void asksWhetherARaisedLimitIsEnough() {
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, "API quota raised to 50,000 calls an hour"))
			.containsExactly("Is everything working smoothly since the fix?",
					"Is the new limit enough for your busiest days?");
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MAJOR,
				"Rate limits increased 3x, optimization guide provided"))
			.as("the PRD's questions: the guide comes before the limit")
			.containsExactly("Is everything working smoothly since the fix?",
					"Did the optimization guide help, or would a quick call be useful?",
					FollowUpQuestions.ANYTHING_TO_FLAG);
	}

	@Test
	void asksNoCreditQuestionWhenNoMoneyWentBack() {
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MINOR, "Showed the invoice export with a date filter"))
			.noneMatch((question) -> question.contains("credit") || question.contains("refund"));
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, "Billing address corrected"))
			.noneMatch((question) -> question.contains("credit") || question.contains("refund"));
	}

	@Test
	void asksAboutTheFixAfterAConfigurationChangeOrPatch() {
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, "SAML config updated")).first()
			.isEqualTo("Is everything working smoothly since the fix?");
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, "Hotfix deployed to EU region")).first()
			.isEqualTo("Is everything working smoothly since the fix?");
	}

	@Test
	void moderateAlwaysAsksExactlyTwo() {
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, null)).hasSize(2);
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE, "Patch deployed")).containsExactly(
				"Is everything working smoothly since the fix?",
				"Did our support team keep you well informed while we worked on it?");
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MODERATE,
				"Workaround given, setup guide sent, credit applied"))
			.hasSize(2);
	}

	@Test
	void majorAsksTwoOrThreeAndAlwaysEndsWithWhatToFlag() {
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MAJOR, null)).containsExactly(
				"Is everything working the way you need it to now?", "Anything else I should flag to our team?");
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MAJOR,
				"Workaround given, setup guide sent, credit applied"))
			.hasSize(3)
			.last()
			.isEqualTo("Anything else I should flag to our team?");
	}

	@Test
	void minorAsksOneLightQuestion() {
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MINOR, "Answered how to export users"))
			.containsExactly("Did that answer your question?");
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MINOR, "Linked the docs on exports"))
			.containsExactly("Did the docs answer your question?");
		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MINOR, "Webhook setting changed"))
			.containsExactly("Is everything working as expected now?");
	}

	@Test
	void givesTheSameQuestionsForTheSameResolution() {
		String resolution = "Rate limits increased 3x, optimization guide provided";

		assertThat(FollowUpQuestions.forResolution(FollowUpLevel.MAJOR, resolution))
			.isEqualTo(FollowUpQuestions.forResolution(FollowUpLevel.MAJOR, resolution));
	}

}
