package io.aftercare.zendesk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.aftercare.connector.DeskFeed;
import io.aftercare.connector.DeskTicket;
import io.aftercare.connector.FeedReport;
import io.aftercare.connector.KnownTickets;
import io.aftercare.connector.ToldTicket;
import io.aftercare.connector.SyncCursors;
import io.aftercare.connector.SyncCursors.Phase;
import io.aftercare.connector.SyncCursors.Position;
import io.aftercare.ingestion.IncomingComment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The Zendesk backfill, and after it the catch-up: one db-scheduler task, so that one
 * instance at a time runs it, which reads the cursor-based Incremental Ticket Export page
 * by page from the stored cursor, stores each page's tickets (with their comments, as the
 * rate limits allow) and records the cursor after every page, so a restart resumes where
 * it stopped. Until the export first reaches the present the tickets are history (a
 * backfill); from then on, every {@code poll-every}, what changed is news.
 */
@Component
class ZendeskSync {

	static final String NAME = "zendesk-tickets";

	private static final Logger log = LoggerFactory.getLogger(ZendeskSync.class);

	private final ZendeskSettings settings;

	private final SyncCursors cursors;

	private final DeskFeed feed;

	private final KnownTickets known;

	private final JsonMapper json;

	private final Clock clock;

	ZendeskSync(ZendeskSettings settings, SyncCursors cursors, DeskFeed feed, KnownTickets known, JsonMapper json,
			Clock clock) {
		this.settings = settings;
		this.cursors = cursors;
		this.feed = feed;
		this.known = known;
		this.json = json;
		this.clock = clock;
	}

	@Bean
	static RecurringTask<Void> zendeskSyncTask(ObjectProvider<ZendeskSync> sync, ZendeskSettings settings) {
		return Tasks.recurring("zendesk-sync", Schedules.fixedDelay(settings.pollEvery()))
			.execute((instance, context) -> sync.getObject().runScheduled());
	}

	void runScheduled() {
		if (this.settings.syncEnabled() && this.settings.apiConfigured()) {
			run();
		}
	}

	/** What one run did. */
	record Run(int pages, FeedReport stored, boolean caughtUp, String stoppedBy) {
	}

	/**
	 * Reads pages from the stored cursor until the export reaches the present or the
	 * run's budget is spent. A failure stops the run after the last stored page; the next
	 * run starts there.
	 */
	Run run() {
		ZendeskApi api = new ZendeskApi(this.settings, this.json);
		Instant budgetEnds = this.clock.instant().plus(this.settings.runBudget());
		Position position = this.cursors.find(NAME)
			.orElseGet(() -> this.cursors.start(NAME, this.clock.instant().minus(this.settings.backfillSince())));
		int pages = 0;
		FeedReport stored = new FeedReport(0, 0, 0, 0, 0, 0, List.of());
		try {
			while (true) {
				JsonNode page = api.exportPage(position.cursor(), position.rangeFrom());
				boolean endOfStream = page.path("end_of_stream").asBoolean(false);
				String next = ZendeskTickets.text(page, "after_cursor");
				List<DeskTicket> tickets = tickets(api, page);
				FeedReport report = this.feed.deliver(tickets, position.phase() == Phase.BACKFILL);
				stored = add(stored, report);
				// A page without an after cursor leaves the sync where it was.
				this.cursors.pageStored(NAME, (next != null) ? next : position.cursor(), tickets.size(), reached(page),
						endOfStream);
				pages++;
				position = this.cursors.find(NAME).orElseThrow();
				log.info("Zendesk page stored ({} tickets: {} stored, {} held, {} rejected). {}", tickets.size(),
						report.stored(), report.held(), report.rejected(),
						this.cursors.progress()
							.stream()
							.filter((p) -> p.name().equals(NAME))
							.findFirst()
							.orElseThrow()
							.line());
				if (endOfStream || next == null) {
					return new Run(pages, stored, true, null);
				}
				if (this.clock.instant().isAfter(budgetEnds)) {
					return new Run(pages, stored, false, "run budget spent");
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Zendesk sync stopped after {} pages, to resume from the stored cursor: {}", pages,
					ex.getMessage());
			this.cursors.failed(NAME, ex.getMessage());
			return new Run(pages, stored, false, ex.getMessage());
		}
	}

	private List<DeskTicket> tickets(ZendeskApi api, JsonNode page) {
		Map<String, JsonNode> users = ZendeskApi.byId(page.path("users"));
		Map<String, JsonNode> organizations = ZendeskApi.byId(page.path("organizations"));
		Map<String, JsonNode> metrics = ZendeskApi.byTicket(page.path("metric_sets"));
		List<ToldTicket> tickets = new ArrayList<>();
		for (JsonNode ticket : page.path("tickets")) {
			String id = ZendeskTickets.text(ticket, "id");
			try {
				String status = ZendeskTickets.status(ZendeskTickets.text(ticket, "status"));
				// Comments matter for resolved tickets (their tone shapes the follow-up);
				// fetching them for every ticket would spend the rate limit on open ones.
				List<IncomingComment> comments = (this.settings.comments()
						&& (status.equals("SOLVED") || status.equals("CLOSED")))
								? api.comments(id, ZendeskTickets.text(ticket, "requester_id")) : List.of();
				JsonNode metricSet = metrics.get(id);
				DeskTicket desk = ZendeskTickets.fromApi(ticket,
						(metricSet != null) ? metricSet : this.json.createObjectNode(), users, organizations, comments);
				tickets.add(new ToldTicket(desk, this.clock.instant()));
			}
			catch (IllegalArgumentException ex) {
				log.warn("Zendesk ticket {} skipped: {}", id, ex.getMessage());
			}
		}
		return this.known.complete(tickets);
	}

	/** How far in time the page reached: its newest ticket's update. */
	private static Instant reached(JsonNode page) {
		Instant reached = null;
		for (JsonNode ticket : page.path("tickets")) {
			String updated = ZendeskTickets.text(ticket, "updated_at");
			if (updated != null) {
				Instant at = ZendeskTickets.time(updated);
				reached = (reached == null || at.isAfter(reached)) ? at : reached;
			}
		}
		return reached;
	}

	private static FeedReport add(FeedReport a, FeedReport b) {
		return new FeedReport(a.received() + b.received(), a.created() + b.created(), a.updated() + b.updated(),
				a.unchanged() + b.unchanged(), a.held() + b.held(), a.rejected() + b.rejected(), List.of());
	}

}
