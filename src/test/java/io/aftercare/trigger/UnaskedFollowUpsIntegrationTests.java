package io.aftercare.trigger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.aftercare.AftercareIntegrationTest;
import io.aftercare.EventListeners;
import io.aftercare.customer.CustomerId;
import io.aftercare.customer.CustomerSignals;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.TicketId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.FileSystemUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resolutions that call for a follow-up get one without anybody asking: drafted for the
 * CSM who owns the customer after the delay, one per customer covering the tickets
 * resolved meanwhile, held while a ticket is reopened, never for history, and announced
 * to the CSM. All through the ingestion API, as a desk's connector feeds it.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-unasked;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.triggers.delay=PT2S", "db-scheduler.polling-interval=1s", "aftercare.triggers.sweep-every=PT1S",
		"aftercare.triggers.notice.email=true", "aftercare.mail.outbox=target/unasked-outbox" })
class UnaskedFollowUpsIntegrationTests {

	private static final Path OUTBOX = Path.of("target/unasked-outbox");

	private static final WireMockServer SLACK = start();

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TriggerCandidates candidates;

	@Autowired
	FollowUpManagement followUps;

	@Autowired
	SupportDesk desk;

	@Autowired
	TriggerSettings settings;

	@Autowired
	Clock clock;

	@Autowired
	CustomerSignals signals;

	private static WireMockServer start() {
		FileSystemUtils.deleteRecursively(OUTBOX.toFile());
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		server.stubFor(post(urlEqualTo("/services/T000/B000/XXXX")).willReturn(aResponse().withStatus(200)));
		return server;
	}

	@DynamicPropertySource
	static void slack(DynamicPropertyRegistry properties) {
		properties.add("aftercare.triggers.notice.webhook-url", () -> SLACK.baseUrl() + "/services/T000/B000/XXXX");
	}

	@AfterAll
	static void stop() {
		SLACK.stop();
	}

