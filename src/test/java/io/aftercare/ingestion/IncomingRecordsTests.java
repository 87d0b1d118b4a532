package io.aftercare.ingestion;

import java.time.Instant;
import java.util.List;

import io.aftercare.customer.ContactRecord;
import io.aftercare.customer.CustomerTier;
import io.aftercare.shared.SourceKey;
import io.aftercare.ticket.TicketPriority;
import io.aftercare.ticket.TicketRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IncomingRecordsTests {

	@Test
	void readsEnumsIgnoringCaseAndDashes() {
		var customer = new IncomingCustomer("Zendesk", "org-1", "TechFlow", "Mid-market", null, null, null, " ", null);

		var record = customer.toRecord();

		assertThat(record.tier()).isEqualTo(CustomerTier.MID_MARKET);
		assertThat(record.key()).isEqualTo(new SourceKey("zendesk", "org-1"));
		assertThat(record.ownerUsername()).isNull();
		assertThat(record.atRisk()).isFalse();
		assertThat(customer.key()).isEqualTo("zendesk:org-1");
	}

	@Test
	void refusesAnArrLargerThanTheDatabaseHolds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IncomingCustomer("zendesk", "org-1", "TechFlow", "SMB",
					new java.math.BigDecimal("1e20"), null, null, null, null)
				.toRecord())
			.withMessage("arr is larger than 999,999,999,999.99");
	}

	@Test
	void namesTheFieldOfAMissingKeyPart() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new IncomingCustomer("zendesk", " ", "TechFlow", "SMB", null, null, null, null, null).toRecord())
			.withMessage("externalId is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> contact(new IncomingKey("zendesk", null), null, null).toRecord())
			.withMessage("customer.externalId is required");
		assertThatIllegalArgumentException().isThrownBy(() -> contact(null, null, null).toRecord())
			.withMessage("customer is required (customer.externalId or customerExternalId)");
	}

	@Test
	void takesTheCustomersSourceFromTheRecordWhenLeftOut() {
		ContactRecord nested = contact(new IncomingKey(null, "org-1"), null, null).toRecord();
		ContactRecord flat = contact(null, null, "org-1").toRecord();
		ContactRecord elsewhere = contact(null, "Salesforce", "001A").toRecord();

		assertThat(nested.customer()).isEqualTo(new SourceKey("zendesk", "org-1"));
		assertThat(flat.customer()).isEqualTo(new SourceKey("zendesk", "org-1"));
		assertThat(elsewhere.customer()).isEqualTo(new SourceKey("salesforce", "001A"));
	}

	@Test
	void refusesTwoDifferentCustomers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> contact(new IncomingKey("zendesk", "org-1"), null, "org-2").toRecord())
			.withMessage("customer and customerExternalId name different customers; send one");
		assertThat(contact(new IncomingKey("zendesk", "org-1"), null, "org-1").toRecord().customer())
			.isEqualTo(new SourceKey("zendesk", "org-1"));
	}

	@Test
	void namesTheListItemThatFails() {
		var ticket = ticket(List.of(new IncomingParticipant("Dana", null, "customer", null),
				new IncomingParticipant("Lee", null, null, "agent")), List.of());

		assertThatIllegalArgumentException().isThrownBy(ticket::toRecord)
			.withMessage("participants[1]: participant side is required");
	}

	@Test
	void treatsCommentsAsInternalUnlessSaidPublic() {
		TicketRecord record = ticket(List.of(), List.of(
				new IncomingComment("c1", "customer", "Dana", null, "Help", Instant.parse("2026-10-01T10:00:00Z")),
				new IncomingComment("c2", "agent", "Lee", true, "On it", Instant.parse("2026-10-01T10:05:00Z"))))
			.toRecord();

		assertThat(record.comments()).extracting((c) -> c.publicComment()).containsExactly(false, true);
		assertThat(record.priority()).isEqualTo(TicketPriority.URGENT);
		assertThat(record.requester()).isEqualTo(new SourceKey("zendesk", "user-7"));
		assertThat(record.reopenCount()).isZero();
	}

	@Test
	void namesAHealthScoreByCustomerSourceAndTime() {
		var score = new IncomingHealthScore(null, "zendesk", "org-1", 72, Instant.parse("2026-11-01T00:00:00Z"),
				"gainsight");

		assertThat(score.key()).isEqualTo("zendesk:org-1/gainsight@2026-11-01T00:00:00Z");
		assertThat(score.toRecord().customer()).isEqualTo(new SourceKey("zendesk", "org-1"));
		assertThat(score.toRecord().entry().score()).isEqualTo(72);
	}

	private static IncomingContact contact(IncomingKey customer, String customerSource, String customerExternalId) {
		return new IncomingContact("zendesk", "user-7", customer, customerSource, customerExternalId, "Dana Reyes",
				null, null, null, null);
	}

	private static IncomingTicket ticket(List<IncomingParticipant> participants, List<IncomingComment> comments) {
		return new IncomingTicket("zendesk", "4821", null, new IncomingKey(null, "org-1"), null, null, "SSO fails",
				null, null, "urgent", "open", Instant.parse("2026-10-01T09:00:00Z"), null, null, null,
				new IncomingKey(null, "user-7"), null, null, null, null, List.of("sso"), participants, comments);
	}

}
