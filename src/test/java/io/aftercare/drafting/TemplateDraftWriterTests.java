package io.aftercare.drafting;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.aftercare.assessment.FollowUpLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TemplateDraftWriterTests {

	private final DraftWriter writer = new TemplateDraftWriter();

	@ParameterizedTest
	@EnumSource(FollowUpLevel.class)
	void namesTheTicketTheIssueAndTheResolution(FollowUpLevel level) {
		Draft draft = this.writer.write(techFlow(level));

		assertThat(draft.textBody()).contains("#TF-2024-0847")
			.contains("your ticket about API rate limiting (#TF-2024-0847)")
			.doesNotContain("\"API rate limiting")
			.containsIgnoringCase("rate limits increased 3x, optimization guide provided");
	}

	@ParameterizedTest
	@EnumSource(FollowUpLevel.class)
	void greetsTheContactByFirstNameAndAsksAtLeastOneQuestion(FollowUpLevel level) {
		Draft draft = this.writer.write(techFlow(level));

		assertThat(draft.textBody()).startsWith("Hi David,\n");
		assertThat(draft.textBody().lines()).anyMatch((line) -> line.strip().endsWith("?"));
	}

	@ParameterizedTest
	@EnumSource(FollowUpLevel.class)
	void isSignedByTheCsmWithTheDirectPhoneOnItsOwnLine(FollowUpLevel level) {
		Draft draft = this.writer.write(techFlow(level));

		assertThat(draft.textBody()).endsWith("Best,\nSam Rivera\n+1 (415) 555-0142\n");
	}

	@ParameterizedTest
	@EnumSource(FollowUpLevel.class)
	void addsTheCsmEmailWhenKnownAndNoPhoneLineWhenNot(FollowUpLevel level) {
		Draft draft = this.writer.write(new DraftRequest(level, "Ana", "Acme", "4711", "Exports time out", null, null,
				Duration.ofDays(1), false, null, List.of(), null, 0, "Sam Rivera", null, "sam@aftercare.io"));

		assertThat(draft.textBody()).endsWith("Best,\nSam Rivera\nsam@aftercare.io\n");
	}

	@ParameterizedTest
	@EnumSource(FollowUpLevel.class)
	void offersMoreHelpAndInvitesFeedback(FollowUpLevel level) {
		String body = this.writer.write(techFlow(level)).textBody();

		assertThat(body).containsAnyOf("If anything else comes up", "quick call");
		assertThat(body).containsAnyOf("flag to our team", "handled better", "could do better");
	}

	@ParameterizedTest
	@EnumSource(FollowUpLevel.class)
	void listsTheOffersTheAssessmentSuggests(FollowUpLevel level) {
		DraftRequest request = new DraftRequest(level, "David", "TechFlow", "TF-2024-0847",
				"API rate limiting causing sync failures", "API", "Rate limits increased 3x", Duration.ofDays(4), true,
				6, List.of("A short call to walk through the optimization guide"), null, 0, "Sam Rivera", null, null);

		assertThat(this.writer.write(request).textBody())
			.contains("\n• A short call to walk through the optimization guide\n");
	}

	@Test
	void majorFollowUpRepairsTheRelationshipLikeThePrdExample() {
		Draft draft = this.writer.write(techFlow(FollowUpLevel.MAJOR));

		assertThat(draft.subject()).isEqualTo("Checking In After Your API Issue - All Good?");
		assertThat(draft.textBody()).contains("I wanted to personally reach out")
			.contains("I know waiting 4 days for a resolution was frustrating - having this disrupt your operations")
			.contains("I'm sorry you had to deal with that")
			.contains("escalated to our engineering team")
			.contains("**Quick Recap:**\n• Issue: API rate limiting causing sync failures\n"
					+ "• Resolution: Rate limits increased 3x, optimization guide provided\n"
					+ "• Status: Should be fully operational now\n")
			.contains("**My Questions for You:**\n1. Is everything working smoothly since the fix?\n"
					+ "2. Did the optimization guide help, or would a quick call be useful?\n"
					+ "3. Anything else I should flag to our team?\n")
			.contains(
					"I've also added a note to check your API metrics next week to make sure everything stays on track.")
			.contains("Thanks for your patience through this. If anything else comes up, please reach out directly"
					+ " - I'm here to help.");
	}

	@Test
	void majorFollowUpNamesTheTicketSubjectWhenTheProductAreaIsUnknown() {
		Draft draft = this.writer.write(new DraftRequest(FollowUpLevel.MAJOR, "Ana", "Acme", "4711", "Exports time out",
				null, "Patch deployed", Duration.ofDays(1), false, null, List.of(), null, 0, "Sam Rivera", null, null));

		assertThat(draft.subject()).isEqualTo("Checking In After Your Ticket #4711 - All Good?");
		assertThat(draft.textBody()).contains("your ticket about “Exports time out” (#4711)")
			.contains("• Issue: Exports time out\n")
			.contains("I know waiting 24 hours for a resolution was frustrating")
			.doesNotContain("engineering")
			.contains("If a quick call would help, just reply");
	}

	static Stream<Arguments> waits() {
		return Stream.of(arguments(Duration.ofHours(4 * 24 + 12), "I know waiting over 4 days for a resolution"),
				arguments(Duration.ofDays(14), "I know waiting 14 days for a resolution"),
				arguments(Duration.ofHours(36), "I know waiting 36 hours for a resolution"),
				arguments(Duration.ofHours(5).plusMinutes(20), "I know waiting over 5 hours for a resolution"),
				arguments(Duration.ofHours(1), "I know waiting an hour for a resolution"),
				arguments(Duration.ofMinutes(40), "I know waiting 40 minutes for a resolution"),
				arguments(Duration.ofSeconds(30), "I know this was frustrating"));
	}

	@ParameterizedTest(name = "{0}: \"{1}\"")
	@MethodSource("waits")
	void majorFollowUpOwnsUpToALateResolutionsWaitInTheWordsTheCardUses(Duration timeOpen, String sentence) {
		String body = this.writer.write(request(FollowUpLevel.MAJOR, timeOpen, true, true)).textBody();

		assertThat(body).contains(sentence);
	}

	@ParameterizedTest
	@EnumSource(Language.class)
	void majorFollowUpApologisesWithoutNamingAWaitThatWasNoLongerThanItShouldBe(Language language) {
		String late = this.writer.write(request(FollowUpLevel.MAJOR, Duration.ofHours(3), true, true).in(language))
			.textBody();
		String onTime = this.writer.write(request(FollowUpLevel.MAJOR, Duration.ofHours(3), false, true).in(language))
			.textBody();

		assertThat(late).as("late")
			.contains(Wording.of(language).duration(Duration.ofHours(3)))
			.containsAnyOf("made the wait longer", "Wartezeit verlängert", "allongé l'attente", "alargó la espera");
		assertThat(onTime).as("on time")
			.doesNotContain(Wording.of(language).duration(Duration.ofHours(3)))
			.doesNotContain("made the wait longer", "Wartezeit verlängert", "allongé l'attente", "alargó la espera")
			.containsAnyOf("I know this was frustrating", "Ich weiß, dass das ärgerlich war",
					"Je sais que cela a été pénible", "Sé que esto fue frustrante");
	}

	@Test
	void moderateFollowUpThanksForALateResolutionsWaitThatWasNotAnEscalation() {
		assertThat(this.writer.write(request(FollowUpLevel.MODERATE, Duration.ofHours(4 * 24 + 12), true, false))
			.textBody()).contains(" I know it took over 4 days to sort out, so thanks for bearing with us.\n");
		assertThat(this.writer.write(request(FollowUpLevel.MODERATE, Duration.ofDays(3), true, false)).textBody())
			.contains(" I know it took 3 days to sort out, so thanks for bearing with us.\n");
		assertThat(this.writer.write(request(FollowUpLevel.MODERATE, Duration.ofDays(4), false, false)).textBody())
			.doesNotContain("took");
		assertThat(this.writer.write(request(FollowUpLevel.MODERATE, Duration.ofDays(5), true, true)).textBody())
			.doesNotContain("took")
			.contains("it had to go to our engineering team");
	}

	@ParameterizedTest
	@EnumSource(FollowUpLevel.class)
	void neverTellsACustomerAboutZeroDaysOrAMomentsWait(FollowUpLevel level) {
		for (Duration timeOpen : List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(59),
				Duration.ofHours(11), Duration.ofHours(13), Duration.ofHours(47), Duration.ofDays(2),
				Duration.ofHours(60), Duration.ofDays(40))) {
			for (boolean escalated : new boolean[] { false, true }) {
				String body = this.writer.write(request(level, timeOpen, escalated)).textBody();
				assertThat(body).as("%s, open %s", level, timeOpen)
					.doesNotContainPattern("\\b0 (days?|hours?|minutes?)\\b")
					.doesNotContain("under a minute")
					.doesNotContain("the past");
			}
		}
	}

	@Test
	void refusesANegativeOrMissingTimeOpen() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> request(FollowUpLevel.MINOR, Duration.ofMinutes(-1), false))
			.withMessageContaining("timeOpen");
		assertThatIllegalArgumentException().isThrownBy(() -> request(FollowUpLevel.MINOR, null, false))
			.withMessageContaining("timeOpen");
	}

	@Test
	void moderateFollowUpChecksSatisfactionWithTwoQuestionsAndOffersACall() {
		String body = this.writer.write(techFlow(FollowUpLevel.MODERATE)).textBody();

		assertThat(body).contains("I wanted to check in and make sure everything is running the way it should")
			.contains("the team at TechFlow")
			.contains("**Quick Recap:**\n• Issue: API rate limiting causing sync failures\n")
			.contains("1. Is everything working smoothly since the fix?\n"
					+ "2. Did the optimization guide help, or would a quick call be useful?\n")
			.doesNotContain("3. ")
			.doesNotContain("\"API rate limiting")
			.contains("Happy to jump on a quick call")
			.contains("Either way, I'll check your API metrics next week");
	}

	@Test
	void minorFollowUpIsAShortAcknowledgmentWithoutApology() {
		String body = this.writer.write(techFlow(FollowUpLevel.MINOR)).textBody();

		assertThat(body).contains("it's resolved (rate limits increased 3x, optimization guide provided)")
			.contains("\nDid the optimization guide answer your question?\n")
			.doesNotContainIgnoringCase("sorry")
			.doesNotContainIgnoringCase("apolog")
			.doesNotContainIgnoringCase("frustrat")
			.doesNotContain("Quick Recap");
		assertThat(body.lines().filter((line) -> line.contains("?"))).hasSize(1);
	}

	@Test
	void theThreeLevelsWriteDifferentEmails() {
		Set<String> bodies = EnumSet.allOf(FollowUpLevel.class)
			.stream()
			.map((level) -> this.writer.write(techFlow(level)))
			.map((draft) -> draft.subject() + "\n" + draft.textBody())
			.collect(Collectors.toSet());

		assertThat(bodies).hasSize(3);
	}

	@ParameterizedTest
	@EnumSource(FollowUpLevel.class)
	void keepsTheSubjectOnOneLineWhenTheTicketSubjectHasLineBreaks(FollowUpLevel level) {
		DraftRequest request = new DraftRequest(level, "Ana", "Acme", "4711\r\nX-Priority: 1",
				"Exports time out\r\nBcc: attacker@example.com\u0000\u2028", null, null, Duration.ofDays(2), false,
				null, List.of(), null, 0, "Sam Rivera", null, null);

		Draft draft = this.writer.write(request);

		// Each level puts the ticket subject or the ticket number into its subject line.
		assertThat(draft.subject()).doesNotContain("\r", "\n", "\u0000", "\u2028")
			.containsAnyOf("Exports time out Bcc: attacker@example.com", "#4711 X-Priority: 1");
		assertThat(draft.textBody()).containsIgnoringCase("exports time out Bcc")
			.doesNotContain("\r", "\u0000", "\u2028");
	}

	@Test
	void shortensAVeryLongTicketSubjectInTheSubjectLineOnly() {
		String longSubject = "Exports time out " + "again and again ".repeat(10);
		Draft draft = this.writer.write(new DraftRequest(FollowUpLevel.MINOR, "Ana", "Acme", "4711", longSubject, null,
				null, Duration.ofDays(2), false, null, List.of(), null, 0, "Sam Rivera", null, null));

		assertThat(draft.subject()).endsWith("...").hasSizeLessThan(100);
		assertThat(draft.textBody())
			.contains("your ticket about “Exports time out again and again again and again again and again…” (#4711)");
	}

	@Test
	void aSubjectTooLongToReadAsAPhraseIsQuotedWholeNotCutMidSentence() {
		String subject = "Appointment reminder emails show the wrong time";
		Draft english = this.writer.write(new DraftRequest(FollowUpLevel.MINOR, "Kevin", "Brightside Dental",
				"BD-2024-0019", subject, null, "Time zone corrected", Duration.ofHours(20), false, null, List.of(),
				null, 0, "Sam Rivera", null, null));
		Draft german = this.writer
			.write(new DraftRequest(FollowUpLevel.MODERATE, "Kevin", "Brightside Dental", "BD-2024-0019", subject, null,
					"Time zone corrected", Duration.ofHours(20), false, false, null, List.of(), null, 0, "Sam Rivera",
					null, null, List.of(), null, Language.GERMAN, List.of(), List.of(), List.of()));

		assertThat(english.textBody())
			.contains("your ticket about “Appointment reminder emails show the wrong time” (#BD-2024-0019)")
			.doesNotContain("show the wrong (");
		assertThat(german.textBody())
			.contains("Ihr Ticket #BD-2024-0019 („Appointment reminder emails show the wrong time“)");
		Draft question = this.writer.write(new DraftRequest(FollowUpLevel.MINOR, "Kevin", "Brightside Dental",
				"BD-2024-0019", "Why do reminder emails show the wrong time?", null, "Time zone corrected",
				Duration.ofHours(20), false, null, List.of(), null, 0, "Sam Rivera", null, null));
		assertThat(question.textBody()).as("a title keeps its question mark")
			.contains("your ticket about “Why do reminder emails show the wrong time?” (#BD-2024-0019)");
		Draft shortQuestion = this.writer.write(new DraftRequest(FollowUpLevel.MINOR, "Kevin", "Brightside Dental",
				"BD-2024-0019", "Why is export slow?", null, "Index added", Duration.ofHours(20), false, null,
				List.of(), null, 0, "Sam Rivera", null, null));
		assertThat(shortQuestion.textBody()).as("a short question is a title too")
			.contains("your ticket about “Why is export slow?” (#BD-2024-0019)");
	}

	static Stream<Arguments> issues() {
		return Stream.of(arguments("API rate limiting causing sync failures", "API rate limiting"),
				arguments("SSO login loop after identity provider certificate rotation", "SSO login loop"),
				arguments("Intermittent 429 responses on bulk export", "intermittent 429 responses on bulk export"),
				arguments("How to add a second administrator", "how to add a second administrator"),
				arguments("Login fails", "“Login fails”"),
				arguments("Export is slow for large accounts", "“Export is slow for large accounts”"),
				arguments("Gradebook sync overwrote teacher edits", "“Gradebook sync overwrote teacher edits”"),
				arguments("Tracking portal down: all shipment lookups return 503",
						"“Tracking portal down: all shipment lookups return 503”"),
				arguments("Can't log in after the update", "“Can't log in after the update”"));
	}

	/**
	 * "your ticket about ..." takes a noun phrase; a subject that is a sentence is quoted
	 * as its title, never read into the sentence as broken grammar.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("issues")
	void namesTheIssueInWordsThatFitTheSentence(String subject, String named) {
		Draft draft = this.writer.write(new DraftRequest(FollowUpLevel.MINOR, "Ana", "Acme", "4711", subject, null,
				"Patch deployed", Duration.ofHours(20), false, null, List.of(), null, 0, "Sam Rivera", null, null));

		assertThat(draft.textBody()).contains("your ticket about " + named + " (#4711)");
	}

	@Test
	void customerTextIsNotEvaluatedAsTemplateSyntax() {
		Draft draft = this.writer.write(new DraftRequest(FollowUpLevel.MODERATE, "Ana", "Acme", "4711",
				"[(${csmName})] and __${T(java.lang.System).exit(1)}__", null, null, Duration.ofDays(2), false, null,
				List.of(), null, 0, "Sam Rivera", null, null));

		assertThat(draft.textBody()).contains("• Issue: [(${csmName})] and __${T(java.lang.System).exit(1)}__\n")
			.doesNotContain("and Sam Rivera");
	}

	@Test
	void refusesARequestWithoutTheContactsFirstName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DraftRequest(FollowUpLevel.MINOR, " ", "Acme", "4711", "Exports time out", null, null,
					Duration.ofDays(2), false, null, List.of(), null, 0, "Sam Rivera", null, null))
			.withMessageContaining("contactFirstName");
	}

	@Test
	void refusesAReminderDelayWithoutAReminderNote() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DraftRequest(FollowUpLevel.MINOR, "Ana", "Acme", "4711", "Exports time out", null,
					null, Duration.ofDays(2), false, null, List.of(), null, 7, "Sam Rivera", null, null));
	}

	@Test
	void refusesASubjectThatSpansLines() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Draft("Hello\r\nBcc: attacker@example.com", "Body"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Draft("Hello\u0007", "Body"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Draft(" ", "Body"));
	}

	private static DraftRequest request(FollowUpLevel level, Duration timeOpen, boolean escalated) {
		return request(level, timeOpen, true, escalated);
	}

	private static DraftRequest request(FollowUpLevel level, Duration timeOpen, boolean resolvedLate,
			boolean escalated) {
		return new DraftRequest(level, "Ana", "Acme", "4711", "Exports time out", "Reports",
				"Patch deployed to the export service", timeOpen, resolvedLate, escalated, 2, List.of(), null, 0,
				"Sam Rivera", null, null, List.of(), null, Language.ENGLISH, List.of(), List.of(), List.of());
	}

	@ParameterizedTest
	@EnumSource(FollowUpLevel.class)
	void namesTheOtherTicketsResolvedTogetherWithIt(FollowUpLevel level) {
		DraftRequest one = techFlow(level);
		DraftRequest withTwoMore = new DraftRequest(one.level(), one.contactFirstName(), one.customerName(),
				one.ticketNumber(), one.ticketSubject(), one.productArea(), one.resolutionSummary(), one.timeOpen(),
				one.escalated(), one.healthDrop(), one.offers(), one.promise(), one.reminderInDays(), one.csmName(),
				one.csmPhone(), one.csmEmail(),
				List.of(new DraftRequest.OtherTicket("TF-2024-0850", "Invoice sent twice."),
						new DraftRequest.OtherTicket("#TF-2024-0861", "Webhook retries stall")));

		assertThat(this.writer.write(withTwoMore).textBody()).contains("Your other tickets from the same days, "
				+ "“Invoice sent twice” (#TF-2024-0850) and “Webhook retries stall” (#TF-2024-0861), "
				+ "have been resolved too.");
		assertThat(this.writer.write(one).textBody()).doesNotContain("Your other");
		assertThat(this.writer.write(withTwoMore.in(Language.GERMAN)).textBody())
			.contains("„Invoice sent twice“ (#TF-2024-0850) und „Webhook retries stall“ (#TF-2024-0861)");
	}

	@Test
	void leavesOutTheReOrFwdAMailProgramPutBeforeASubject() {
		Draft minor = this.writer.write(new DraftRequest(FollowUpLevel.MINOR, "Ana", "Acme", "4711",
				"Re: Fwd: Export drops rows.", null, "Patch deployed", Duration.ofHours(20), false, null, List.of(),
				null, 0, "Sam Rivera", null, null, List.of(new DraftRequest.OtherTicket("4712", "AW: Login is slow"))));
		Draft moderate = this.writer
			.write(new DraftRequest(FollowUpLevel.MODERATE, "Ana", "Acme", "4711", "RE: Export drops rows", null,
					"Patch deployed", Duration.ofHours(20), false, null, List.of(), null, 0, "Sam Rivera", null, null));

		assertThat(minor.subject()).isEqualTo("Following Up on Ticket #4711: Export drops rows");
		assertThat(minor.textBody()).contains("your ticket about “Export drops rows” (#4711)")
			.contains("“Login is slow” (#4712)")
			.doesNotContainIgnoringCase("re:")
			.doesNotContainIgnoringCase("fwd:")
			.doesNotContainIgnoringCase("aw:");
		assertThat(moderate.textBody()).contains("• Issue: Export drops rows\n").doesNotContainIgnoringCase("re:");
		assertThat(this.writer
			.write(new DraftRequest(FollowUpLevel.MODERATE, "Ana", "Acme", "4711", "Re:", null, "Patch deployed",
					Duration.ofHours(20), false, null, List.of(), null, 0, "Sam Rivera", null, null))
			.textBody()).as("nothing but the prefix: kept, rather than an empty issue").contains("• Issue: Re:");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			MINOR    | ENGLISH | I'm sorry for the frustration this caused along the way.
			MODERATE | ENGLISH | I'm sorry for the frustration this caused along the way.
			MINOR    | GERMAN  | Es tut mir leid, dass Ihnen das so viel Ärger bereitet hat.
			MODERATE | GERMAN  | Es tut mir leid, dass Ihnen das so viel Ärger bereitet hat.
			MINOR    | SPANISH | Siento mucho la frustración que esto le ha causado.
			MODERATE | SPANISH | Siento mucho la frustración que esto le ha causado.
			MINOR    | FRENCH  | Je regrette la frustration que cela vous a causée.
			MODERATE | FRENCH  | Je regrette la frustration que cela vous a causée.
			""")
	void saysSorryForTheFrustrationWhenTheCustomerSoundedUpset(FollowUpLevel level, Language language, String sorry) {
		DraftRequest calm = techFlow(level).in(language);

		String upsetBody = this.writer.write(upset(calm)).textBody();
		assertThat(upsetBody).containsOnlyOnce(sorry);
		// At the end of the first paragraph, after what the ticket was and how it ended.
		assertThat(upsetBody.split("\n\n")[1]).endsWith(sorry);
		assertThat(this.writer.write(calm).textBody()).doesNotContain(sorry);
	}

	@Test
	void aMajorFollowUpOwnsUpToTheFrustrationWhateverTheCustomerSounded() {
		DraftRequest calm = techFlow(FollowUpLevel.MAJOR);

		assertThat(this.writer.write(upset(calm)).textBody()).as("no second apology")
			.isEqualTo(this.writer.write(calm).textBody())
			.contains("I know waiting 4 days for a resolution was frustrating");
	}

	private static DraftRequest upset(DraftRequest r) {
		return new DraftRequest(r.level(), r.contactFirstName(), r.customerName(), r.ticketNumber(), r.ticketSubject(),
				r.productArea(), r.resolutionSummary(), r.timeOpen(), r.resolvedLate(), r.escalated(), r.healthDrop(),
				r.offers(), r.promise(), r.reminderInDays(), r.csmName(), r.csmPhone(), r.csmEmail(), r.alsoResolved(),
				r.contactRole(), r.language(), r.customerWords(), r.reasons(), r.impact(), true);
	}

	static DraftRequest techFlow(FollowUpLevel level) {
		return new DraftRequest(level, "David", "TechFlow", "TF-2024-0847", "API rate limiting causing sync failures",
				"API", "Rate limits increased 3x, optimization guide provided", Duration.ofDays(4), true, 6, List.of(),
				"check your API metrics", 7, "Sam Rivera", "+1 (415) 555-0142", null);
	}

}
