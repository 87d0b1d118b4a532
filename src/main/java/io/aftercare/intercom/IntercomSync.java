package io.aftercare.intercom;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The Intercom backfill, then catch-up, on one db-scheduler task: a search for the
 * conversations updated since a time, read page by page with Intercom's cursor
 * ({@code pages.next.starting_after}), the position stored after every page. When a
 * search has no next page, the next one starts from the newest update it saw (less a
 * minute, so nothing updated meanwhile is missed; re-reading is harmless).
 */
@Component
class IntercomSync {

	static final String NAME = "intercom-conversations";

	private static final Logger log = LoggerFactory.getLogger(IntercomSync.class);

	private final IntercomSettings settings;

	private final SyncCursors cursors;

	private final DeskFeed feed;

	private final KnownTickets known;

	private final JsonMapper json;

	private final Clock clock;

	IntercomSync(IntercomSettings settings, SyncCursors cursors, DeskFeed feed, KnownTickets known, JsonMapper json,
			Clock clock) {
		this.settings = settings;
		this.cursors = cursors;
		this.feed = feed;
		this.known = known;
		this.json = json;
		this.clock = clock;
	}

	@Bean
	static RecurringTask<Void> intercomSyncTask(ObjectProvider<IntercomSync> sync, IntercomSettings settings) {
		return Tasks.recurring("intercom-sync", Schedules.fixedDelay(settings.pollEvery()))
			.execute((instance, context) -> sync.getObject().runScheduled());
	}

	void runScheduled() {
		if (this.settings.syncEnabled() && this.settings.apiConfigured()) {
			run();
		}
	}

	/** Where a search stands: updated after {@code since}, from {@code after} on. */
	record Cursor(long since, String after, long newest) {
	}

	record Run(int pages, FeedReport stored, boolean caughtUp, String stoppedBy) {
	}

	Run run() {
		IntercomApi api = new IntercomApi(this.settings, this.json);
		Instant budgetEnds = this.clock.instant().plus(this.settings.runBudget());
		Position position = this.cursors.find(NAME)
			.orElseGet(() -> this.cursors.start(NAME, this.clock.instant().minus(this.settings.backfillSince())));
		Cursor cursor = (position.cursor() != null) ? this.json.readValue(position.cursor(), Cursor.class)
				: new Cursor(position.rangeFrom().getEpochSecond(), null, position.rangeFrom().getEpochSecond());
		int pages = 0;
		FeedReport stored = new FeedReport(0, 0, 0, 0, 0, 0, List.of());
		try {
			while (true) {
				JsonNode page = api.search(Instant.ofEpochSecond(cursor.since()), cursor.after());
				long newest = cursor.newest();
				List<ToldTicket> told = new ArrayList<>();
				for (JsonNode conversation : page.path("conversations")) {
					Instant updated = IntercomConversations.seconds(conversation.path("updated_at"));
					if (updated != null) {
						newest = Math.max(newest, updated.getEpochSecond());
					}
					ToldTicket ticket = read(api, conversation);
					if (ticket != null) {
						told.add(ticket);
					}
				}
				List<DeskTicket> tickets = this.known.complete(told);
				FeedReport report = this.feed.deliver(tickets, position.phase() == Phase.BACKFILL);
				stored = new FeedReport(stored.received() + report.received(), stored.created() + report.created(),
						stored.updated() + report.updated(), stored.unchanged() + report.unchanged(),
						stored.held() + report.held(), stored.rejected() + report.rejected(), List.of());
				String next = IntercomConversations.text(page.path("pages").path("next"), "starting_after");
				boolean searchDone = next == null;
				cursor = searchDone ? new Cursor(Math.max(cursor.since(), newest - 60), null, newest)
						: new Cursor(cursor.since(), next, newest);
				this.cursors.pageStored(NAME, this.json.writeValueAsString(cursor), tickets.size(),
						Instant.ofEpochSecond(newest), searchDone);
				position = this.cursors.find(NAME).orElseThrow();
				pages++;
				log.info("Intercom page stored ({} conversations: {} stored, {} held, {} rejected)", tickets.size(),
						report.stored(), report.held(), report.rejected());
				if (searchDone) {
					return new Run(pages, stored, true, null);
				}
				if (this.clock.instant().isAfter(budgetEnds)) {
					return new Run(pages, stored, false, "run budget spent");
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Intercom sync stopped after {} pages, to resume from the stored cursor: {}", pages,
					ex.getMessage());
			this.cursors.failed(NAME, ex.getMessage());
			return new Run(pages, stored, false, ex.getMessage());
		}
	}

	/**
	 * A conversation of the search; a closed one is read whole, with its parts, as the
	 * rate limit allows, and its contact asked for their email and company.
	 */
	private ToldTicket read(IntercomApi api, JsonNode conversation) {
		String id = IntercomConversations.text(conversation, "id");
		try {
			JsonNode whole = ("closed".equals(IntercomConversations.text(conversation, "state"))
					&& this.settings.parts()) ? api.conversation(id) : conversation;
			String contact = IntercomConversations.text(whole.path("contacts").path("contacts").path(0), "id");
			IntercomApi.Contact known = (contact != null) ? api.contact(contact) : null;
			DeskTicket ticket = IntercomConversations.conversation(whole, (known != null) ? known.email() : null,
					(known != null) ? known.companyId() : null, null);
			return new ToldTicket(ticket, this.clock.instant());
		}
		catch (IllegalArgumentException ex) {
			log.warn("Intercom conversation {} skipped: {}", id, ex.getMessage());
			return null;
		}
	}

}
