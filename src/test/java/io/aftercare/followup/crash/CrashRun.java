package io.aftercare.followup.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One crash run against one database and one mailroom (the outbox folder, or a mail
 * server): the scripted kills at each step of a send, then rounds of kills at random
 * moments, each followed by a restart and a check of everything acknowledged so far
 * against the database and the emails that went out.
 */
final class CrashRun {

	private static final String PASSWORD = "demo";

	private static final int TICKETS = 24;

	private static final int PARALLEL_CSMS = 4;

	// About how long four CSMs take to edit, approve and send on two cores.
	private static final int KILL_WITHIN_MILLIS = 1500;

	private static final Pattern OUTBOX_FILE = Pattern.compile("_fu\\.(\\d+)\\..*\\.eml");

	private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID: (<[^>]+>)");

	private final String database;

	private final List<String> arguments;

	private final Mailroom mailroom;

	private final int randomRounds;

	private final Path log;

	private final long seed = Long.getLong("aftercare.crash.seed", System.nanoTime());

	private final Random random = new Random(this.seed);

	/** What the app acknowledged, per follow-up: what must survive any crash after it. */
	private final Map<Long, Acknowledged> acknowledged = new ConcurrentHashMap<>();

	private final Deque<Long> fresh = new ArrayDeque<>();

	private int lives;

	CrashRun(String database, List<String> arguments, Path outbox) throws IOException {
		this(database, arguments, outboxFolder(outbox), 2);
	}

	CrashRun(String database, List<String> arguments, Mailroom mailroom, int randomRounds) throws IOException {
		this.database = database;
		this.arguments = new ArrayList<>(arguments);
		// Short, so that a dead instance's sends are taken over within seconds of a
		// restart, and deferred ones retried as quickly.
		this.arguments
			.addAll(List.of("--db-scheduler.heartbeat-interval=1s", "--db-scheduler.missed-heartbeats-limit=4",
					"--db-scheduler.polling-interval=1s", "--aftercare.followup.retry-first=PT1S"));
		this.mailroom = mailroom;
		this.randomRounds = randomRounds;
		this.log = SendCrashTests.logFile(database);
	}

	/**
	 * Where the emails that went out can be counted: their Message-IDs, by follow-up.
	 */
	interface Mailroom {

		Map<Long, List<String>> emailsByFollowUp() throws IOException;

	}

	void run() throws Exception {
		System.out.println(
				"Crash run on " + this.database + " with -Daftercare.crash.seed=" + this.seed + ", log " + this.log);
		try (ChildApp app = start("")) {
			prepare(app);
			// Killed after the approval and an edit were acknowledged, before any claim.
			long approved = this.fresh.pop();
			edit(app, approved);
			approve(app, approved);
			app.kill();
		}
		scriptedKill("before-delivery");
		scriptedKill("after-delivery");
		try (ChildApp app = start("")) {
			verify(app);
			// Killed right after the send was acknowledged.
			long sent = this.fresh.pop();
			approve(app, sent);
			send(app, sent);
			app.kill();
		}
		for (int round = 0; round < this.randomRounds; round++) {
			try (ChildApp app = start("")) {
				verify(app);
				killAtRandom(app);
			}
		}
		try (ChildApp app = start("")) {
			verify(app);
			sendEverythingApprovedAgain(app);
			verify(app);
			List<String> shutdown = app.stop();
			assertThat(shutdown).as("a clean shutdown closes the database last, after everything that uses it")
				.anyMatch((line) -> line.contains("Shutdown completed"))
				.noneMatch((line) -> line.contains(" WARN ") || line.contains(" ERROR "));
		}
	}

	private ChildApp start(String pauseAt) throws IOException, InterruptedException {
		this.lives++;
		note("life %d, pause at '%s'".formatted(this.lives, pauseAt));
		return ChildApp.start(this.arguments, pauseAt, this.log);
	}

