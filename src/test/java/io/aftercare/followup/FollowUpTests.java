package io.aftercare.followup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.assessment.SuggestedReminder;
import io.aftercare.customer.CustomerId;
import io.aftercare.drafting.Draft;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.RefusedException;
import io.aftercare.ticket.TicketId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	private static final String CHANNEL = "outbox:test";

	private FollowUp draft() {
		return new FollowUp(new FollowUpId(7), new CustomerId(1), new TicketId(2), List.of(), FollowUpLevel.MAJOR,
				FollowUpLevel.MAJOR, null, List.of("High severity"), List.of(),
				List.of(new SuggestedReminder(Period.ofDays(7), "Check API metrics", "check your API metrics")),
				new FollowUp.Recipient("David Park", "david@techflow.example"),
				new Draft("Checking in", "Hi David,\n\nAll good?"), "sam", NOW, 0, FollowUpStatus.DRAFT, null, null,
				null, 1, null, null, null, null, null, null, null, FollowUp.Sending.NONE, DeliveryStatus.NOT_SENT, null,
				ResponseStatus.NONE, null);
	}

	private static void queue(FollowUp followUp, String messageId, String channel) {
		followUp.queue(messageId, channel, "7-entry", NOW, "sam", NOW);
	}

	@Test
	void theStoresOpenFollowUpsAreTheOnesTheOnePerTicketIndexHolds() throws Exception {
		Set<String> open = Arrays.stream(FollowUpStatus.values())
			.filter(FollowUpStatus::isEditable)
			.map(FollowUpStatus::name)
			.collect(Collectors.toSet());
		assertThat(quoted(FollowUps.OPEN)).isEqualTo(open);
		assertThat(quoted(migration("postgresql"))).as("PostgreSQL's partial index").isEqualTo(open);
		assertThat(quoted(migration("h2"))).as("H2's computed column").isEqualTo(open);
	}

	private static String migration(String vendor) throws Exception {
		try (var in = FollowUpTests.class
			.getResourceAsStream("/db/vendor/" + vendor + "/V82__one_open_follow_up_per_ticket.sql")) {
			// Only the statements: the comments name statuses too.
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.startsWith("--"))
				.collect(Collectors.joining("\n"));
		}
	}

	private static Set<String> quoted(String sql) {
		return Pattern.compile("'([A-Z_]+)'").matcher(sql).results().map((m) -> m.group(1)).collect(Collectors.toSet());
	}

	@Test
	void refusesToSendWithoutApproval() {
		FollowUp followUp = draft();
		assertThatThrownBy(() -> queue(followUp, "<a@b>", CHANNEL)).isInstanceOf(RefusedException.class)
			.hasMessageContaining("approve");
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.DRAFT);
	}

	@Test
	void approvalBindsTheCurrentContentVersion() {
		FollowUp followUp = draft();
		assertThat(followUp.approve(null, "sam", NOW)).isTrue();
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.APPROVED);
		assertThat(followUp.approvedVersion()).isEqualTo(1);
		assertThat(followUp.approve(null, "sam", NOW)).as("approving twice changes nothing").isFalse();
	}

	@Test
	void editAfterApprovalVoidsTheApproval() {
		FollowUp followUp = draft();
		followUp.approve(null, "sam", NOW);
		followUp.edit("Checking in", "Hi David,\n\nAll good now?", "sam", NOW);
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.DRAFT);
		assertThat(followUp.contentVersion()).isEqualTo(2);
		assertThat(followUp.approvedBy()).isNull();
		assertThat(followUp.generated().textBody()).isEqualTo("Hi David,\n\nAll good?");
		assertThatThrownBy(() -> queue(followUp, "<a@b>", CHANNEL)).isInstanceOf(RefusedException.class)
			.hasMessageContaining("new approval");
	}

	@Test
	void editWithTheSameWordingKeepsTheApproval() {
		FollowUp followUp = draft();
		followUp.approve(null, "sam", NOW);
		followUp.edit("Checking in", "Hi David,\n\nAll good?", "sam", NOW);
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.APPROVED);
		assertThat(followUp.contentVersion()).isEqualTo(1);
	}

	@Test
	void refusesToApproveAVersionThatChangedSinceItWasReviewed() {
		FollowUp followUp = draft();
		followUp.edit("New subject", "New body", "alex", NOW);
		assertThatThrownBy(() -> followUp.approve(1, "sam", NOW)).isInstanceOf(RefusedException.class)
			.hasMessageContaining("changed since you reviewed");
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.DRAFT);
	}

	@Test
	void rejectsASubjectThatCouldInjectMailHeaders() {
		FollowUp followUp = draft();
		assertThatThrownBy(() -> followUp.edit("Hi\r\nBcc: evil@example.com", "Body", "sam", NOW))
			.isInstanceOf(InvalidInputException.class);
		assertThat(followUp.contentVersion()).isEqualTo(1);
	}

	@Test
	void aFailedSendKeepsTheApprovalForTheRetryAndRecordsWhereEachAttemptWent() {
		FollowUp followUp = draft();
		followUp.approve(null, "sam", NOW);
		queue(followUp, "<fu.7.1.a@aftercare>", CHANNEL);
		followUp.attemptStarted();
		followUp.failed("550 5.1.1 mailbox unavailable");
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.FAILED);
		assertThat(followUp.deliveryDetail()).isEqualTo("550 5.1.1 mailbox unavailable");
		assertThat(followUp.isApprovedAsIs()).isTrue();
		assertThat(followUp.messageId()).isEqualTo("<fu.7.1.a@aftercare>");
		queue(followUp, "<fu.7.1.a@aftercare>", "outbox:other");
		assertThat(followUp.sendChannel()).isEqualTo("outbox:other");
		assertThat(followUp.sendAttempts()).as("a resend counts its own attempts").isZero();
		followUp.attemptStarted();
		assertThat(followUp.sent("<fu.7.1.a@aftercare>", NOW, "250 OK", null, null)).isTrue();
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.SENT);
		assertThat(followUp.deliveryDetail()).isEqualTo("250 OK");
		assertThat(followUp.responseStatus()).isEqualTo(ResponseStatus.AWAITING);
	}

	@Test
	void aDeferredAttemptGoesBackToTheQueueAndAnUncertainOneStaysBeingSentToBeCheckedFirst() {
		FollowUp followUp = draft();
		followUp.approve(null, "sam", NOW);
		queue(followUp, "<fu.7.1.a@aftercare>", CHANNEL);
		assertThat(followUp.deliveryStatus()).isEqualTo(DeliveryStatus.QUEUED);
		followUp.attemptStarted();
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.SENDING);
		followUp.retryLater("421 try later", NOW.plusSeconds(30), false);
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.QUEUED);
		assertThat(followUp.sendAt()).isEqualTo(NOW.plusSeconds(30));
		assertThat(followUp.deliveryDetail()).isEqualTo("421 try later");
		followUp.attemptStarted();
		followUp.retryLater("connection broke after DATA", NOW.plusSeconds(60), true);
		assertThat(followUp.status()).as("the next attempt looks before it sends").isEqualTo(FollowUpStatus.SENDING);
		assertThat(followUp.sendAttempts()).isEqualTo(2);
		followUp.unconfirmed("cannot tell");
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.FAILED);
		assertThat(followUp.deliveryStatus()).isEqualTo(DeliveryStatus.UNCONFIRMED);
		assertThat(followUp.isApprovedAsIs()).as("waits for the CSM, approved").isTrue();
	}

	@Test
	void anEmailThatWentOutIsRecordedEvenAfterItWasCalledUnconfirmedButNotUnderAnotherWording() {
		FollowUp followUp = draft();
		followUp.approve(null, "sam", NOW);
		queue(followUp, "<fu.7.1.a@aftercare>", CHANNEL);
		followUp.attemptStarted();
		followUp.unconfirmed("cannot tell");
		assertThat(followUp.sent("<fu.7.0.other@aftercare>", NOW, "250 OK", null, null)).isFalse();
		assertThat(followUp.sent("<fu.7.1.a@aftercare>", NOW, "250 OK", "gm-1", "thread-1")).isTrue();
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.SENT);
		assertThat(followUp.providerThreadId()).isEqualTo("thread-1");
	}

	@Test
	void aQueuedFollowUpCanBeEditedOrDiscardedWhichTakesItOffTheQueueButNotOnceItIsBeingSent() {
		FollowUp followUp = draft();
		followUp.approve(null, "sam", NOW);
		queue(followUp, "<fu.7.1.a@aftercare>", CHANNEL);
		assertThat(followUp.approve(null, "sam", NOW)).as("a queued follow-up is approved as it is").isFalse();
		followUp.edit("Checking in", "Hi David,\n\nAll good now?", "sam", NOW);
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.DRAFT);
		assertThat(followUp.sendTask()).as("its queue entry no longer owns it").isNull();
		assertThat(followUp.deliveryStatus()).isEqualTo(DeliveryStatus.NOT_SENT);

		followUp.approve(null, "sam", NOW);
		queue(followUp, "<fu.7.2.a@aftercare>", CHANNEL);
		followUp.attemptStarted();
		assertThatThrownBy(() -> followUp.edit("x", "y", "sam", NOW)).isInstanceOf(RefusedException.class);
		assertThatThrownBy(followUp::discard).isInstanceOf(RefusedException.class);
	}

	@Test
	void aSentFollowUpCanNeitherBeEditedNorSentAgain() {
		FollowUp followUp = draft();
		followUp.approve(null, "sam", NOW);
		queue(followUp, "<a@b>", CHANNEL);
		followUp.attemptStarted();
		followUp.sent("<a@b>", NOW, "250 OK", null, null);
		assertThatThrownBy(() -> followUp.edit("x", "y", "sam", NOW)).isInstanceOf(RefusedException.class);
		assertThatThrownBy(() -> queue(followUp, "<c@d>", CHANNEL)).isInstanceOf(RefusedException.class);
		assertThatThrownBy(followUp::discard).isInstanceOf(RefusedException.class);
	}

	@Test
	void aDelayOnTheWayIsShownUntilAnAnswerProvesTheEmailArrivedOrItBounces() {
		FollowUp followUp = draft();
		assertThat(followUp.delayed("452 4.2.2 Mailbox full")).as("not sent yet").isFalse();
		followUp.approve(null, "sam", NOW);
		queue(followUp, "<a@b>", CHANNEL);
		followUp.attemptStarted();
		followUp.sent("<a@b>", NOW, "250 OK", null, null);

		assertThat(followUp.delayed("452 4.2.2 Mailbox full")).isTrue();
		assertThat(followUp.deliveryStatus()).isEqualTo(DeliveryStatus.DELAYED);
		assertThat(followUp.deliveryDetail()).isEqualTo("452 4.2.2 Mailbox full");
		assertThat(followUp.delayed("again")).as("one delay is enough").isFalse();

		assertThat(followUp.answered(new FollowUpAnswer(NOW.plusSeconds(3600), FollowUpAnswer.Via.EMAIL, "All good",
				"POSITIVE", 0.5, "says all is well")))
			.isTrue();
		assertThat(followUp.deliveryStatus()).as("an answer proves it arrived").isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(followUp.deliveryDetail()).isNull();
		assertThat(followUp.delayed("a late report")).as("a delay reported after the answer").isFalse();
		assertThat(followUp.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
	}

	@Test
	void aDelayedEmailCanStillBounceForGood() {
		FollowUp followUp = draft();
		followUp.approve(null, "sam", NOW);
		queue(followUp, "<a@b>", CHANNEL);
		followUp.attemptStarted();
		followUp.sent("<a@b>", NOW, "250 OK", null, null);
		followUp.delayed("452 4.2.2 Mailbox full");

		assertThat(followUp.bounced("552 5.2.2 Mailbox full for too long")).isTrue();
		assertThat(followUp.deliveryStatus()).isEqualTo(DeliveryStatus.BOUNCED);
		assertThat(followUp.deliveryDetail()).isEqualTo("552 5.2.2 Mailbox full for too long");
	}

	@Test
	void aFollowUpOnHoldCanBeEditedButNotApprovedUntilItIsReleased() {
		FollowUp followUp = draft();
		followUp.approve(null, "sam", NOW);
		assertThat(followUp.hold("ticket TF-2024-0847 was reopened")).isTrue();
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.ON_HOLD);
		assertThat(followUp.approvedBy()).as("the approval is void").isNull();
		assertThatThrownBy(() -> followUp.approve(null, "sam", NOW)).isInstanceOf(RefusedException.class)
			.hasMessageContaining("on hold (ticket TF-2024-0847 was reopened)");
		assertThatThrownBy(() -> queue(followUp, "<a@b>", CHANNEL)).isInstanceOf(RefusedException.class);
		followUp.edit("Checking in", "Hi David,\n\nStill with you on this.", "sam", NOW);
		assertThat(followUp.status()).as("edited, still on hold").isEqualTo(FollowUpStatus.ON_HOLD);
		assertThat(followUp.hold("again")).as("already on hold").isFalse();

		followUp.release();
		assertThat(followUp.status()).isEqualTo(FollowUpStatus.DRAFT);
		assertThat(followUp.holdReason()).isNull();
		assertThat(followUp.approve(null, "sam", NOW)).isTrue();
	}

	@Test
	void aQueuedFollowUpWhoseTicketIsReopenedLeavesTheQueue() {
		FollowUp followUp = draft();
		followUp.approve(null, "sam", NOW);
		queue(followUp, "<a@b>", CHANNEL);

		assertThat(followUp.hold("ticket TF-2024-0847 was reopened")).isTrue();

		assertThat(followUp.status()).isEqualTo(FollowUpStatus.ON_HOLD);
		assertThat(followUp.sending().task()).as("its queue entry finds it changed and does nothing").isNull();
		assertThat(followUp.isApprovedAsIs()).isFalse();
	}

}
