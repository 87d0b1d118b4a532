package io.aftercare.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import io.aftercare.bench.BenchData.Book;
import io.aftercare.bench.BenchData.BookCustomer;
import io.aftercare.bench.Phase.RequestSource;

/**
 * The requests of the load run, each signed in with HTTP Basic as the CSM whose book it
 * reads: a random bench CSM per request, so the 300 books are all in play.
 */
final class Workload {

	private static final String RECENT = "/api/customers/%d/recent-tickets?status=SOLVED,CLOSED&days=90&limit=20";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final URI base;

	private final BenchData data;

	private final BenchSettings settings;

	Workload(URI base, BenchData data, BenchSettings settings) {
		this.base = base;
		this.data = data;
		this.settings = settings;
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
		return List.of(
				new Phase("baseline", "`GET /actuator/health` (no auth)", threads, 10_000, limit, Phase.OK, health()),
				new Phase("recent, 1 client", "`GET /api/customers/{id}/recent-tickets`", 1, 2_000, limit, Phase.OK,
						recentTickets()),
				new Phase("recent", "`GET /api/customers/{id}/recent-tickets`", threads, 10_000, limit, Phase.OK,
						recentTickets()),
				new Phase("search, CSM", "`GET /api/customers?query=…` (own book)", threads, 10_000, limit, Phase.OK,
						csmSearch()),
				adminSearchPhase("search, admin"),
				new Phase("follow-up", "`POST /api/customers/{id}/ticket-followup`", threads, 3_000, limit,
						Set.of(200, 201), followUp()),
				new Phase("reminders", "`GET /api/reminders`", threads, 10_000, limit, Phase.OK, reminders()),
				new Phase("recent, as sam", "recent-tickets, bcrypt cost 10", threads, 500, limit, Phase.OK,
						recentTicketsAsSam()));
	}

	/** The admin's search over all customers, which reads the whole table. */
	Phase adminSearchPhase(String name) {
		return new Phase(name, "`GET /api/customers?query=…` (all customers)", this.settings.threads(), 1_000,
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
		return (random) -> get(RECENT.formatted(sam.anyCustomer(random).id()), "sam");
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
				.header("Authorization", basic(book.owner()))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build();
		};
	}

	private RequestSource reminders() {
		return (random) -> get("/api/reminders", this.data.anyCsmBook(random).owner());
	}

	private HttpRequest get(String pathAndQuery, String username) {
		return HttpRequest.newBuilder(this.base.resolve(pathAndQuery))
			.timeout(TIMEOUT)
			.header("Authorization", basic(username))
			.GET()
			.build();
	}

	private static String basic(String username) {
		String credentials = username + ":" + Seeder.PASSWORD;
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