	/** A line of the run's own in the log, between the app's. */
	private void note(String text) throws IOException {
		Files.writeString(this.log, "==== " + text + System.lineSeparator(), StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
	}

	/**
	 * Verifies the last crash, then sends one approved follow-up that stops at the given
	 * step, and kills the app there.
	 */
	private void scriptedKill(String step) throws Exception {
		long id = this.fresh.pop();
		try (ChildApp app = start(step + ":<fu." + id + ".")) {
			verify(app);
			approve(app, id);
			ExecutorService sender = Executors.newSingleThreadExecutor();
			try {
				sender.submit(() -> api(app).post("/api/followups/" + id + "/send"));
				app.awaitLine(Pattern.compile(CrashableAftercare.MARKER + " " + step + " "), Duration.ofSeconds(30));
				app.kill();
			}
			finally {
				sender.shutdownNow();
			}
		}
	}

	/**
	 * Several CSMs edit, approve and send at once, and the app dies at a random moment
	 * among their requests.
	 */
	private void killAtRandom(ChildApp app) throws Exception {
		ExecutorService csms = Executors.newFixedThreadPool(PARALLEL_CSMS);
		try {
			for (int i = 0; i < PARALLEL_CSMS && !this.fresh.isEmpty(); i++) {
				long id = this.fresh.pop();
				csms.submit(() -> {
					edit(app, id);
					approve(app, id);
					send(app, id);
					return null;
				});
			}
			int delay = this.random.nextInt(KILL_WITHIN_MILLIS);
			Thread.sleep(delay);
			app.kill();
			note("killed %d ms into the round".formatted(delay));
		}
		finally {
			csms.shutdownNow();
			csms.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * A customer of Sam's with a contact and resolved tickets, a draft on each ticket.
	 */
	private void prepare(ChildApp app) throws IOException, InterruptedException {
		Api admin = new Api(app.port(), "admin", PASSWORD);
		admin
			.post("/api/ingest/customers", Map.of("source", "crash", "externalId", "crashco", "name", "Crashco", "tier",
					"ENTERPRISE", "owner", "sam"))
			.ok();
		admin.post("/api/ingest/contacts",
				Map.of("source", "crash", "externalId", "dana", "customer", Map.of("externalId", "crashco"), "name",
						"Dana Reyes", "email", "dana@crashco.example", "primary", true))
			.ok();
		StringBuilder tickets = new StringBuilder();
		Instant now = Instant.now();
		for (int i = 0; i < TICKETS; i++) {
			tickets.append("""
					{"source":"crash","externalId":"t%d","number":"CR-%d","customer":{"externalId":"crashco"},\
					"subject":"Nightly sync failed (%d)","priority":"HIGH","status":"SOLVED","openedAt":"%s",\
					"resolvedAt":"%s","requester":{"externalId":"dana"},"resolutionSummary":"Sync job restarted"}
					""".formatted(i, i, i, now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(1))));
		}
		assertThat(admin.postNdjson("/api/ingest/tickets", tickets.toString()).ok().path("created").asInt())
			.isEqualTo(TICKETS);
		Api sam = api(app);
		long customer = sam.get("/api/customers?query=crashco").ok().get(0).path("id").asLong();
		for (int i = 0; i < TICKETS; i++) {
			JsonNode draft = sam
				.post("/api/customers/" + customer + "/ticket-followup", Map.of("ticketNumber", "CR-" + i))
				.ok();
			long id = draft.path("id").asLong();
			this.acknowledged.put(id, new Acknowledged(draft.path("draft").path("subject").asString(), 1));
			this.fresh.add(id);
		}
	}

	private void edit(ChildApp app, long id) throws IOException, InterruptedException {
		String subject = "Checking in on the sync, take " + this.lives;
		this.acknowledged.compute(id, (key, before) -> before.editing(subject));
		JsonNode edited = api(app)
			.patch("/api/followups/" + id,
					Map.of("subject", subject, "body", "Hi Dana,\n\nIs the nightly sync running well now?\n\nSam"))
			.ok();
		this.acknowledged.compute(id,
				(key, before) -> before.edited(subject, edited.path("draft").path("contentVersion").asInt()));
	}

	private void approve(ChildApp app, long id) throws IOException, InterruptedException {
		int version = this.acknowledged.get(id).contentVersion();
		api(app).post("/api/followups/" + id + "/approve", Map.of("contentVersion", version)).ok();
		this.acknowledged.compute(id, (key, before) -> before.withApproval());
	}

	/**
	 * Sends it; an acknowledged send is sent (200) or queued (202, the queue sends it),
	 * and must end sent whatever happens after.
	 */
	private void send(ChildApp app, long id) throws IOException, InterruptedException {
		JsonNode sent = api(app).post("/api/followups/" + id + "/send").ok();
		assertThat(sent.path("status").asString()).isIn("SENT", "QUEUED", "SENDING");
		this.acknowledged.compute(id, (key, before) -> before.withSend());
	}

	/** The app's sends that may still be settling, sent once more by the CSM. */
	private void sendEverythingApprovedAgain(ChildApp app) throws IOException, InterruptedException {
		for (Map.Entry<Long, String> state : states(app).entrySet()) {
			if (state.getValue().equals("APPROVED") || state.getValue().equals("FAILED")) {
				send(app, state.getKey());
			}
		}
	}

	/**
	 * Waits until no send is queued or in progress, then checks every follow-up: what was
	 * acknowledged is there (a request the app died in may have landed or not), and its
	 * state matches the emails that went out. What it finds is what must survive from
	 * then on.
	 */
	private void verify(ChildApp app) throws IOException, InterruptedException {
		Map<Long, JsonNode> followUps = settled(app);
		Map<Long, List<String>> emails = this.mailroom.emailsByFollowUp();
		Map<String, Integer> states = new java.util.TreeMap<>();
		for (Map.Entry<Long, Acknowledged> entry : this.acknowledged.entrySet()) {
			long id = entry.getKey();
			Acknowledged known = entry.getValue();
			JsonNode followUp = followUps.get(id);
			String context = "follow-up " + id + " after life " + this.lives + " (seed " + this.seed + ")";
			String status = followUp.path("status").asString();
			String subject = followUp.path("draft").path("subject").asString();
			int version = followUp.path("draft").path("contentVersion").asInt();
			int approvedVersion = followUp.path("approval").path("approvedVersion").asInt();
			List<String> sent = emails.getOrDefault(id, List.of());

			assertThat(sent).as(context + ": emails that went out").hasSizeLessThanOrEqualTo(1);
			if (status.equals("SENT")) {
				assertThat(sent).as(context + ": a sent follow-up has its email, under its Message-ID")
					.containsExactly(followUp.path("delivery").path("messageId").asString());
			}
			else {
				assertThat(sent).as(context + ": a " + status + " follow-up has no email out").isEmpty();
			}
			assertThat(subject).as(context + ": the acknowledged subject").isIn(known.subject(), known.editInFlight());
			if (known.approved()) {
				assertThat(approvedVersion).as(context + ": the acknowledged approval")
					.isEqualTo(known.contentVersion());
				assertThat(status).as(context + ": approved").isIn("APPROVED", "FAILED", "SENT");
			}
			if (known.sent()) {
				assertThat(status).as(context + ": the acknowledged send").isEqualTo("SENT");
			}
			boolean approved = approvedVersion == version && !status.equals("DRAFT");
			this.acknowledged.put(id, new Acknowledged(subject, version, approved, status.equals("SENT")));
			states.merge(status, 1, Integer::sum);
		}
		note("verified: " + states);
	}

	/** Every follow-up of the run, once no send is in progress any more. */
	private Map<Long, JsonNode> settled(ChildApp app) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(SendCrashTests.SETTLE_TIMEOUT);
		while (true) {
			Map<Long, JsonNode> all = new HashMap<>();
			for (long id : this.acknowledged.keySet()) {
				Api.Answer answer = api(app).get("/api/followups/" + id);
				assertThat(answer.status())
					.as("follow-up %d, acknowledged before life %d (seed %d)", id, this.lives, this.seed)
					.isEqualTo(200);
				all.put(id, answer.body());
			}
			boolean settling = all.values()
				.stream()
				.anyMatch((f) -> List.of("SENDING", "QUEUED").contains(f.path("status").asString()));
			if (!settling) {
				return all;
			}
			assertThat(Instant.now()).as("interrupted sends settled in time").isBefore(deadline);
			Thread.sleep(500);
		}
	}

	private Map<Long, String> states(ChildApp app) throws IOException, InterruptedException {
		Map<Long, String> states = new HashMap<>();
		settled(app).forEach((id, followUp) -> states.put(id, followUp.path("status").asString()));
		return states;
	}

	/** The Message-IDs of the emails in the outbox, by follow-up. */
	static Mailroom outboxFolder(Path outbox) {
		return () -> emailsInOutbox(outbox);
	}

	private static Map<Long, List<String>> emailsInOutbox(Path outbox) throws IOException {
		Map<Long, List<String>> emails = new HashMap<>();
		if (!Files.isDirectory(outbox)) {
			return emails;
		}
		try (Stream<Path> files = Files.list(outbox)) {
			for (Path file : files.toList()) {
				Matcher name = OUTBOX_FILE.matcher(file.getFileName().toString());
				if (name.matches()) {
					Matcher header = MESSAGE_ID.matcher(Files.readString(file, StandardCharsets.UTF_8));
					assertThat(header.find()).as(file + " has a Message-ID").isTrue();
					emails.computeIfAbsent(Long.valueOf(name.group(1)), (id) -> new ArrayList<>()).add(header.group(1));
				}
			}
		}
		return emails;
	}

	private static Api api(ChildApp app) {
		return new Api(app.port(), "sam", PASSWORD);
	}

	/**
	 * What the app acknowledged of one follow-up, and an edit it may have died in. (An
	 * approval or a send it died in may have landed or not: nothing is expected of them.)
	 *
	 * @param subject the subject it must have
	 * @param contentVersion the version of that wording
	 * @param approved whether an approval of that version was acknowledged
	 * @param sent whether a send was acknowledged as done
	 * @param editInFlight the subject of an edit that was sent but not acknowledged
	 */
	private record Acknowledged(String subject, int contentVersion, boolean approved, boolean sent,
			String editInFlight) {

		Acknowledged(String subject, int contentVersion, boolean approved, boolean sent) {
			this(subject, contentVersion, approved, sent, subject);
		}

		Acknowledged(String subject, int contentVersion) {
			this(subject, contentVersion, false, false);
		}

		Acknowledged editing(String newSubject) {
			return new Acknowledged(this.subject, this.contentVersion, this.approved, this.sent, newSubject);
		}

		Acknowledged edited(String newSubject, int newVersion) {
			return new Acknowledged(newSubject, newVersion, false, false);
		}

		Acknowledged withApproval() {
			return new Acknowledged(this.subject, this.contentVersion, true, this.sent);
		}

		Acknowledged withSend() {
			return new Acknowledged(this.subject, this.contentVersion, this.approved, true);
		}

	}

}
