package io.aftercare.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.aftercare.bench.BenchData.Book;
import io.aftercare.bench.BenchData.BookCustomer;
import io.aftercare.bench.Phase.RequestSource;

/**
 * The requests of the load run, each signed in with an API token of the CSM whose book it
 * reads: a random bench CSM per request, so the 300 books are all in play. One phase
 * signs in with HTTP Basic, to show what the slow path costs.
 */
final class Workload {

	private static final String RECENT = "/api/customers/%d/recent-tickets?status=SOLVED,CLOSED&days=90&limit=20";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final URI base;

	private final BenchData data;

	private final BenchSettings settings;

	private final Map<String, String> tokens;

	private final URI reference;

	private Map<String, ChatSignIns.Session> chatSessions = Map.of();

	/** CSMs signed in on the form, for the chat phase. */
	void chatSessions(Map<String, ChatSignIns.Session> sessions) {
		this.chatSessions = sessions;
	}

	/**
	 * @param tokens an API token per user (the way scripts and connectors sign in)
	 * @param reference the bare reference app
	 */
	Workload(URI base, BenchData data, BenchSettings settings, Map<String, String> tokens, URI reference) {
		this.base = base;
		this.data = data;
		this.settings = settings;
		this.tokens = tokens;
		this.reference = reference;
	}

	/**
	 * The bare reference: one indexed JDBC read per request, in a minimal Spring Boot
	 * app.
	 */
	Phase referencePhase() {
		return new Phase("reference", "bare Spring Boot, one indexed JDBC read", this.settings.threads(), 10_000,
				this.settings.phaseLimit(), Phase.OK,
				(random) -> HttpRequest
					.newBuilder(this.reference
						.resolve(ReferenceApp.PATH + this.data.anyCsmBook(random).anyCustomer(random).id()))
					.timeout(TIMEOUT)
					.GET()
					.build());
	}

	Phase warmUp() {
		RequestSource all = RequestSource
			.mixed(List.of(recentTickets(), csmSearch(), adminSearch(), followUp(), reminders(), health()));
		return new Phase("warm-up", "all of the below, mixed", this.settings.threads(), 3_000,
				this.settings.phaseLimit(), Set.of(200, 201), all);
	}

	List<Phase> measured() {
		int threads = this.settings.threads();
		Duration limit = this.settings.phaseLimit();
		return List.of(referencePhase(),
				new Phase("baseline", "`GET /actuator/health` (no auth)", threads, 10_000, limit, Phase.OK, health()),
				new Phase("recent, 1 client", "`GET /api/customers/{id}/recent-tickets`", 1, 2_000, limit, Phase.OK,
						recentTickets()),
				new Phase("recent", "`GET /api/customers/{id}/recent-tickets`", threads, 10_000, limit, Phase.OK,
						recentTickets()),
				new Phase("search, CSM", "`GET /api/customers?query=…` (own book)", threads, 10_000, limit, Phase.OK,
						csmSearch()),
				adminSearchPhase("search, admin"),
				// One client first: the request's own time, without waiting for the
				// cores.
				new Phase("follow-up, 1 client", "`POST /api/customers/{id}/ticket-followup`", 1, 300, limit,
						Set.of(200, 201), followUp()),
				new Phase("follow-up", "`POST /api/customers/{id}/ticket-followup`", threads, 3_000, limit,
						Set.of(200, 201), followUp()),
				new Phase("follow-up floor", "bare Spring Boot, the least a follow-up must do (9 statements)", threads,
						3_000, limit, Phase.OK, followUpFloor()),
				new Phase("reminders", "`GET /api/reminders`", threads, 10_000, limit, Phase.OK, reminders()),
				new Phase("chat turn", "`POST /chat/messages` \"Show recent tickets for …\" (htmx, session)", threads,
						3_000, limit, Phase.OK, chatTurn()),
				new Phase("recent, as sam", "recent-tickets, HTTP Basic, bcrypt cost 10", threads, 500, limit, Phase.OK,
						recentTicketsAsSam()));
	}

	/**
	 * The admin's search over all customers: as many requests as the CSM's (it had a
	 * tenth while it read the whole table, and a phase of a second and a half measured
	 * its ramp more than its rate).
	 */
	Phase adminSearchPhase(String name) {
		return new Phase(name, "`GET /api/customers?query=…` (all customers)", this.settings.threads(), 10_000,
				this.settings.phaseLimit(), Phase.OK, adminSearch());
	}

