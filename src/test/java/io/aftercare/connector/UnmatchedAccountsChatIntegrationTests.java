package io.aftercare.connector;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aftercare.chat.ChatSession;
import io.aftercare.customer.CustomerRecord;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.customer.CustomerTier;
import io.aftercare.ingestion.IncomingTicket;
import io.aftercare.shared.SourceKey;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin sees the desk accounts no customer was found for in the chat's side panel and
 * maps one by typing the customer's name; its held tickets land. The admin also sees the
 * webhooks the worker set aside, and puts them back in line. A CSM sees none of it.
 */
@ConnectorIntegrationTest
class UnmatchedAccountsChatIntegrationTests {

	@Autowired
	DeskFeed feed;

	@Autowired
	CustomerRegistry customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebhookInbox inbox;

	@LocalServerPort
	int port;

	@Test
	void anAdminMapsAnUnmatchedOrganizationFromTheSidePanelAndItsTicketLands() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.customers.upsert(new CustomerRecord(new SourceKey("crm", "wayne-" + run), "Wayne Enterprises " + run,
				CustomerTier.STRATEGIC, new BigDecimal("500000"), 5000, null, "sam", false));
		IncomingTicket ticket = new IncomingTicket("zendesk", "chat-" + run, null, null, null, null, "Audit export",
				null, null, "HIGH", "SOLVED", Instant.parse("2026-10-01T09:00:00Z"),
				Instant.parse("2026-10-02T09:00:00Z"), null, null, null, null, null, null, null, List.of(), null,
				List.of());
		this.feed.deliver(
				List.of(new DeskTicket(new DeskAccount("zendesk", "org-" + run, "Wayne Corp " + run), null, ticket)),
				false);

		ChatSession csm = ChatSession.signIn(this.port, "sam", "demo");
		assertThat(csm.get("/chat/panel").body()).doesNotContain("Wayne Corp " + run);

		ChatSession admin = ChatSession.signIn(this.port, "admin", "demo");
		String panel = admin.get("/chat/panel").body();
		assertThat(panel).contains("Desk accounts to map").contains("Wayne Corp " + run).contains("1 held");
		long account = this.jdbc.sql("select id from desk_accounts where account_key = :key")
			.param("key", "org:org-" + run)
			.query(Long.class)
			.single();

		String mapped = admin
			.post("/chat/desk-accounts/" + account + "/mapping", Map.of("customer", "wayne enterprises " + run))
			.body();

		assertThat(mapped).contains("Mapped to Wayne Enterprises " + run + ": 1 ticket landed.")
			.doesNotContain("Wayne Corp " + run);
		assertThat(this.jdbc.sql("""
				select c.external_id from tickets t join customers c on c.id = t.customer_id
				where t.source_system = 'zendesk' and t.external_id = :id
				""").param("id", "chat-" + run).query(String.class).single()).isEqualTo("wayne-" + run);
		assertThat(csm.post("/chat/desk-accounts/" + account + "/mapping", Map.of("customer", "x")).body())
			.as("a CSM is told, in the conversation, that there is no such thing")
			.contains("There is no such desk account.");
	}

	@Test
	void anAdminPutsTheWebhooksSetAsideBackInLineFromTheSidePanel() throws Exception {
		String eventId = UUID.randomUUID().toString();
		this.inbox.store("zendesk", eventId, "{\"id\":\"" + eventId + "\"}");
		// As the worker leaves one it gave up on; the reason names what a payload held.
		this.jdbc.sql("""
				update webhook_inbox set status = 'FAILED', attempts = 5, processed_at = current_timestamp,
				    outcome = 'gave up after 5 attempts: organization <b>Initech</b> refused'
				where event_id = :id
				""").param("id", eventId).update();

		ChatSession csm = ChatSession.signIn(this.port, "sam", "demo");
		assertThat(csm.get("/chat/panel").body()).doesNotContain("Webhooks set aside");
		assertThat(csm.post("/chat/failed-webhooks/retry", Map.of()).body())
			.as("a CSM is told, in the conversation, that there is no such thing")
			.contains("There are no such webhooks.");
		assertThat(status(eventId)).isEqualTo("FAILED");

		ChatSession admin = ChatSession.signIn(this.port, "admin", "demo");
		assertThat(admin.get("/chat/panel").body()).contains("Webhooks set aside")
			.contains("gave up after 5 attempts: organization &lt;b&gt;Initech&lt;/b&gt; refused")
			.doesNotContain("<b>Initech</b>")
			.contains("Try them all again");

		String retried = admin.post("/chat/failed-webhooks/retry", Map.of()).body();

		assertThat(retried).containsPattern("\\d+ webhooks? (is|are) back in line\\.")
			.doesNotContain("gave up after 5 attempts: organization");
		// Back in line, then taken again at once: whatever became of it, the reason it
		// was set aside for is gone.
		assertThat(this.jdbc.sql("select coalesce(outcome, '') from webhook_inbox where event_id = :id")
			.param("id", eventId)
			.query(String.class)
			.single()).doesNotContain("Initech");
	}

	private String status(String eventId) {
		return this.jdbc.sql("select status from webhook_inbox where event_id = :id")
			.param("id", eventId)
			.query(String.class)
			.single();
	}

}