	@Test
	void anUrgentResolutionGetsADraftForTheOwningCsmAndTheyHearOfIt() throws Exception {
		Customer acme = customer("sam", false);
		long ticket = ticket(acme, "1", "URGENT", "SOLVED", Duration.ofDays(4), null, false);

		Map<?, ?> draft = awaitDraft(acme);
		assertThat(draft.get("createdBy")).isEqualTo("aftercare");
		assertThat(draft.get("ticketId")).isEqualTo((int) ticket);
		assertThat((String) draft.get("why"))
			.isEqualTo("Drafted by Aftercare because: urgent ticket " + acme.number("1") + " resolved after 4 days");
		assertThat(drafts("alex")).as("another CSM's drafts").noneMatch((d) -> acme.owns(d));
		long id = ((Number) draft.get("id")).longValue();
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(history(id)).anySatisfy((entry) -> {
			assertThat(entry.get("action")).isEqualTo("drafted");
			assertThat(entry.get("actor")).isEqualTo("aftercare");
			assertThat((String) entry.get("detail")).contains("urgent ticket " + acme.number("1"));
		}));
		await().atMost(PATIENCE)
			.untilAsserted(() -> SLACK.verify(postRequestedFor(urlEqualTo("/services/T000/B000/XXXX"))
				.withHeader("Content-Type", containing("application/json"))
				.withRequestBody(containing("Aftercare drafted a follow-up for " + acme.name()))));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(noticeTo(id)).contains("To: Sam Rivera")
				.contains("Nothing is sent until you approve it"));
		assertThat(draftStatus(id)).isEqualTo("DRAFT");
	}

	@Test
	void ticketsResolvedWithinTheDelayGetOneDraftThatNamesThemAll() {
		Customer globex = customer("sam", false);
		ticket(globex, "1", "HIGH", "SOLVED", Duration.ofDays(2), null, false);
		ticket(globex, "2", "URGENT", "SOLVED", Duration.ofDays(1), null, false);

		awaitDraft(globex);
		await().atMost(PATIENCE).pollDelay(Duration.ofSeconds(3)).until(() -> settled(globex));
		// Read once settled: on a busy machine the first ticket may get its draft before
		// the second is noted, and that draft is then replaced by one that covers both.
		List<Map<?, ?>> drafts = drafts("sam").stream().filter((d) -> globex.owns(d)).toList();
		assertThat(drafts).as(() -> "the customer's follow-ups: " + stored(globex)).hasSize(1);
		Map<?, ?> draft = drafts.get(0);
		assertThat((List<?>) draft.get("alsoCovers")).hasSize(1);
		String body = text(((Number) draft.get("id")).longValue());
		assertThat(body).contains("#" + globex.number("1"))
			.contains("#" + globex.number("2"))
			.contains("been resolved too");
	}

	/**
	 * A listener notes a ticket while the customer's run is drafting: the run cannot be
	 * scheduled again while it stands, so the ticket must outlive it and get a run of its
	 * own. (Tickets fed as history, so that only this test's runs draft.)
	 */
	@Test
	void aTicketNotedWhileTheCustomersDraftIsWrittenGetsTheNextRun() {
		Customer hooli = customer("sam", false);
		TicketId first = new TicketId(ticket(hooli, "1", "URGENT", "SOLVED", Duration.ofDays(1), null, true));
		TicketId second = new TicketId(ticket(hooli, "2", "URGENT", "SOLVED", Duration.ofDays(2), null, true));
		CustomerId customer = new CustomerId(hooli.id());
		Instant now = this.clock.instant();
		this.candidates.note(new TriggerCandidates.Candidate(customer, first, "first", true, now));
		TriggerCandidates noteWhileRunning = new TriggerCandidates(this.jdbc) {
			@Override
			List<Candidate> of(CustomerId of) {
				List<Candidate> read = super.of(of);
				if (read.size() == 1 && read.get(0).ticketId().equals(first)) {
					UnaskedFollowUpsIntegrationTests.this.candidates
						.note(new Candidate(customer, second, "second", true, now));
				}
				return read;
			}
		};
		UnaskedFollowUps run = new UnaskedFollowUps(noteWhileRunning, this.followUps, this.desk, this.settings,
				this.clock);

		assertThat(run.draftFor(customer)).as("the next run")
			.hasValueSatisfying((next) -> assertThat(next).isBetween(now, now.plus(this.settings.delay())));
		assertThat(this.candidates.of(customer)).extracting(TriggerCandidates.Candidate::ticketId)
			.containsExactly(second);
		assertThat(run.draftFor(customer)).as("nothing noted meanwhile").isEmpty();
		assertThat(this.candidates.of(customer)).isEmpty();
		List<Map<?, ?>> drafts = drafts("sam").stream().filter((d) -> hooli.owns(d)).toList();
		assertThat(drafts).hasSize(1);
		assertThat((List<?>) drafts.get(0).get("alsoCovers")).as("the second run's draft covers both").hasSize(1);
	}

	/**
	 * A ticket noted in the instant its customer's run was finishing finds that run still
	 * standing and is seen by it no more: the sweep drafts for it once its delay is over.
	 */
	@Test
	void aTicketLeftWaitingWithNoRunIsDraftedByTheSweep() {
		Customer initrode = customer("sam", false);
		TicketId stranded = new TicketId(ticket(initrode, "1", "URGENT", "SOLVED", Duration.ofDays(1), null, true));
		this.candidates.note(new TriggerCandidates.Candidate(new CustomerId(initrode.id()), stranded,
				"urgent ticket resolved", true, this.clock.instant().minus(Duration.ofMinutes(1))));

		Map<?, ?> draft = awaitDraft(initrode);
		assertThat(draft.get("ticketId")).isEqualTo((int) stranded.value());
		assertThat((String) draft.get("why")).contains("urgent ticket resolved");
	}

	@Test
	void aReopenedTicketPutsItsDraftOnHoldAndResolvedAgainItIsDraftedAnew() {
		Customer initech = customer("sam", false);
		ticket(initech, "1", "URGENT", "SOLVED", Duration.ofDays(1), null, false);
		long first = ((Number) awaitDraft(initech).get("id")).longValue();

		ticket(initech, "1", "URGENT", "OPEN", Duration.ofDays(1), null, false);
		await().atMost(PATIENCE).until(() -> draftStatus(first).equals("ON_HOLD"));
		assertThat(followUp(first).get("status")).isEqualTo("ON_HOLD");

		ticket(initech, "1", "URGENT", "SOLVED", Duration.ofDays(1), null, false);
		await().atMost(PATIENCE).until(() -> draftStatus(first).equals("DISCARDED"));
		assertThat(awaitDraft(initech).get("id")).as("drafted anew").isNotEqualTo((int) first);
	}

	@Test
	void historyAndStaleResolutionsDraftNothing() {
		Customer backfilled = customer("sam", true);
		ticket(backfilled, "1", "URGENT", "SOLVED", Duration.ofDays(1), null, true);
		Customer stale = customer("sam", true);
		ticket(stale, "1", "URGENT", "SOLVED", Duration.ofDays(1), Instant.now().minus(Duration.ofDays(40)), false);

		await().atMost(PATIENCE).until(() -> settled(backfilled) && settled(stale));
		assertThat(drafts("sam")).noneMatch((d) -> backfilled.owns(d) || stale.owns(d));
	}

	@Test
	void aBadRatingCallsForAFollowUpButASurveyJustSentHoldsOneBack() {
		Customer rated = customer("sam", false);
		ticket(rated, "1", "NORMAL", "SOLVED", Duration.ofDays(1), null, false);
		ingestRated(rated, "1", "bad");
		Map<?, ?> draft = awaitDraft(rated);
		assertThat((String) draft.get("why")).contains("bad satisfaction rating on ticket " + rated.number("1"));

		Customer surveyed = customer("sam", false);
		ingestRated(surveyed, "1", "offered", "URGENT");
		await().atMost(PATIENCE).pollDelay(Duration.ofSeconds(3)).until(() -> settled(surveyed));
		assertThat(drafts("sam")).noneMatch((d) -> surveyed.owns(d));
	}

	@Test
	void aCustomerWhoJustHeardFromTheirCsmGetsNoUnaskedDraft() {
		Customer contacted = customer("sam", false);
		ticket(contacted, "1", "LOW", "SOLVED", Duration.ofHours(2), null, false);
		long sent = askForFollowUp(contacted, "1");
		as("sam").post().uri("/api/followups/" + sent + "/approve").exchange().expectStatus().isOk();
		as("sam").post().uri("/api/followups/" + sent + "/send").exchange().expectStatus().isOk();

		ticket(contacted, "2", "URGENT", "SOLVED", Duration.ofDays(1), null, false);
		await().atMost(PATIENCE).pollDelay(Duration.ofSeconds(3)).until(() -> settled(contacted));
		assertThat(drafts("sam")).noneMatch((d) -> contacted.owns(d));
	}

	@Test
	void aDraftTheCsmAskedForIsAuditedButNotAnnounced() {
		Customer asked = customer("sam", false);
		ticket(asked, "1", "LOW", "SOLVED", Duration.ofHours(2), null, false);
		long id = askForFollowUp(asked, "1");

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(history(id))
				.anySatisfy((entry) -> assertThat(entry.get("action")).isEqualTo("drafted")));
		// Kept for the audit trail's listener only: the notices' condition ruled them
		// out.
		assertThat(this.jdbc.sql("""
				select listener_id from event_publication
				where event_type like '%FollowUpDrafted' and serialized_event like :ticket
				""").param("ticket", "%\"ticketNumber\":\"" + asked.number("1") + "\"%").query(String.class).list())
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("AuditTrail");
		SLACK.verify(0,
				postRequestedFor(urlEqualTo("/services/T000/B000/XXXX")).withRequestBody(containing(asked.name())));
	}

	@Test
	void anyTicketOfACustomerAtRiskCallsForAFollowUp() {
		Customer atRisk = customer("alex", true);
		ticket(atRisk, "1", "LOW", "SOLVED", Duration.ofHours(3), null, false);

		Map<?, ?> draft = awaitDraft(atRisk, "alex");
		assertThat((String) draft.get("why")).contains("resolved for a customer at risk");
	}

	@Test
	void aCustomerWhoseAnswerReadStillBrokenIsAtRiskForTheirNextResolution() {
		Customer customer = customer("alex", false);
		this.signals.raiseRisk(new CustomerId(customer.id()), "reply-still_broken", "MEDIUM",
				"their answer to a follow-up read still broken", Instant.now().minusSeconds(60));
		ticket(customer, "1", "LOW", "SOLVED", Duration.ofHours(3), null, false);

		Map<?, ?> draft = awaitDraft(customer, "alex");
		assertThat((String) draft.get("why")).contains("ticket " + customer.number("1")
				+ " resolved for a customer at risk: their answer to a follow-up read still broken");
	}

	private Map<?, ?> awaitDraft(Customer customer) {
		return awaitDraft(customer, "sam");
	}

	private Map<?, ?> awaitDraft(Customer customer, String owner) {
		return await().atMost(PATIENCE)
			.until(() -> drafts(owner).stream().filter((d) -> customer.owns(d)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
	}

	/**
	 * Every listener had its turn and no draft is due for the customer any more: what was
	 * going to happen, happened.
	 */
	private boolean settled(Customer customer) {
		return EventListeners.stillRunning(this.jdbc) == 0 && this.jdbc.sql("""
				select count(*) from scheduled_tasks where task_name = 'unasked-followup' and task_instance = :customer
				""").param("customer", String.valueOf(customer.id())).query(Long.class).single() == 0
				&& this.candidates.of(new CustomerId(customer.id())).isEmpty();
	}

	/** What the database holds for the customer, to explain a failure. */
	private List<Map<String, Object>> stored(Customer customer) {
		return this.jdbc.sql("""
				select id, ticket_id, status, created_by, created_at, updated_at from support_followups
				where customer_id = :customer order by id
				""").param("customer", customer.id()).query().listOfRows();
	}

	private List<Map<?, ?>> drafts(String csm) {
		List<Map<?, ?>> all = new java.util.ArrayList<>();
		for (String status : List.of("DRAFT", "ON_HOLD")) {
			all.addAll(as(csm).get()
				.uri("/api/followups?status=" + status)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<?, ?>>>() {
				})
				.returnResult()
				.getResponseBody());
		}
		return all;
	}

	private Map<?, ?> followUp(long id) {
		return as("admin").get()
			.uri("/api/followups/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private String draftStatus(long id) {
		return this.jdbc.sql("select status from support_followups where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private String text(long id) {
		return (String) ((Map<?, ?>) followUp(id).get("draft")).get("textBody");
	}

	private List<Map<?, ?>> history(long id) {
		return as("admin").get()
			.uri("/api/followups/" + id + "/history")
			.exchange()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<?, ?>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private String noticeTo(long followUpId) throws Exception {
		if (!Files.isDirectory(OUTBOX)) {
			return "";
		}
		try (Stream<Path> files = Files.list(OUTBOX)) {
			for (Path file : files.toList()) {
				if (file.getFileName().toString().startsWith("_notice.fu." + followUpId + "@")) {
					return Files.readString(file);
				}
			}
		}
		return "";
	}

	/** A customer of the CSM's book with a contact, fed in as a desk would. */
	private Customer customer(String owner, boolean atRisk) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String name = "Unasked " + run;
		ingest("customers", Map.of("source", "desk", "externalId", "c-" + run, "name", name, "tier", "MID_MARKET",
				"owner", owner, "atRisk", atRisk));
		ingest("contacts",
				Map.of("source", "desk", "externalId", "p-" + run, "customer", Map.of("externalId", "c-" + run), "name",
						"Robin Hale", "email", "robin." + run + "@customer.example", "primary", true));
		long id = this.jdbc.sql("select id from customers where name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
		return new Customer(id, name, run);
	}

	private long ticket(Customer customer, String n, String priority, String status, Duration open, Instant resolved,
			boolean backfill) {
		Map<String, Object> ticket = ticketRecord(customer, n, priority, status, open,
				(resolved != null) ? resolved : Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5));
		ingest("tickets" + (backfill ? "?backfill=true" : ""), ticket);
		return this.jdbc.sql("select id from tickets where ticket_number = :number")
			.param("number", customer.number(n))
			.query(Long.class)
			.single();
	}

	/**
	 * Sam asks for a follow-up on the customer's ticket {@code n}: the new draft's id.
	 */
	private long askForFollowUp(Customer customer, String n) {
		return ((Number) as("sam").post()
			.uri("/api/customers/" + customer.id() + "/ticket-followup")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ticketNumber", customer.number(n)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")).longValue();
	}

	private void ingestRated(Customer customer, String n, String rating) {
		ingestRated(customer, n, rating, "NORMAL");
	}

	private void ingestRated(Customer customer, String n, String rating, String priority) {
		Map<String, Object> ticket = ticketRecord(customer, n, priority, "SOLVED", Duration.ofDays(1),
				Instant.now().minusSeconds(5));
		ticket.put("satisfactionRating", rating);
		ingest("tickets", ticket);
	}

	private static Map<String, Object> ticketRecord(Customer customer, String n, String priority, String status,
			Duration open, Instant resolvedAt) {
		Map<String, Object> ticket = new java.util.HashMap<>();
		ticket.put("source", "desk");
		ticket.put("externalId", "t-" + customer.run() + "-" + n);
		ticket.put("number", customer.number(n));
		ticket.put("customer", Map.of("externalId", "c-" + customer.run()));
		ticket.put("subject", "Sync job " + n + " failing");
		ticket.put("priority", priority);
		ticket.put("status", status);
		ticket.put("openedAt", resolvedAt.minus(open).toString());
		ticket.put("requester", Map.of("externalId", "p-" + customer.run()));
		if (status.equals("SOLVED")) {
			ticket.put("resolvedAt", resolvedAt.toString());
			ticket.put("resolutionSummary", "Sync job restarted");
		}
		return ticket;
	}

	private void ingest(String path, Map<String, Object> body) {
		as("admin").post()
			.uri("/api/ingest/" + path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody()
			.jsonPath("$.outcome")
			.value(String.class, (outcome) -> assertThat(outcome).isNotEqualTo("REJECTED"));
	}

	private RestTestClient as(String user) {
		return this.http.mutate().defaultHeaders((h) -> h.setBasicAuth(user, "demo")).build();
	}

	record Customer(long id, String name, String run) {

		String number(String n) {
			return "UA-" + this.run + "-" + n;
		}

		/** Whether a follow-up (as the API lists it) is this customer's. */
		boolean owns(Map<?, ?> followUp) {
			return ((Number) followUp.get("customerId")).longValue() == this.id;
		}

	}

}