	/** One request of each kind, to show in the log that they answer what we think. */
	List<HttpRequest> probes() {
		SplittableRandom random = new SplittableRandom(1);
		return List.of(recentTickets().next(random), csmSearch().next(random), adminSearch().next(random),
				followUp().next(random), reminders().next(random), recentTicketsAsSam().next(random));
	}

	private RequestSource health() {
		return (random) -> HttpRequest.newBuilder(this.base.resolve("/actuator/health")).timeout(TIMEOUT).GET().build();
	}

	private RequestSource recentTickets() {
		return (random) -> {
			Book book = this.data.anyCsmBook(random);
			return get(RECENT.formatted(book.anyCustomer(random).id()), book.owner());
		};
	}

	private RequestSource recentTicketsAsSam() {
		Book sam = this.data.samBook();
		return (random) -> getWithPassword(RECENT.formatted(sam.anyCustomer(random).id()), "sam");
	}

	private RequestSource csmSearch() {
		return (random) -> {
			Book book = this.data.anyCsmBook(random);
			return get("/api/customers?query=" + encode(book.anyCustomer(random).namePart(random)), book.owner());
		};
	}

	/** The admin looks for a customer of any book by part of its name. */
	private RequestSource adminSearch() {
		return (random) -> {
			BookCustomer customer = this.data.anyCsmBook(random).anyCustomer(random);
			return get("/api/customers?query=" + encode(customer.namePart(random)), Seeder.ADMIN);
		};
	}

	/** Asks for the follow-up of the customer's latest significant resolved ticket. */
	private RequestSource followUp() {
		return (random) -> {
			Book book = this.data.anyCsmBook(random);
			URI uri = this.base.resolve("/api/customers/%d/ticket-followup".formatted(book.anyResolvedLately(random)));
			return HttpRequest.newBuilder(uri)
				.timeout(TIMEOUT)
				.header("Authorization", bearer(book.owner()))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build();
		};
	}

	/** The same customers as {@link #followUp()}, into the reference's floor. */
	private RequestSource followUpFloor() {
		return (random) -> HttpRequest
			.newBuilder(this.reference
				.resolve(ReferenceApp.FOLLOW_UP_FLOOR + this.data.anyCsmBook(random).anyResolvedLately(random)))
			.timeout(TIMEOUT)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
	}

	/**
	 * A chat turn as htmx sends it: the CSM asks for a customer's recent tickets. Each
	 * client thread is one signed-in CSM, who waits for an answer before typing again, as
	 * in a browser (a random session per request sent one CSM's messages several at
	 * once).
	 */
	private RequestSource chatTurn() {
		List<String> signedIn = List.copyOf(this.chatSessions.keySet());
		AtomicInteger clients = new AtomicInteger();
		ThreadLocal<String> csmOfThisClient = ThreadLocal
			.withInitial(() -> signedIn.get(clients.getAndIncrement() % signedIn.size()));
		return (random) -> {
			String username = csmOfThisClient.get();
			ChatSignIns.Session session = this.chatSessions.get(username);
			Book book = this.data.csmBooks()
				.stream()
				.filter((b) -> b.owner().equals(username))
				.findFirst()
				.orElseThrow();
			String text = "Show recent tickets for " + book.anyCustomer(random).name();
			return HttpRequest.newBuilder(this.base.resolve("/chat/messages"))
				.timeout(TIMEOUT)
				.header("Cookie", session.cookie())
				.header("X-CSRF-TOKEN", session.csrf())
				.header("HX-Request", "true")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("text=" + encode(text)))
				.build();
		};
	}

	private RequestSource reminders() {
		return (random) -> get("/api/reminders", this.data.anyCsmBook(random).owner());
	}

	private HttpRequest get(String pathAndQuery, String username) {
		return HttpRequest.newBuilder(this.base.resolve(pathAndQuery))
			.timeout(TIMEOUT)
			.header("Authorization", bearer(username))
			.GET()
			.build();
	}

	/** HTTP Basic: only for the phase that shows the slow path. */
	private HttpRequest getWithPassword(String pathAndQuery, String username) {
		return HttpRequest.newBuilder(this.base.resolve(pathAndQuery))
			.timeout(TIMEOUT)
			.header("Authorization", basic(username))
			.GET()
			.build();
	}

	private String bearer(String username) {
		return "Bearer " + this.tokens.get(username);
	}

	private static String basic(String username) {
		String credentials = username + ":" + Seeder.PASSWORD;
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
