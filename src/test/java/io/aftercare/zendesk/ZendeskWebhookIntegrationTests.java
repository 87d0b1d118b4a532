package io.aftercare.zendesk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.aftercare.connector.ConnectorIntegrationTest;
import io.aftercare.connector.DeskSigning;
import io.aftercare.connector.InboxWorker;
import io.aftercare.connector.WebhookInbox;
import io.aftercare.customer.ContactRecord;
import io.aftercare.customer.CustomerRecord;
import io.aftercare.customer.ContactRecord;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.customer.CustomerTier;
import io.aftercare.shared.SourceKey;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Zendesk webhooks through real HTTP into the inbox, the worker and the database. The
 * payloads follow Zendesk's published ticket event schema (envelope {@code type},
 * {@code account_id}, {@code id}, {@code time}, {@code zendesk_event_version},
 * {@code subject}, {@code detail}, {@code event}; ids in {@code detail} as strings,
 * statuses in upper case as in Zendesk's samples).
 */
@ConnectorIntegrationTest
class ZendeskWebhookIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerRegistry customers;

	@Autowired
	MeterRegistry meters;

	@Autowired
	WebhookInbox inbox;

	@Autowired
	InboxWorker worker;

	String org;

	String ticket;

	@BeforeEach
	void aCustomerTakenInUnderItsZendeskOrganization() {
		this.org = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
		this.ticket = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
		this.customers.upsert(new CustomerRecord(new SourceKey("zendesk", this.org), "Northwind " + this.org,
				CustomerTier.MID_MARKET, new BigDecimal("48000"), 120, null, "alex", false));
	}

	static String statusChanged(String eventId, String ticket, String org, String previous, String current,
			Instant time) {
		return """
				{"type":"zen:event-type:ticket.status_changed","account_id":10012345,"id":"%s","time":"%s",
				 "zendesk_event_version":"2022-11-06","subject":"zen:ticket:%s",
				 "detail":{"actor_id":"70010","assignee_id":"70010","brand_id":"360001","created_at":"%s",
				  "custom_status":"17","description":"Exports fail since the upgrade.","external_id":"","form_id":"1",
				  "group_id":"3301","id":"%s","is_public":true,"organization_id":"%s","priority":"URGENT",
				  "requester_id":"90001","status":"%s","subject":"Data export fails","submitter_id":"90001",
				  "tags":["export","enterprise"],"type":"INCIDENT","updated_at":"%s","via":{"channel":"email"}},
				 "event":{"current":"%s","previous":"%s","meta":{"sequence":{"id":"C1D2E3F4","position":1}}}}"""
			.formatted(eventId, time, ticket, time.minus(Duration.ofDays(4)), ticket, org, current, time, current,
					previous);
	}

	ResponseSpec post(String body, String timestamp, String signature) {
		return this.http.post().uri("/webhooks/zendesk").contentType(MediaType.APPLICATION_JSON).headers((h) -> {
			if (timestamp != null) {
				h.set("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
			}
			if (signature != null) {
				h.set("X-Zendesk-Webhook-Signature", signature);
			}
		}).body(body).exchange();
	}

	ResponseSpec signed(String body) {
		String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		return post(body, timestamp, DeskSigning.zendesk(DeskSigning.ZENDESK_SECRET, timestamp, body));
	}

	Map<String, Object> storedTicket() {
		return this.jdbc.sql("""
				select t.status, t.priority, t.resolved_at, t.subject, c.external_id as org from tickets t
				join customers c on c.id = t.customer_id
				where t.source_system = 'zendesk' and t.external_id = :id
				""").param("id", this.ticket).query().listOfRows().stream().findFirst().orElse(null);
	}

	@Test
	void aWebhookThatCanNeverBeStoredDoesNotHoldUpTheOthersOfItsBatch() {
		String poisonOrg = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
		// Any failure of the database on one webhook's account, for ever (no such
		// limit exists: this stands for one nobody foresaw).
		this.jdbc
			.sql("alter table desk_accounts add constraint desk_accounts_poison check (account_key <> 'org:" + poisonOrg
					+ "')")
			.update();
		try {
			Instant solvedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
			String poison = UUID.randomUUID().toString();
			String good = UUID.randomUUID().toString();
			this.inbox.store("zendesk", poison,
					statusChanged(poison, this.ticket + "9", poisonOrg, "OPEN", "SOLVED", solvedAt));
			this.inbox.store("zendesk", good, statusChanged(good, this.ticket, this.org, "OPEN", "SOLVED", solvedAt));

			this.worker.drain();

			await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(inboxStatus(good)));
			assertThat(storedTicket()).isNotNull();
			assertThat(inboxStatus(poison)).as("tried again later, up to the attempts allowed").isEqualTo("RECEIVED");
		}
		finally {
			this.jdbc.sql("alter table desk_accounts drop constraint desk_accounts_poison").update();
		}
	}

	@Test
	void aWebhookGivenUpOnIsPutBackInLineByAnAdminOnceTheCauseIsMended() {
		// The customer's organization cannot be written down until the constraint goes:
		// a failure nobody foresaw, then mended.
		this.jdbc
			.sql("alter table desk_accounts add constraint desk_accounts_failing check (account_key <> 'org:" + this.org
					+ "')")
			.update();
		String eventId = UUID.randomUUID().toString();
		long id;
		try {
			this.inbox.store("zendesk", eventId, statusChanged(eventId, this.ticket, this.org, "OPEN", "SOLVED",
					Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS)));
			// Its last attempt: the worker sets it aside as failed.
			this.jdbc.sql("update webhook_inbox set attempts = 4 where event_id = :id").param("id", eventId).update();
			this.worker.drain();
			await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(inboxStatus(eventId)));
			id = this.jdbc.sql("select id from webhook_inbox where event_id = :id")
				.param("id", eventId)
				.query(Long.class)
				.single();
			asAdmin("/api/admin/connectors").jsonPath("$.failedWebhooks[?(@.id == %d)].reason".formatted(id))
				.value((reasons) -> assertThat(reasons.toString()).contains("gave up after 5 attempts"));
		}
		finally {
			this.jdbc.sql("alter table desk_accounts drop constraint desk_accounts_failing").update();
		}

		retry("sam", "/" + id).expectStatus().isForbidden();
		assertThat(inboxStatus(eventId)).as("a CSM cannot put it back").isEqualTo("FAILED");
		retry("admin", "/" + id).expectStatus().isOk().expectBody().jsonPath("$.retried").isEqualTo(1);

		this.worker.drain();
		await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(inboxStatus(eventId)));
		assertThat(storedTicket()).as("the ticket lands once the cause is mended").isNotNull();
		assertThat(storedTicket().get("org")).isEqualTo(this.org);
		retry("admin", "/" + id).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		retry("admin", "").expectStatus().isOk();
		assertThat(inboxStatus(eventId)).as("retrying all takes failed webhooks only").isEqualTo("PROCESSED");
	}

	/** What an admin reads at the address, answered 200. */
	private BodyContentSpec asAdmin(String uri) {
		return this.http.get()
			.uri(uri)
			.headers((h) -> h.setBasicAuth("admin", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private ResponseSpec retry(String user, String which) {
		return this.http.post()
			.uri("/api/admin/connectors/failed-webhooks" + which + "/retry")
			.headers((h) -> h.setBasicAuth(user, "demo"))
			.exchange();
	}

	private String inboxStatus(String eventId) {
		return this.jdbc.sql("select status from webhook_inbox where source = 'zendesk' and event_id = :id")
			.param("id", eventId)
			.query(String.class)
			.single();
	}

	@Test
	void aSignedResolutionBecomesAResolvedTicketOfTheCustomerAndIsAnnounced() {
		Instant solvedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
		String body = statusChanged(UUID.randomUUID().toString(), this.ticket, this.org, "OPEN", "SOLVED", solvedAt);

		signed(body).expectStatus().isOk().expectBody().jsonPath("$.received").isEqualTo("STORED");

		await().atMost(Duration.ofSeconds(10)).until(() -> storedTicket() != null);
		Map<String, Object> stored = storedTicket();
		assertThat(stored.get("status")).isEqualTo("SOLVED");
		assertThat(stored.get("priority")).isEqualTo("URGENT");
		assertThat(stored.get("subject")).isEqualTo("Data export fails");
		assertThat(stored.get("org")).isEqualTo(this.org);
		assertThat(
				this.jdbc.sql("select resolved_at from tickets where source_system = 'zendesk' and external_id = :id")
					.param("id", this.ticket)
					.query(java.time.OffsetDateTime.class)
					.single()
					.toInstant())
			.isEqualTo(solvedAt);
		assertThat(this.jdbc.sql("""
				select count(*) from event_publication where event_type like '%TicketResolved'
				and listener_id like '%AuditTrail%'
				and serialized_event like :number and serialized_event like '%"backfill":false%'
				""").param("number", "%\"ticketNumber\":\"" + this.ticket + "\"%").query(Long.class).single())
			.as("a fresh resolution, announced once (to the audit trail as to any listener), not as a backfill")
			.isEqualTo(1);
	}

	@Test
	void aRequesterToldByIdAloneIsLinkedWhenKnownAndLeftOutWhenNot() {
		// Event webhooks name the requester by id only; a requester the desk told us of
		// before (with their address) is linked, one never seen is left out, and neither
		// keeps the ticket out.
		String known = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
		this.customers.upsert(new ContactRecord(new SourceKey("zendesk", known), new SourceKey("zendesk", this.org),
				"Dana Reyes", "dana@northwind.example", null, false, null));
		String other = this.ticket + "7";
		Instant solvedAt = Instant.now().minusSeconds(5);
		signed(statusChanged(UUID.randomUUID().toString(), this.ticket, this.org, "OPEN", "SOLVED", solvedAt)
			.replace("\"requester_id\":\"90001\"", "\"requester_id\":\"" + known + "\"")).expectStatus().isOk();
		signed(statusChanged(UUID.randomUUID().toString(), other, this.org, "OPEN", "SOLVED", solvedAt)
			.replace("\"requester_id\":\"90001\"", "\"requester_id\":\"" + known + "1\"")).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> requesterOf(this.ticket).isPresent() && requesterOf(other).isPresent());
		assertThat(requesterOf(this.ticket)).hasValue("dana@northwind.example");
		assertThat(requesterOf(other)).hasValue("");
	}

	/** The stored ticket's requester's address, empty when it has none. */
	private java.util.Optional<String> requesterOf(String ticket) {
		return this.jdbc.sql("""
				select coalesce(c.email, '') from tickets t left join contacts c on c.id = t.requester_contact_id
				where t.source_system = 'zendesk' and t.external_id = :id
				""").param("id", ticket).query(String.class).optional();
	}

	@Test
	void anUrgentResolutionPastTheDelayIsDraftedUnaskedForTheOwningCsm() {
		this.customers
			.upsert(new ContactRecord(new SourceKey("crm", "ops-" + this.org), new SourceKey("zendesk", this.org),
					"Kim Ortega", "kim@nw" + this.org + ".example", "Ops lead", true, null));
		// Solved three hours ago, reported only now: the two-hour delay is already over.
		Instant solvedAt = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);

		// A requester of its own: other tests' requester answered the desk's survey
		// lately, which rightly holds back an unasked draft.
		String body = statusChanged(UUID.randomUUID().toString(), this.ticket, this.org, "OPEN", "SOLVED", solvedAt)
			.replace("\"requester_id\":\"90001\"", "\"requester_id\":\"91" + this.org + "\"");

		signed(body).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(draftsOf("alex"))
				.filteredOn((draft) -> ("Northwind " + this.org).equals(draft.get("customerName")))
				.singleElement()
				.satisfies((draft) -> {
					assertThat(draft.get("createdBy")).isEqualTo("aftercare");
					assertThat((String) draft.get("why")).containsIgnoringCase("urgent");
				}));
		assertThat(draftsOf("sam")).as("another CSM's book")
			.noneMatch((draft) -> ("Northwind " + this.org).equals(draft.get("customerName")));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> draftsOf(String csm) {
		List<Map<String, Object>> drafts = this.http.get()
			.uri("/api/followups?status=DRAFT&limit=200")
			.headers((h) -> h.setBasicAuth(csm, "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		List<Map<String, Object>> named = new ArrayList<>();
		for (Map<String, Object> draft : drafts) {
			long customer = ((Number) draft.get("customerId")).longValue();
			Map<String, Object> row = new HashMap<>(draft);
			row.put("customerName",
					this.jdbc.sql("select name from customers where id = :id")
						.param("id", customer)
						.query(String.class)
						.single());
			named.add(row);
		}
		return named;
	}

	@Test
	void aRedeliveredEventChangesNothing() {
		String eventId = UUID.randomUUID().toString();
		String body = statusChanged(eventId, this.ticket, this.org, "OPEN", "SOLVED", Instant.now().minusSeconds(5));
		signed(body).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(10)).until(() -> storedTicket() != null);
		Object updatedAt = this.jdbc
			.sql("select updated_at from tickets where source_system = 'zendesk' and external_id = :id")
			.param("id", this.ticket)
			.query()
			.singleValue();

		signed(body).expectStatus().isOk().expectBody().jsonPath("$.received").isEqualTo("DUPLICATE");

		assertThat(this.jdbc.sql("select count(*) from webhook_inbox where source = 'zendesk' and event_id = :id")
			.param("id", eventId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select updated_at from tickets where source_system = 'zendesk' and external_id = :id")
			.param("id", this.ticket)
			.query()
			.singleValue()).isEqualTo(updatedAt);
	}

	@Test
	void refusesUnsignedTamperedWronglySignedAndStaleWebhooksWithAProblemAndCountsThem() {
		String body = statusChanged(UUID.randomUUID().toString(), this.ticket, this.org, "OPEN", "SOLVED",
				Instant.now());
		String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		String stale = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS).toString();
		double before = refused("bad_signature") + refused("unsigned") + refused("stale");

		post(body, null, null).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Webhook refused")
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("X-Zendesk-Webhook-Signature"));
		post(body.replace("SOLVED", "CLOSED"), now, DeskSigning.zendesk(DeskSigning.ZENDESK_SECRET, now, body))
			.expectStatus()
			.isUnauthorized();
		post(body, now, DeskSigning.zendesk("another secret", now, body)).expectStatus().isUnauthorized();
		post(body, stale, DeskSigning.zendesk(DeskSigning.ZENDESK_SECRET, stale, body)).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://aftercare.io/problems/webhook-stale");

		assertThat(refused("bad_signature") + refused("unsigned") + refused("stale") - before).isEqualTo(4);
		assertThat(this.jdbc.sql("select count(*) from webhook_inbox where payload like :ticket")
			.param("ticket", "%zen:ticket:" + this.ticket + "%")
			.query(Long.class)
			.single()).as("nothing refused is stored").isZero();
		assertThat(storedTicket()).isNull();
	}

	@Test
	void refusesASignedBodyThatIsNoZendeskEvent() {
		signed("{\"hello\":\"world\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://aftercare.io/problems/webhook-malformed");
		signed("not json at all").expectStatus().isBadRequest();
	}

	@Test
	void anOrganizationNoCustomerIsKnownForIsListedAndItsTicketLandsOnceMapped() {
		String unknownOrg = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000));
		signed(statusChanged(UUID.randomUUID().toString(), this.ticket, unknownOrg, "OPEN", "SOLVED",
				Instant.now().minusSeconds(5)))
			.expectStatus()
			.isOk();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from held_records where record_key = :key")
				.param("key", "zendesk:" + this.ticket)
				.query(Long.class)
				.single() == 1);
		assertThat(storedTicket()).as("held, not stored").isNull();
		long accountId = this.jdbc
			.sql("select id from desk_accounts where source = 'zendesk' and account_key = :key and customer_id is null")
			.param("key", "org:" + unknownOrg)
			.query(Long.class)
			.single();
		asAdmin("/api/admin/connectors/unmatched").jsonPath("$[?(@.id == %d)].key".formatted(accountId))
			.isEqualTo("org:" + unknownOrg)
			.jsonPath("$[?(@.id == %d)].heldRecords".formatted(accountId))
			.isEqualTo(1);

		long customerId = this.customers.customerOf(new SourceKey("zendesk", this.org)).orElseThrow().value();
		this.http.post()
			.uri("/api/admin/connectors/unmatched/{id}/mapping", accountId)
			.headers((h) -> h.setBasicAuth("admin", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"customerId\":" + customerId + "}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.created")
			.isEqualTo(1);

		assertThat(storedTicket()).isNotNull().containsEntry("status", "SOLVED").containsEntry("org", this.org);
		assertThat(this.jdbc.sql("select count(*) from held_records where record_key = :key")
			.param("key", "zendesk:" + this.ticket)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aTriggersJsonMapsItsRequesterByEmailDomainAndCarriesTheRating() {
		long customerId = this.customers.customerOf(new SourceKey("zendesk", this.org)).orElseThrow().value();
		String domain = "nw" + this.org + ".example";
		this.customers.upsert(new ContactRecord(new SourceKey("crm", "c-" + this.org),
				new SourceKey("zendesk", this.org), "Jo Miller", "jo@" + domain, "Ops lead", true, null));
		String body = """
				{"ticket":{"id":"%s","subject":"Invoice totals wrong","status":"Solved","priority":"High",
				 "created_at":"%s","updated_at":"%s","tags":"billing invoices",
				 "organization":{"id":"","name":""},
				 "requester":{"id":"77%s","name":"Sam Lee","email":"sam.lee@%s"},
				 "satisfaction":{"score":"Bad, I'm unsatisfied","comment":"Took too long"}}}""".formatted(this.ticket,
				Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS),
				Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS), this.org, domain);

		signed(body).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10)).until(() -> storedTicket() != null);
		Map<String, Object> row = this.jdbc.sql("""
				select t.customer_id, t.priority, t.satisfaction_rating, k.email from tickets t
				left join contacts k on k.id = t.requester_contact_id
				where t.source_system = 'zendesk' and t.external_id = :id
				""").param("id", this.ticket).query().singleRow();
		assertThat(((Number) row.get("customer_id")).longValue()).isEqualTo(customerId);
		assertThat(row).containsEntry("priority", "HIGH")
			.containsEntry("satisfaction_rating", "bad")
			.containsEntry("email", "sam.lee@" + domain);
	}

	private double refused(String reason) {
		var counter = this.meters.find("aftercare.webhooks.refused")
			.tags("source", "zendesk", "reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
