package io.aftercare.chat.web;

import java.util.List;

import io.aftercare.account.Csm;
import io.aftercare.connector.DeskAccounts;
import io.aftercare.connector.DeskFeed;
import io.aftercare.connector.FeedReport;
import io.aftercare.connector.InboxWorker;
import io.aftercare.connector.WebhookInbox;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.shared.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The admin's part of the side panel: the desk accounts no customer was found for, which
 * the admin maps by naming the customer, and the webhooks the worker set aside, which the
 * admin puts back in line once the cause is mended. A CSM sees neither, and is told there
 * is no such thing if they try.
 */
@Component
class DeskUpkeep {

	private final DeskAccounts accounts;

	private final DeskFeed feed;

	private final CustomerBook customers;

	private final WebhookInbox inbox;

	private final InboxWorker worker;

	DeskUpkeep(DeskAccounts accounts, DeskFeed feed, CustomerBook customers, WebhookInbox inbox, InboxWorker worker) {
		this.accounts = accounts;
		this.feed = feed;
		this.customers = customers;
		this.inbox = inbox;
		this.worker = worker;
	}

	/** What the panel shows the viewer of it: nothing for a CSM. */
	void addTo(Model model, Csm viewer) {
		model.addAttribute("unmatched",
				viewer.admin() ? this.accounts.unmatched().stream().limit(8).toList() : List.of());
		model.addAttribute("setAside", viewer.admin() ? this.inbox.failures(5) : List.of());
	}

	/**
	 * Maps the account onto the customer the admin named (forgivingly, as in a search);
	 * the tickets held for it land at once.
	 * @return what happened, in a sentence
	 */
	String map(Csm admin, long accountId, String customer) {
		requireAdmin(admin, "There is no such desk account.");
		List<Customer> found = this.customers.search(admin, customer, 2, 0);
		if (found.size() != 1) {
			return found.isEmpty() ? "No customer is called \"" + customer.strip() + "\"."
					: "Several customers match \"" + customer.strip() + "\": type more of the name.";
		}
		this.accounts.map(accountId, found.get(0).id(), admin.username());
		FeedReport released = this.feed.release(accountId);
		return "Mapped to " + found.get(0).name() + ": " + released.stored()
				+ ((released.stored() == 1) ? " ticket" : " tickets") + " landed.";
	}

	/**
	 * Puts every webhook the worker set aside back in line.
	 * @return what happened, in a sentence
	 */
	String retrySetAside(Csm admin) {
		requireAdmin(admin, "There are no such webhooks.");
		int retried = this.worker.retryFailed(List.of(), admin.username());
		return (retried == 0) ? "No webhook was set aside."
				: retried + ((retried == 1) ? " webhook is" : " webhooks are") + " back in line.";
	}

	private static void requireAdmin(Csm viewer, String otherwise) {
		if (!viewer.admin()) {
			throw new NotFoundException(otherwise);
		}
	}

}
