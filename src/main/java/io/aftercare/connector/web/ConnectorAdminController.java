package io.aftercare.connector.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.aftercare.account.Csm;
import io.aftercare.connector.DeskAccounts;
import io.aftercare.connector.DeskFeed;
import io.aftercare.connector.FeedReport;
import io.aftercare.connector.InboxWorker;
import io.aftercare.connector.SyncCursors;
import io.aftercare.connector.UnmatchedAccount;
import io.aftercare.connector.WebhookInbox;
import io.aftercare.customer.CustomerId;
import io.aftercare.shared.NotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an admin sees of the connectors: how each backfill and catch-up is doing, what the
 * webhook inbox holds and refused, and the desk accounts no customer is known for, which
 * the admin maps by hand; and the webhooks the worker gave up on, which the admin puts
 * back in line once the cause is mended.
 */
@RestController
@Tag(name = "Connectors",
		description = "Desk connectors: progress, webhooks, failed webhooks, unmatched accounts (admins only)")
class ConnectorAdminController {

	private final SyncCursors cursors;

	private final WebhookInbox inbox;

	private final DeskAccounts accounts;

	private final DeskFeed feed;

	private final MeterRegistry meters;

	private final InboxWorker worker;

	ConnectorAdminController(SyncCursors cursors, WebhookInbox inbox, DeskAccounts accounts, DeskFeed feed,
			MeterRegistry meters, InboxWorker worker) {
		this.worker = worker;
		this.cursors = cursors;
		this.inbox = inbox;
		this.accounts = accounts;
		this.feed = feed;
		this.meters = meters;
	}

	/** The state of every connector. */
	record ConnectorStatus(List<SyncCursors.Progress> syncs, Map<String, Map<String, Long>> inbox,
			Map<String, Double> webhooksRefused, List<WebhookInbox.FailedWebhook> failedWebhooks,
			int unmatchedAccounts) {
	}

	@GetMapping("/api/admin/connectors")
	@Operation(summary = "Backfill and catch-up progress (pages, records, rate, time left), the webhook inbox, "
			+ "refused webhooks by reason, unmatched accounts")
	ConnectorStatus status() {
		Map<String, Double> refused = new TreeMap<>();
		for (Counter counter : this.meters.find("aftercare.webhooks.refused").counters()) {
			refused.merge(counter.getId().getTag("source") + " " + counter.getId().getTag("reason"), counter.count(),
					Double::sum);
		}
		return new ConnectorStatus(this.cursors.progress(), this.inbox.counts(), refused, this.inbox.failures(100),
				this.accounts.unmatched().size());
	}

	/** How many failed webhooks were put back in line. */
	record Retried(int retried) {
	}

	@PostMapping("/api/admin/connectors/failed-webhooks/retry")
	@Operation(summary = "Put every webhook the worker gave up on back in line, once what made it fail is mended")
	Retried retryFailed(@Parameter(hidden = true) Csm admin) {
		return new Retried(this.worker.retryFailed(List.of(), admin.username()));
	}

	@PostMapping("/api/admin/connectors/failed-webhooks/{id}/retry")
	@Operation(summary = "Put one webhook the worker gave up on back in line")
	Retried retryFailed(@PathVariable("id") @Positive long webhookId, @Parameter(hidden = true) Csm admin) {
		if (this.worker.retryFailed(List.of(webhookId), admin.username()) == 0) {
			throw new NotFoundException("No failed webhook " + webhookId + ".");
		}
		return new Retried(1);
	}

	@GetMapping("/api/admin/connectors/unmatched")
	@Operation(summary = "Desk organizations and requesters no customer is known for, with the tickets held for them")
	List<UnmatchedAccount> unmatched() {
		return this.accounts.unmatched();
	}

	/** The customer a desk account is. */
	record Mapping(@NotNull @Positive Long customerId) {
	}

	@PostMapping("/api/admin/connectors/unmatched/{id}/mapping")
	@Operation(summary = "Map a desk account onto a customer; its held tickets land at once")
	FeedReport map(@PathVariable("id") @Positive long accountId, @Valid @RequestBody Mapping mapping,
			@Parameter(hidden = true) Csm admin) {
		this.accounts.map(accountId, new CustomerId(mapping.customerId()), admin.username());
		return this.feed.release(accountId);
	}

}
